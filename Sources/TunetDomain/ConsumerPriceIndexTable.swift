/// Statistics Norway's table 03013 as its statistics bank delivers it, read from the rows of the
/// download (format: Contracts/kpi-03013.md). It finds the all-item consumer price index
/// (2015 = 100) and says, row by row, what else the download carried and was left out.
///
/// What a download looks like depends on how the user arranged the table before saving it:
/// - **long**: a `måned` column, one row per month (and per consumer group, and per statistic
///   variable when the variables are a `statistikkvariabel` column), or one column per variable;
/// - **wide**: one column per month (`Konsumprisindeks (2015=100) 2026M10`, or `2026M10` with the
///   variable in a `statistikkvariabel` column), one row per consumer group.
/// Title lines come before the header row; a blank line or a line of text (the source, footnotes)
/// ends the table. Statistics Norway's symbols stand for missing figures: `..` not available
/// (a month not yet published), `.` not applicable, `...` not for publication, `:` confidential.
public struct ConsumerPriceIndexTable: Sendable, Equatable {
    /// One line of the download as a spreadsheet shows it (the first line is row 1).
    public struct Row: Sendable, Equatable {
        public let number: Int
        public let cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }

        subscript(column: Int) -> String { column < cells.count ? cells[column].trimmingWhitespace() : "" }

