import CXLSXWriter
import TunetDomain

/// The footer of every printed page of a workbook: its name on the left; the day it was made and the page on
/// the right, in 9-point type. The caller writes each in the reader's language; `page` holds the footer codes
/// `&P` (this page) and `&N` (the pages), as in "Side &P av &N". The date is not centred: a long name, such
/// as an attendance list's farm and month, would run into it on a standing page.
public struct XLSXPrintFooter: Sendable, Equatable {
    public var name: String
    public var date: String
    public var page: String

    public init(name: String, date: String, page: String) {
        self.name = name
        self.date = date
        self.page = page
    }

    /// The most a footer may hold (libxlsxwriter's `LXW_HEADER_FOOTER_MAX`, Excel's own limit), counted
    /// here in UTF-8 bytes, which are never fewer than the characters either counts.
    public static let maximumLength = Int(LXW_HEADER_FOOTER_MAX)
    /// The most characters of the name printed: at 9 points, 70 of them and the right part (some 30) share
    /// a standing A4 page's line.
    public static let maximumNameLength = 70

    /// The footer as Excel's code: `&L` name, `&R` date and page, each after `&9` (the type size). An ampersand
    /// in the name or the date is written `&&` (a lone one starts a code); a name too long for the line or
    /// the limit is cut and ends with "…".
    public var code: String {
        let right = Self.sized(Self.escaped(date) + " · " + page)
        let room = Self.maximumLength - ("&L" + "&R" + right).utf8.count - Self.sized("").utf8.count - 1
        var kept = Self.escaped(name)
        if name.count > Self.maximumNameLength || kept.utf8.count > room {
            var cut = ""
            for character in name.prefix(Self.maximumNameLength - 1) {
                let next = cut + String(character)
                if Self.escaped(next).utf8.count + "…".utf8.count > room { break }
                cut = next
            }
            kept = Self.escaped(cut) + "…"
        }
        return "&L" + Self.sized(kept) + "&R" + right
    }

    /// A section's text after its type size; a space between when the text begins with a digit, which the
    /// size would otherwise swallow.
    static func sized(_ text: String) -> String {
        "&9" + (text.first?.isNumber == true ? " " : "") + text
    }

    static func escaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&&"
            // A line break would start a new line in the footer; a name is one line.
            case "\n", "\r", "\r\n": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// How one sheet prints, decided from its shape alone: the used range is the print area, on A4, landscape
/// when its columns are wider than a portrait page's printable width, always scaled to one page wide (and
/// as many pages long as it takes), the frozen header rows repeated at the top of every page.
public struct XLSXPrintLayout: Sendable, Equatable {
    public let lastRow: Int
    public let lastColumn: Int
    public let landscape: Bool
    /// Rows printed at the top of every page: those frozen on screen (the header), if any.
    public let repeatedRows: ClosedRange<Int>?

    /// A4 is 210 × 297 mm; Tunet's left and right margins are half an inch each.
    public static let margins = (left: 0.5, right: 0.5, top: 0.6, bottom: 0.8, footer: 0.3)
    static let pixelsPerInch = 96.0
    /// The printable width of A4 standing, in pixels at 96 dpi (8.27 in less the margins).
    public static let portraitWidth = (210 / 25.4 - margins.left - margins.right) * pixelsPerInch

    /// - Parameters:
    ///   - lastRow, lastColumn: the last used row and column (-1 for an empty sheet).
    ///   - widths: the widths set on columns, in characters; other columns have Excel's default.
    ///   - frozenRows: the rows frozen at the top (the header).
    public static func decide(lastRow: Int, lastColumn: Int, widths: [Int: Double], frozenRows: Int) -> XLSXPrintLayout {
        let lastRow = max(lastRow, 0), lastColumn = max(lastColumn, 0)
        let width = (0...lastColumn).reduce(0) { $0 + pixels(ofColumnWidth: widths[$1] ?? defaultColumnWidth) }
        let repeated = frozenRows > 0 && frozenRows <= lastRow ? 0...(frozenRows - 1) : nil
        return XLSXPrintLayout(lastRow: lastRow, lastColumn: lastColumn, landscape: Double(width) > portraitWidth, repeatedRows: repeated)
    }

    /// Excel's default column width, in characters of the default font's digits.
    public static let defaultColumnWidth = 8.43
    /// Excel's default row height, in pixels (15 points).
    static let defaultRowPixels = 20

    /// A column of `width` characters on screen and on paper, as Excel and libxlsxwriter reckon it (Calibri 11:
    /// 7 pixels a digit and 5 of padding).
    public static func pixels(ofColumnWidth width: Double) -> Int {
        guard width > 0 else { return 0 }
        return width < 1 ? Int(width * 12 + 0.5) : Int(width * 7 + 0.5) + 5
    }

    /// Sets it on the sheet, with the footer when there is one.
    func apply(to sheet: UnsafeMutablePointer<lxw_worksheet>, footer: XLSXPrintFooter?, path: String) throws(TunetError) {
        worksheet_set_paper(sheet, 9)  // A4
        if landscape { worksheet_set_landscape(sheet) } else { worksheet_set_portrait(sheet) }
        worksheet_set_margins(sheet, Self.margins.left, Self.margins.right, Self.margins.top, Self.margins.bottom)
        worksheet_fit_to_pages(sheet, 1, 0)
        try XLSXWorkbook.check(worksheet_print_area(sheet, 0, 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)), path: path)
        if let repeatedRows {
            try XLSXWorkbook.check(worksheet_repeat_rows(sheet, lxw_row_t(repeatedRows.lowerBound), lxw_row_t(repeatedRows.upperBound)), path: path)
        }
        if let footer {
            var options = lxw_header_footer_options()
            options.margin = Self.margins.footer
            let result = footer.code.withCString { worksheet_set_footer_opt(sheet, $0, &options) }
            try XLSXWorkbook.check(result, path: path)
        }
    }
}

/// What a sheet has been given so far, which decides how it prints: the cells written, the columns' widths,
/// the frozen rows and the charts. Kept as it is written, so a streamed sheet needs no second pass.
final class XLSXSheetShape {
    var lastRow = -1
    var lastColumn = -1
    var widths: [Int: Double] = [:]
    var frozenRows = 0
    /// Each chart's top-left cell; its default size (480 × 288 pixels) covers the cells from there.
    var charts: [(row: Int, column: Int)] = []

    @inline(__always)
    func cover(_ row: Int, _ column: Int) {
        if row > lastRow { lastRow = row }
        if column > lastColumn { lastColumn = column }
    }

    func width(of column: Int) -> Double { widths[column] ?? XLSXPrintLayout.defaultColumnWidth }

    var layout: XLSXPrintLayout {
        var lastRow = lastRow, lastColumn = lastColumn
        for chart in charts {
            lastRow = max(lastRow, chart.row + (288 + XLSXPrintLayout.defaultRowPixels - 1) / XLSXPrintLayout.defaultRowPixels - 1)
            var column = chart.column, covered = XLSXPrintLayout.pixels(ofColumnWidth: width(of: column))
            while covered < 480 {
                column += 1
                covered += XLSXPrintLayout.pixels(ofColumnWidth: width(of: column))
            }
            lastColumn = max(lastColumn, column)
        }
        return XLSXPrintLayout.decide(lastRow: lastRow, lastColumn: lastColumn, widths: widths, frozenRows: frozenRows)
    }
}
