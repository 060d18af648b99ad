import TunetDomain
import TunetSpreadsheet
import TunetText

/// Writes one catalogue sheet row by row (so it also works in constant-memory mode) and the totals at the end.
final class SheetWriter {
    let sheet: XLSXSheet
    let sheetName: String
    /// The header row: the first, or the fourth below a heading (a title and a note, then a blank row).
    let headerRow: Int
    let columns: [(key: String, type: ReportColumnType, header: String, width: Double, total: Bool, highlight: Set<String>, day: Int?)]
    let language: Language
    let texts: Texts
    /// Labels rendered once per code: a streamed sheet writes the same few for a million rows.
    private var labels: [Message: String] = [:]
    private let yes: String
    private let no: String
    private(set) var count = 0
    /// Told every 1 024 rows how many rows the workbook has, counting `rowsBefore` of its earlier sheets.
    var progress: any ProgressObserver = SilentProgress()
    var rowsBefore = 0
    /// The columns' keys, types, highlighted texts (nil for none) and days, apart: a streamed sheet
    /// reads them for each of a million rows.
    let keys: [String]
    private let types: [ReportColumnType]
    private let highlights: [Set<String>?]
    private let days: [Int?]
    private var totals: [Double]
    /// Money is summed exactly, in øre.
    private var moneyTotals: [Int64]
    private var formats: [ColumnFormats]

    /// A column's styles, plain and highlighted, each resolved to a workbook format on first use.
    final class ColumnFormats {
        let plain: XLSXStyle?
        let marked: XLSXStyle?
        /// By highlighted or not and by the kind of cell (other, money, date, blank): each kind has its own default.
        private var resolved = [XLSXFormat?](repeating: nil, count: 8)

        init(type: ReportColumnType) {
            switch type {
            case .money: (plain, marked) = (XLSXStyle(numberFormat: XLSXStyle.nokFormat), XLSXStyle(numberFormat: XLSXStyle.nokFormat, background: 0xFCE4D6))
            case .date: (plain, marked) = (.date, SheetWriter.highlightedDate)
            case .percent: (plain, marked) = (XLSXStyle(numberFormat: "0.0%"), XLSXStyle(numberFormat: "0.0%"))
            default: (plain, marked) = (nil, SheetWriter.highlighted)
            }
        }

        func format(marked isMarked: Bool, cell: XLSXCell, in sheet: XLSXSheet) -> XLSXFormat {
            let kind: Int
            switch cell {
            case .money: kind = 1
            case .date: kind = 2
            case .blank: kind = 3
            default: kind = 0
            }
            let slot = kind * 2 + (isMarked ? 1 : 0)
            if let known = resolved[slot] { return known }
            let format = sheet.format(for: cell, style: isMarked ? marked : plain)
            resolved[slot] = format
            return format
        }
    }
    static let highlighted = XLSXStyle(background: 0xFCE4D6)
    static let highlightedDate = XLSXStyle(numberFormat: "dd.mm.yyyy", background: 0xFCE4D6)

    /// `heading`: the lines above the header row when the catalogue gives the sheet a heading, the first
    /// in bold. `narrowing`: the filters in use, which decide the columns shown (`omit_with_filter`, `only_with_filter`).
    init(workbook: XLSXWorkbook, name: String, definition: ReportSheet, language: Language, month: YearMonth?,
         heading: [String] = [], narrowing: Set<ReportFilterName> = []) throws {
        sheet = try workbook.addSheet(name)
        sheetName = name
        headerRow = heading.isEmpty ? 0 : heading.count + 1
        self.language = language
        texts = Texts(language)
        yes = texts("report.yes")
        no = texts("report.no")
        var expanded: [(key: String, type: ReportColumnType, header: String, width: Double, total: Bool, highlight: Set<String>, day: Int?)] = []
        for column in definition.columns where column.isShown(narrowedBy: narrowing) {
            if column.type == .daysOfMonth, let month {
                for day in 1...LocalDate.daysIn(month: month.month, year: month.year) {
                    expanded.append((column.key, .daysOfMonth, String(day), column.width, false, [], day))
                }
            } else if column.type != .daysOfMonth {
                expanded.append((column.key, column.type, column.header.text(language), column.width, column.total ?? false,
                                 Set(column.highlight ?? []), nil))
            }
        }
        columns = expanded
        keys = expanded.map(\.key)
        types = expanded.map(\.type)
        highlights = expanded.map { $0.highlight.isEmpty ? nil : $0.highlight }
        days = expanded.map(\.day)
        totals = Array(repeating: 0, count: expanded.count)
        moneyTotals = Array(repeating: 0, count: expanded.count)
        formats = expanded.map { ColumnFormats(type: $0.type) }
        for (index, line) in heading.enumerated() { try sheet.write(index, 0, .text(line), style: index == 0 ? XLSXStyle.title : nil) }
        for (index, column) in columns.enumerated() { try sheet.setColumns(index, index, width: column.width) }
        // Wrapped in its column's width: printed, no header is cut by the next.
        try sheet.writeHeader(row: headerRow, columns.map(\.header))
        sheet.freezePanes(row: headerRow + 1, column: 1)
    }