        var filledCells: [String] { cells.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty } }
    }

    public enum Layout: String, Sendable, Codable {
        case long, wide
    }

    /// Why a row of the download was not read.
    public enum LeftOutReason: String, Sendable, Codable, CaseIterable {
        case otherConsumerGroup = "other_consumer_group"
        case otherStatisticVariable = "other_statistic_variable"
        case notAvailable = "not_available"
        case notApplicable = "not_applicable"
        case notForPublication = "not_for_publication"
        case confidential
        case noValue = "no_value"
        case repeated

        /// Statistics Norway's symbol for a figure that is missing, as it stands in the cell.
        static func missingFigure(_ cell: String) -> LeftOutReason? {
            switch cell {
            case "": .noValue
            case "..": .notAvailable
            case ".": .notApplicable
            case "...": .notForPublication
            case ":": .confidential
            default: nil
            }
        }

        /// Why, for people: "'..' not available (not yet published)".
        public var message: Message {
            switch self {
            case .otherConsumerGroup: Message("rules.kpi.left_out.other_consumer_group")
            case .otherStatisticVariable: Message("rules.kpi.left_out.other_statistic_variable")
            case .notAvailable: Message("rules.kpi.left_out.not_available")
            case .notApplicable: Message("rules.kpi.left_out.not_applicable")
            case .notForPublication: Message("rules.kpi.left_out.not_for_publication")
            case .confidential: Message("rules.kpi.left_out.confidential")
            case .noValue: Message("rules.kpi.left_out.no_value")
            case .repeated: Message("rules.kpi.left_out.repeated")
            }
        }
    }

    /// Rows left out for one reason, and what they held (the consumer groups, the variables or the months).
    public struct LeftOutRows: Sendable, Equatable, Codable {
        public let reason: LeftOutReason
        public internal(set) var rows: [Int]
        public internal(set) var names: [String]

        /// `7, 9` or `5–6, 8–9`: runs of consecutive rows are written as ranges.
        public var rowList: String {
            var runs: [String] = []
            var start = rows.first, previous = rows.first
            for row in rows.dropFirst() + [Int.min] {
                if let last = previous, row == last + 1 {
                    previous = row
                    continue
                }
                if let first = start, let last = previous { runs.append(first == last ? "\(first)" : "\(first)–\(last)") }
                start = row
                previous = row
            }
            return runs.joined(separator: ", ")
        }
    }

    public struct Entry: Sendable, Equatable {
        public let month: YearMonth
        public let index: IndexValue
        public let row: Int
    }

    public let layout: Layout
    /// The all-item index per month, in the order of the download.
    public private(set) var entries: [Entry] = []
    /// Rows not read, grouped by reason in the order the reasons first occur.
    public private(set) var leftOut: [LeftOutRows] = []
    /// The statistic variables beside the index (monthly change, 12-month change, ...), not read.
    public private(set) var otherVariables: [String] = []
    /// Months of the all-item index that the download has without a figure (`..` and the like).
    public private(set) var monthsWithoutValue: [YearMonth] = []

    /// How many rows (not cells) were left out.
    public var rowsLeftOut: Int { leftOut.reduce(0) { $0 + $1.rows.count } }

    init(layout: Layout) { self.layout = layout }

    /// Reads the rows of a download; `source` names it in messages. Throws `unreadableFile` when this
    /// is not table 03013 with the index in it, and `invalidInput` naming every bad row (a value that
    /// is not an index, a month in an unknown form, a month given twice with different values).
    public static func read(_ rows: [Row], source: String) throws(TunetError) -> ConsumerPriceIndexTable {
        guard let headerPosition = rows.firstIndex(where: isHeader) else {
            throw .unreadableFile(path: source, reason: Message("rules.kpi.no_header"))
        }
        let header = Header(rows[headerPosition])
        var reader = try Reader(header: header, source: source)
        for row in rows[(headerPosition + 1)...] { reader.take(row) }
        try reader.problems.check()
        guard !reader.table.entries.isEmpty else {
            let others = reader.table.otherVariables
            throw .unreadableFile(path: source, reason: others.isEmpty
                ? Message("rules.kpi.no_values")
                : Message("rules.kpi.no_values_others", ["others": .text(others.joined(separator: ", "))]))
        }
        return reader.table
    }

    // MARK: - The rules of the table

    /// The statistic variable that is the index itself, not a change in it.
    public static func isIndexVariable(_ name: String) -> Bool {
        let text = folded(name)
        guard text.contains("indeks") || text.contains("index") else { return false }
        return !["endring", "change", "prosent", "percent", "rate", "vekt", "weight", "bidrag", "contribution"].contains { text.contains($0) }
    }

    /// The all-item index among the consumer groups (`Totalindeks`, `All-item index`, code `00`).
    public static func isAllItemGroup(_ name: String) -> Bool {
        let text = folded(name)
        return text.contains("totalindeks") || text.contains("allitem") || text.hasPrefix("00")
    }

    /// Lines Statistics Norway writes below the table.
    static let notePrefixes = ["kilde", "source", "fotnote", "footnote", "merknad", "note", "tegnforklaring", "symbol",
                               "sistoppdatert", "lastupdated", "kontakt", "contact"]

    /// `Konsumprisindeks (2015=100) 2026M10` → (2026M10, `Konsumprisindeks (2015=100)`); `2026M10` → (2026M10, nil).
    static func monthHeading(_ text: String) -> (month: YearMonth, variable: String?)? {
        let trimmed = text.trimmingWhitespace()
        let token = trimmed.split(separator: " ").last.map(String.init) ?? ""
        guard token.count == 7, token.dropFirst(4).first == "M", case .success(let month) = YearMonth.parse(token) else { return nil }
        let variable = String(trimmed.dropLast(token.count)).trimmingWhitespace()
        return (month, variable.isEmpty ? nil : variable)
    }

    static func isHeader(_ row: Row) -> Bool {
        guard row.filledCells.count >= 2 else { return false }
        return row.cells.contains { ["maned", "month"].contains(folded($0)) || monthHeading($0) != nil }
    }

    /// Lower case, æøå spelled out, spaces and punctuation dropped: `12-måneders endring` → `12manedersendring`.
    static func folded(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            switch character {
            case "æ": result += "ae"
            case "ø", "ö": result += "o"
            case "å", "ä": result += "a"
            case " ", "_", "-", ".", "/", "(", ")", ":", ",", "\"": continue
            default: result.append(character)
            }
        }
        return result
    }

    // MARK: - Reading

    struct Header {
        let row: Row
        var monthColumn: Int?
        var groupColumn: Int?
        var variableColumn: Int?
        var monthColumns: [(column: Int, month: YearMonth, variable: String?)] = []
        var valueColumns: [Int] = []

        init(_ row: Row) {
            self.row = row
            for (column, cell) in row.cells.enumerated() {
                let name = ConsumerPriceIndexTable.folded(cell)
                if let heading = ConsumerPriceIndexTable.monthHeading(cell) {
                    monthColumns.append((column, heading.month, heading.variable))
                } else if name == "maned" || name == "month", monthColumn == nil {
                    monthColumn = column
                } else if ["konsumgruppe", "consumptiongroup", "consumergroup"].contains(where: { name.hasPrefix($0) }), groupColumn == nil {
                    groupColumn = column
                } else if ["statistikkvariabel", "statisticalvariable", "statisticvariable", "contents", "innhold"].contains(where: { name.hasPrefix($0) }),
                          variableColumn == nil {
                    variableColumn = column
                } else if !name.isEmpty {
                    valueColumns.append(column)
                }
            }
        }

        func name(_ column: Int) -> String { row[column] }
    }

    struct Reader {
        let header: Header
        var table: ConsumerPriceIndexTable
        var problems = ProblemCollector()
        /// Long layout: the column with the index values.
        var indexColumn: Int?
        /// Wide layout: the month columns of the index.
        var indexMonthColumns: [(column: Int, month: YearMonth)] = []
        var seen: [YearMonth: Entry] = [:]
        /// The row that ended the table (a blank line or a note); later rows are notes.
        var end: (row: Int, blank: Bool)?

        init(header: Header, source: String) throws(TunetError) {
            self.header = header
            if !header.monthColumns.isEmpty {
                table = ConsumerPriceIndexTable(layout: .wide)
                for (column, month, variable) in header.monthColumns {
                    if let variable, !ConsumerPriceIndexTable.isIndexVariable(variable) {
                        table.noteVariable(variable)
                    } else {
                        indexMonthColumns.append((column, month))
                    }
                }
                guard !indexMonthColumns.isEmpty else {
                    throw .unreadableFile(path: source, reason: Message("rules.kpi.month_columns_no_index", ["others": .text(table.otherVariables.joined(separator: ", "))]))
                }
                return
            }
            table = ConsumerPriceIndexTable(layout: .long)
            guard header.monthColumn != nil else {
                throw .unreadableFile(path: source, reason: Message("rules.kpi.no_month_column"))
            }
            if header.variableColumn != nil {
                // One row per variable: the one column left holds the figure, whatever its heading
                // (Statistics Norway puts the table's title there).
                guard header.valueColumns.count == 1 else {
                    throw .unreadableFile(path: source, reason: Message("rules.kpi.one_value_column", ["count": .integer(header.valueColumns.count)]))
                }
                indexColumn = header.valueColumns[0]
                return
            }
            for column in header.valueColumns {
                if indexColumn == nil, ConsumerPriceIndexTable.isIndexVariable(header.name(column)) {
                    indexColumn = column
                } else {
                    table.noteVariable(header.name(column))
                }
            }
            guard indexColumn != nil else {
                let others = table.otherVariables
                throw .unreadableFile(path: source, reason: others.isEmpty
                    ? Message("rules.kpi.no_index_column")
                    : Message("rules.kpi.no_index_column_others", ["others": .text(others.joined(separator: ", "))]))
            }
        }

        mutating func take(_ row: Row) {
            if let end {
                if looksLikeTableRow(row) {
                    let column = header.monthColumn ?? header.groupColumn ?? 0
                    problems.add(FieldProblem(row: row.number, field: header.name(column), value: row[column],
                                                 reason: Message(end.blank ? "rules.kpi.below_end_blank" : "rules.kpi.below_end_note", ["row": .integer(end.row)])))
                }
                return
            }
            if row.filledCells.isEmpty || isNote(row) {
                end = (row.number, row.filledCells.isEmpty)
                return
            }
            if let column = header.groupColumn, !ConsumerPriceIndexTable.isAllItemGroup(row[column]) {
                return table.leave(row.number, .otherConsumerGroup, name: row[column])
            }
            if let column = header.variableColumn, !ConsumerPriceIndexTable.isIndexVariable(row[column]) {
                table.noteVariable(row[column])
                return table.leave(row.number, .otherStatisticVariable, name: row[column])
            }
            switch table.layout {
            case .wide:
                for (column, month) in indexMonthColumns { takeFigure(row, column: column, month: month, wholeRow: false) }
            case .long:
                let monthColumn = header.monthColumn!
                switch YearMonth.parse(row[monthColumn]) {
                case .success(let month): takeFigure(row, column: indexColumn!, month: month, wholeRow: true)
                case .failure(let reason):
                    problems.add(FieldProblem(row: row.number, field: header.name(monthColumn), value: row[monthColumn], reason: reason.message))
                }
            }
        }

        /// A figure of the index for one month; in the long layout the row is that figure, so a
        /// missing figure leaves the row out, while a wide row still gives its other months.
        mutating func takeFigure(_ row: Row, column: Int, month: YearMonth, wholeRow: Bool) {
            let cell = row[column]
            if let missing = LeftOutReason.missingFigure(cell) {
                if !table.monthsWithoutValue.contains(month) { table.monthsWithoutValue.append(month) }
                if wholeRow { table.leave(row.number, missing, name: month.ssb) }
                return
            }
            switch IndexValue.parse(cell) {
            case .success(let index):
                if let earlier = seen[month] {
                    if earlier.index == index {
                        if wholeRow { table.leave(row.number, .repeated, name: month.ssb) }
                    } else {
                        problems.add(FieldProblem(row: row.number, field: header.name(column), value: cell,
                                                     reason: Message("rules.kpi.month_twice", ["month": .text(month.ssb), "row": .integer(earlier.row), "index": .tenths(earlier.index.tenths)])))
                    }
                    return
                }
                let entry = Entry(month: month, index: index, row: row.number)
                seen[month] = entry
                table.entries.append(entry)
            case .failure(let reason):
                problems.add(FieldProblem(row: row.number, field: header.name(column), value: cell, reason: reason.message))
            }
        }

        /// A line of text under the table: the source, a footnote, the table's title again.
        func isNote(_ row: Row) -> Bool {
            let filled = row.filledCells
            if let first = filled.first.map(ConsumerPriceIndexTable.folded), ConsumerPriceIndexTable.notePrefixes.contains(where: { first.hasPrefix($0) }) {
                return true
            }
            guard filled.count == 1 else { return false }
            // A long row whose only cell is its month is a month without a figure, not a note.
            if table.layout == .long, case .success = YearMonth.parse(row[header.monthColumn!]) { return false }
            return true
        }

        /// Figures under the table's end would be lost silently: they are an error instead.
        func looksLikeTableRow(_ row: Row) -> Bool {
            guard row.filledCells.count >= 2 else { return false }
            switch table.layout {
            case .long:
                if case .success = YearMonth.parse(row[header.monthColumn!]) { return true }
                return false
            case .wide:
                return indexMonthColumns.contains { if case .success = IndexValue.parse(row[$0.column]) { true } else { false } }
            }
        }
    }

    mutating func noteVariable(_ name: String) {
        let name = name.trimmingWhitespace()
        if !name.isEmpty, !otherVariables.contains(name) { otherVariables.append(name) }
    }

    mutating func leave(_ row: Int, _ reason: LeftOutReason, name: String) {
        let name = name.trimmingWhitespace()
        if let position = leftOut.firstIndex(where: { $0.reason == reason }) {
            leftOut[position].rows.append(row)
            if !name.isEmpty, !leftOut[position].names.contains(name) { leftOut[position].names.append(name) }
        } else {
            leftOut.append(LeftOutRows(reason: reason, rows: [row], names: name.isEmpty ? [] : [name]))
        }
    }
}
