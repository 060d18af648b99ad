import CXLSXWriter
import Foundation
import TunetDomain

/// How a cell looks. Styles are turned into libxlsxwriter formats once per workbook.
public struct XLSXStyle: Hashable, Sendable {
    public var bold = false
    public var numberFormat: String?
    /// RGB, like 0xDDEBF7.
    public var background: UInt32?
    public var fontColor: UInt32?
    /// Cells a user may edit in a protected sheet.
    public var unlocked = false
    public var wrap = false
    /// Aligned with the top of a tall row (a wrapped text's label) rather than the bottom.
    public var top = false

    public init(bold: Bool = false, numberFormat: String? = nil, background: UInt32? = nil, fontColor: UInt32? = nil,
                unlocked: Bool = false, wrap: Bool = false, top: Bool = false) {
        self.bold = bold
        self.numberFormat = numberFormat
        self.background = background
        self.fontColor = fontColor
        self.unlocked = unlocked
        self.wrap = wrap
        self.top = top
    }

    public static let header = XLSXStyle(bold: true, background: 0xDDEBF7)
    public static let date = XLSXStyle(numberFormat: "dd.mm.yyyy")
    /// The number format for NOK: two decimals and "kr"; readers show their own separators (1 234,50 kr).
    public static let nokFormat = "#,##0.00\\ \"kr\""
    public static let money = XLSXStyle(numberFormat: nokFormat)
    public static let title = XLSXStyle(bold: true)
}

/// A format of one workbook, resolved from an `XLSXStyle` once and used for many cells.
public struct XLSXFormat {
    let pointer: UnsafeMutablePointer<lxw_format>?
}

public enum XLSXCell: Sendable {
    case text(String)
    case integer(Int)
    case number(Double)
    case money(Money)
    case date(LocalDate)
    /// A formula with the value it computes, so that readers which do not recalculate see it.
    case formula(String, cachedValue: Double)
    case blank

    /// The most characters a spreadsheet cell holds (Excel's limit; libxlsxwriter refuses more).
    public static let maximumTextLength = 32_767

    /// A text as a cell can hold it: a longer one is cut and ends with "…", so that a report never fails
    /// on a stored value (a 33,000-character file name once broke the audit export for good). Counted in
    /// UTF-16 units, as Excel counts, which is never fewer than the characters libxlsxwriter counts.
    public static func fitted(_ text: String) -> String {
        // A text's UTF-16 units are never more than its UTF-8 bytes, which a native string knows without counting.
        guard text.utf8.count > maximumTextLength, text.utf16.count > maximumTextLength else { return text }
        var kept = String.UnicodeScalarView()
        var units = 0
        for scalar in text.unicodeScalars {
            let size = scalar.utf16.count
            if units + size > maximumTextLength - 1 { break }
            kept.append(scalar)
            units += size
        }
        return String(kept) + "…"
    }
}