    func write(_ row: ReportRow) throws {
        try write(values: keys.map { row[$0] ?? .none })
    }

    /// One row's values in column order (`keys`).
    func write<Values: RandomAccessCollection<ReportValue>>(values: Values) throws {
        count += 1
        if count & 1_023 == 0 { progress.update(Int64(rowsBefore + count)) }
        for (index, value) in zip(types.indices, values) {
            let cell: XLSXCell
            var text: String?
            switch (types[index], value) {
            case (.daysOfMonth, .days(let byDay)): text = byDay[days[index] ?? 0]; cell = text.map { .text($0) } ?? .blank
            case (_, .text(let value)): cell = .text(value); text = value
            case (_, .integer(let value)): cell = .integer(value); totals[index] += Double(value)
            case (_, .number(let value)): cell = .number(value); totals[index] += value
            case (_, .money(let value)): cell = .money(value); moneyTotals[index] += value.ore
            case (_, .date(let value)): cell = .date(value)
            case (_, .codedDate(let value, let code)): cell = .date(value); text = code
            case (_, .percent(let value)): cell = .number(value)
            case (_, .flag(let value)):
                text = value ? yes : no
                cell = .text(text!)
            case (_, .label(let message, let code)):
                let label = labels[message] ?? texts.render(message)
                labels[message] = label
                cell = .text(label)
                // The catalogue highlights codes: the same in every language.
                text = code
            default: cell = .blank
            }
            let marked = if let text, let highlight = highlights[index] { highlight.contains(text) } else { false }
            if case .blank = cell, !marked { continue }
            try sheet.write(headerRow + count, index, cell, format: formats[index].format(marked: marked, cell: cell, in: sheet))
        }
    }

    /// The totals row (formulas with cached values), the autofilter, or a note when nothing matched.
    func finish() throws {
        progress.update(Int64(rowsBefore + count))
        if count == 0 {
            try sheet.write(headerRow + 1, 0, .text(texts("report.no_rows")))
            return
        }
        try sheet.autofilter(firstRow: headerRow, firstColumn: 0, lastRow: headerRow + count, lastColumn: columns.count - 1)
        guard columns.contains(where: \.total) else { return }
        let totalRow = headerRow + count + 1
        try sheet.write(totalRow, 0, .text(texts("report.total")), style: XLSXStyle(bold: true))
        try writeTotals(totalRow)
    }

    /// The most rows a chart is drawn for: beyond them its columns or slices are too thin to read, and a
    /// spreadsheet program is slow to draw them.
    static let chartedRowsAtMost = 500

    /// The catalogue's chart for the sheet, below the data; a sheet of more rows than a chart can show
    /// says so there instead.
    func insertChart(_ chart: ReportChart?) throws {
        guard let chart, count > 0, let category = columns.firstIndex(where: { $0.key == chart.category }) else { return }
        guard count <= Self.chartedRowsAtMost else {
            try sheet.write(headerRow + count + 4, 1, .text(texts("report.chart_left_out", [
                "title": .text(chart.title.text(language)), "rows": .integer(count), "limit": .integer(Self.chartedRowsAtMost)])))
            return
        }
        let series = chart.series.compactMap { key in columns.firstIndex { $0.key == key }.map { (name: columns[$0].header, column: $0) } }
        let kind: XLSXChartKind = switch chart.type {
        case .column: .column
        case .stackedColumn: .stackedColumn
        case .bar: .bar
        case .line: .line
        case .pie: .pie
        }
        try sheet.insertChart(kind, title: chart.title.text(language), source: sheetName, rows: (headerRow + 1)...(headerRow + count),
                              categoryColumn: category, series: series, at: headerRow + count + 4, 1)
    }

    private func writeTotals(_ totalRow: Int) throws {
        for (index, column) in columns.enumerated() where column.total {
            let letter = Self.columnLetter(index)
            let format = column.type == .money ? XLSXStyle.nokFormat : "0"
            let cached = column.type == .money ? Double(moneyTotals[index]) / 100 : totals[index]
            try sheet.write(totalRow, index, .formula("=SUBTOTAL(9,\(letter)\(headerRow + 2):\(letter)\(headerRow + count + 1))", cachedValue: cached),
                            style: XLSXStyle(bold: true, numberFormat: format))
        }
    }

    static func columnLetter(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(65 + remainder)!) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}
