import TunetDomain
import TunetSpreadsheet
import TunetText

/// Turns a catalogue sheet's rows into cells and adds up its totals: the part of writing a row that needs
/// no workbook. A long sheet's rows are made ready this way on one thread while another writes them
/// (`ReportDesk`); a short sheet's are made ready and written one by one (`SheetWriter`).
///
/// Every format a cell may take is resolved from the workbook when the cells are made (the workbook is
/// not touched afterwards), so a copy may work on another thread while the workbook is written.
struct SheetRowCells: @unchecked Sendable {
    private let types: [ReportColumnType]
    /// The texts each column highlights; nil for none.
    private let highlights: [Set<String>?]
    /// The day of the month each `days_of_month` column shows.
    private let days: [Int?]
    /// Each column's formats, by kind of cell and highlighted or not (`slot`).
    private let formats: [[XLSXFormat]]
    private let texts: Texts
    private let yes: String
    private let no: String
    /// Labels rendered once per code: a long sheet writes the same few for a million rows. The last one
    /// of each column is kept apart, as it is nearly always the next.
    private var labels: [Message: String] = [:]
    private var lastLabels: [(message: Message, text: String)?]
    /// The rows made ready.
    private(set) var count = 0
    private(set) var totals: [Double]
    /// Money is summed exactly, in øre.
    private(set) var moneyTotals: [Int64]

    init(types: [ReportColumnType], highlights: [Set<String>?], days: [Int?], texts: Texts, sheet: XLSXSheet) {
        self.types = types
        self.highlights = highlights
        self.days = days
        self.texts = texts
        yes = texts("report.yes")
        no = texts("report.no")
        formats = types.map { type in
            let (plain, marked) = Self.styles(of: type)
            return Self.kinds.flatMap { cell in [plain, marked].map { sheet.format(for: cell, style: $0) } }
        }
        lastLabels = Array(repeating: nil, count: types.count)
        totals = Array(repeating: 0, count: types.count)
        moneyTotals = Array(repeating: 0, count: types.count)
    }

    static let highlighted = XLSXStyle(background: 0xFCE4D6)
    static let highlightedDate = XLSXStyle(numberFormat: "dd.mm.yyyy", background: 0xFCE4D6)

    /// A column's styles, plain and highlighted.
    private static func styles(of type: ReportColumnType) -> (plain: XLSXStyle?, marked: XLSXStyle?) {
        switch type {
        case .money: (XLSXStyle(numberFormat: XLSXStyle.nokFormat), XLSXStyle(numberFormat: XLSXStyle.nokFormat, background: 0xFCE4D6))
        case .date: (.date, highlightedDate)
        case .percent: (XLSXStyle(numberFormat: "0.0%"), XLSXStyle(numberFormat: "0.0%"))
        default: (nil, highlighted)
        }
    }

    /// One cell of each kind that has a default format of its own (other, money, date, blank), in `slot`'s order.
    private static let kinds: [XLSXCell] = [.text(""), .money(.zero), .date(LocalDate(year: 2000, month: 1, day: 1)!), .blank]

    private static func slot(of cell: XLSXCell, marked: Bool) -> Int {
        let kind = switch cell {
        case .money: 1
        case .date: 2
        case .blank: 3
        default: 0
        }
        return kind * 2 + (marked ? 1 : 0)
    }

    /// Adds one row's values, in column order, to `batch` as a row of its own.
    mutating func add<Values: RandomAccessCollection<ReportValue>>(values: Values, to batch: inout XLSXRowBatch) {
        count += 1
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
                cell = .text(label(message, column: index))
                // The catalogue highlights codes: the same in every language.
                text = code
            default: cell = .blank
            }
            let marked = if let text, let highlight = highlights[index] { highlight.contains(text) } else { false }
            if case .blank = cell, !marked { continue }
            batch.add(cell, column: index, format: formats[index][Self.slot(of: cell, marked: marked)])
        }
        batch.endRow()
    }

    private mutating func label(_ message: Message, column: Int) -> String {
        if let last = lastLabels[column], last.message == message { return last.text }
        let text: String
        if let known = labels[message] {
            text = known
        } else {
            text = texts.render(message)
            labels[message] = text
        }
        lastLabels[column] = (message, text)
        return text
    }
}