/// A workbook written through libxlsxwriter. Every libxlsxwriter error becomes a `TunetError`
/// carrying its message. `close()` writes the file; a workbook that is never closed writes nothing.
/// Every sheet prints: `close()` gives each the print setup its shape calls for (`XLSXPrintLayout`) and the footer.
public final class XLSXWorkbook {
    let pointer: UnsafeMutablePointer<lxw_workbook>
    public let path: String
    let constantMemory: Bool
    /// The footer of every printed page of every sheet; none when nil.
    public var footer: XLSXPrintFooter?
    private var formats: [XLSXStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var closed = false
    private var sheetNames: Set<String> = []
    private var sheets: [(pointer: UnsafeMutablePointer<lxw_worksheet>, shape: XLSXSheetShape)] = []

    /// - Parameters:
    ///   - constantMemory: rows are flushed as they are written (in increasing order), for large sheets.
    ///   - footer: the footer of every printed page (the workbook's name, the day it was made, the page).
    public init(path: String, constantMemory: Bool = false, footer: XLSXPrintFooter? = nil) throws(TunetError) {
        self.path = path
        self.constantMemory = constantMemory
        self.footer = footer
        var options = lxw_workbook_options(constant_memory: constantMemory ? 1 : 0, tmpdir: nil, use_zip64: 0)
        guard let workbook = path.withCString({ workbook_new_opt($0, &options) }) else {
            throw .unwritableOutput(path: path, reason: Message("files.xlsx_writer.no_workbook"))
        }
        pointer = workbook
    }

    deinit {
        // An unclosed workbook is abandoned: free it without leaving a half-written file behind.
        if !closed {
            lxw_workbook_free(pointer)
        }
    }

    public func addSheet(_ name: String) throws(TunetError) -> XLSXSheet {
        // Excel limits sheet names to 31 characters without []:*?/\ and unique within the workbook.
        var clean = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
        var suffix = 2
        while sheetNames.contains(clean.lowercased()) {
            clean = String(clean.prefix(28)) + " \(suffix)"
            suffix += 1
        }
        sheetNames.insert(clean.lowercased())
        guard let sheet = clean.withCString({ workbook_add_worksheet(pointer, $0) }) else {
            throw .unwritableOutput(path: path, reason: Message("files.xlsx_writer.sheet_name", ["name": .text(clean)]))
        }
        let shape = XLSXSheetShape()
        sheets.append((sheet, shape))
        return XLSXSheet(pointer: sheet, workbook: self, shape: shape)
    }

    func format(_ style: XLSXStyle?) -> UnsafeMutablePointer<lxw_format>? {
        guard let style else { return nil }
        return format(style)
    }

    private func format(_ style: XLSXStyle) -> UnsafeMutablePointer<lxw_format>? {
        if let existing = formats[style] { return existing }
        let format = workbook_add_format(pointer)
        if style.bold { format_set_bold(format) }
        if let numberFormat = style.numberFormat { numberFormat.withCString { format_set_num_format(format, $0) } }
        if let background = style.background {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, background)
        }
        if let color = style.fontColor { format_set_font_color(format, color) }
        if style.unlocked { format_set_unlocked(format) }
        if style.wrap { format_set_text_wrap(format) }
        if style.top { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        formats[style] = format
        return format
    }

    /// Writes the file. Errors (a folder that cannot be written, a full disk) are reported here.
    public func close() throws(TunetError) {
        guard !closed else { return }
        // Page setup and print areas are written when the file is put together, also in constant-memory mode.
        for sheet in sheets {
            do {
                try sheet.shape.layout.apply(to: sheet.pointer, footer: footer, path: path)
            } catch {
                closed = true
                lxw_workbook_free(pointer)
                throw error
            }
        }
        closed = true
        let result = workbook_close(pointer)
        try Self.check(result, path: path)
    }

    static func check(_ error: lxw_error, path: String) throws(TunetError) {
        guard error != LXW_NO_ERROR else { return }
        throw .unwritableOutput(path: path, reason: Message("files.xlsx_writer.error", ["detail": .text(String(cString: lxw_strerror(error)))]))
    }
}

/// One worksheet. Rows and columns count from 0, as in libxlsxwriter.
public struct XLSXSheet {
    let pointer: UnsafeMutablePointer<lxw_worksheet>
    unowned let workbook: XLSXWorkbook
    let shape: XLSXSheetShape

    public func write(_ row: Int, _ column: Int, _ cell: XLSXCell, style: XLSXStyle? = nil) throws(TunetError) {
        try write(row, column, cell, format: format(for: cell, style: style))
    }

    /// The format a cell is written with: the style's, or the money and date formats by default.
    public func format(for cell: XLSXCell, style: XLSXStyle?) -> XLSXFormat {
        switch cell {
        case .money: XLSXFormat(pointer: workbook.format(style ?? .money))
        case .date: XLSXFormat(pointer: workbook.format(style ?? .date))
        default: XLSXFormat(pointer: workbook.format(style))
        }
    }

    /// Writes with a format looked up once: for a million rows, not a dictionary lookup per cell.
    public func write(_ row: Int, _ column: Int, _ cell: XLSXCell, format: XLSXFormat) throws(TunetError) {
        let r = lxw_row_t(row), c = lxw_col_t(column)
        let result: lxw_error
        let format = format.pointer
        switch cell {
        case .text(let text):
            result = XLSXCell.fitted(text).withCString { worksheet_write_string(pointer, r, c, $0, format) }
        case .integer(let value):
            result = worksheet_write_number(pointer, r, c, Double(value), format)
        case .number(let value):
            result = worksheet_write_number(pointer, r, c, value, format)
        case .money(let money):
            result = worksheet_write_number(pointer, r, c, Double(money.ore) / 100, format)
        case .date(let date):
            // Field by field: never through an instant that a time zone could move.
            var value = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day), hour: 0, min: 0, sec: 0)
            result = worksheet_write_datetime(pointer, r, c, &value, format)
        case .formula(let formula, let cached):
            result = formula.withCString { worksheet_write_formula_num(pointer, r, c, $0, format, cached) }
        case .blank:
            result = worksheet_write_blank(pointer, r, c, format)
        }
        if result != LXW_NO_ERROR { try XLSXWorkbook.check(result, path: workbook.path) }
        shape.cover(row, column)
    }

    /// Writes a row of cells from `column` on.
    public func write(row: Int, from column: Int = 0, _ cells: [XLSXCell], style: XLSXStyle? = nil) throws(TunetError) {
        for (offset, cell) in cells.enumerated() { try write(row, column + offset, cell, style: style) }
    }

    public func setColumns(_ first: Int, _ last: Int, width: Double, style: XLSXStyle? = nil) throws(TunetError) {
        try XLSXWorkbook.check(worksheet_set_column(pointer, lxw_col_t(first), lxw_col_t(last), width, workbook.format(style)), path: workbook.path)
        for column in first...max(first, last) { shape.widths[column] = width }
    }

    /// Keeps the rows above `row` and the columns left of `column` in view. The frozen rows are the sheet's
    /// header: printed, they are repeated at the top of every page.
    public func freezePanes(row: Int, column: Int) {
        worksheet_freeze_panes(pointer, lxw_row_t(row), lxw_col_t(column))
        shape.frozenRows = row
    }

    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws(TunetError) {
        try XLSXWorkbook.check(worksheet_autofilter(pointer, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow),
                                                    lxw_col_t(lastColumn)), path: workbook.path)
    }

    /// A dropdown list: only these values may be entered in the range. `title` and `message` show when a
    /// cell is chosen, `error` when another value is typed; the caller writes them in the reader's language.
    public func dropdown(rows: ClosedRange<Int>, column: Int, values: [String], title: String, message: String,
                         error: String) throws(TunetError) {
        var cStrings: [UnsafeMutablePointer<CChar>?] = values.map { strdup($0) } + [nil]
        let cTitle = strdup(title), cMessage = strdup(message), cErrorTitle = strdup(title)
        let cError = strdup(error)
        defer {
            for pointer in cStrings { free(pointer) }
            for pointer in [cTitle, cMessage, cErrorTitle, cError] { free(pointer) }
        }
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
        validation.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
        validation.show_input = UInt8(LXW_VALIDATION_ON.rawValue)
        validation.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
        validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        validation.input_title = cTitle
        validation.input_message = cMessage
        validation.error_title = cErrorTitle
        validation.error_message = cError
        let result = cStrings.withUnsafeMutableBufferPointer { buffer -> lxw_error in
            validation.value_list = buffer.baseAddress
            return worksheet_data_validation_range(pointer, lxw_row_t(rows.lowerBound), lxw_col_t(column), lxw_row_t(rows.upperBound),
                                                   lxw_col_t(column), &validation)
        }
        try XLSXWorkbook.check(result, path: workbook.path)
    }

    /// Protects the sheet: only cells with an unlocked style can be edited; columns may still be widened and rows filtered.
    public func protect() {
        var options = lxw_protection()
        options.format_columns = 1
        options.autofilter = 1
        options.sort = 1
        worksheet_protect(pointer, nil, &options)
    }
}

public enum XLSXChartKind: Sendable {
    case column, stackedColumn, bar, line, pie

    var code: UInt8 {
        switch self {
        case .column: UInt8(LXW_CHART_COLUMN.rawValue)
        case .stackedColumn: UInt8(LXW_CHART_COLUMN_STACKED.rawValue)
        case .bar: UInt8(LXW_CHART_BAR.rawValue)
        case .line: UInt8(LXW_CHART_LINE.rawValue)
        case .pie: UInt8(LXW_CHART_PIE.rawValue)
        }
    }
}

extension XLSXSheet {
    /// A chart of data already written in `source`: categories in one column, a series per value
    /// column, over rows `rows`, placed with its top-left corner at (`row`, `column`) of this sheet.
    public func insertChart(_ kind: XLSXChartKind, title: String, source: String, rows: ClosedRange<Int>, categoryColumn: Int,
                            series: [(name: String, column: Int)], at row: Int, _ column: Int) throws(TunetError) {
        guard let chart = workbook_add_chart(workbook.pointer, kind.code) else {
            throw .unwritableOutput(path: workbook.path, reason: Message("files.xlsx_writer.no_chart"))
        }
        title.withCString { chart_title_set_name(chart, $0) }
        for entry in series {
            guard let line = chart_add_series(chart, nil, nil) else { continue }
            source.withCString { sheet in
                chart_series_set_categories(line, sheet, lxw_row_t(rows.lowerBound), lxw_col_t(categoryColumn),
                                            lxw_row_t(rows.upperBound), lxw_col_t(categoryColumn))
                chart_series_set_values(line, sheet, lxw_row_t(rows.lowerBound), lxw_col_t(entry.column),
                                        lxw_row_t(rows.upperBound), lxw_col_t(entry.column))
            }
            entry.name.withCString { chart_series_set_name(line, $0) }
        }
        try XLSXWorkbook.check(worksheet_insert_chart(pointer, lxw_row_t(row), lxw_col_t(column), chart), path: workbook.path)
        shape.charts.append((row, column))
    }
}
