import Synchronization
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
    /// Makes each row's cells and adds up the totals; a copy works on a thread of its own while a long
    /// sheet's rows are made ready there (`writeRowsMadeElsewhere`), and comes back with the totals.
    private var cells: SheetRowCells
    /// The rows written into the sheet.
    private(set) var count = 0
    /// A row's cells on their way into the sheet, kept for the next row.
    private var pending = XLSXRowBatch()
    /// Told every 1 024 rows how many rows the workbook has, counting `rowsBefore` of its earlier sheets.
    var progress: any ProgressObserver = SilentProgress()
    var rowsBefore = 0
    /// The columns' keys, in order.
    let keys: [String]

    /// `heading`: the lines above the header row when the catalogue gives the sheet a heading, the first
    /// in bold. `narrowing`: the filters in use, which decide the columns shown (`omit_with_filter`, `only_with_filter`).
    init(workbook: XLSXWorkbook, name: String, definition: ReportSheet, language: Language, month: YearMonth?,
         heading: [String] = [], narrowing: Set<ReportFilterName> = []) throws {
        sheet = try workbook.addSheet(name)
        sheetName = name
        headerRow = heading.isEmpty ? 0 : heading.count + 1
        self.language = language
        texts = Texts(language)
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
        cells = SheetRowCells(types: expanded.map(\.type), highlights: expanded.map { $0.highlight.isEmpty ? nil : $0.highlight },
                              days: expanded.map(\.day), texts: texts, sheet: sheet)
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
        cells.add(values: values, to: &pending)
        defer { pending.removeAll() }
        try write(pending)
    }

    /// The rows a batch made ready on the helper thread holds.
    static let batchRows = 1_000

    /// Writes the rows `produce` gives, one call of its `row` a row, while their cells are made ready on a
    /// thread of its own (`produce` runs there too): this thread then does little but libxlsxwriter's own
    /// work. At most a few thousand rows wait between the two. A failure on either side stops both and is
    /// thrown here; the totals are those of every row given.
    func writeRowsMadeElsewhere(threadName: String,
                                _ produce: @escaping @Sendable (_ row: ([ReportValue]) throws -> Void) throws -> Void) throws {
        let batches = Handoff<XLSXRowBatch>(capacity: 4)
        let outcome = Mutex<Result<SheetRowCells, any Error>?>(nil)
        let columns = keys.count
        let making = Worker(name: threadName) { [cells] in
            var cells = cells
            do {
                var batch = XLSXRowBatch()
                batch.reserveCapacity(rows: Self.batchRows, cellsPerRow: columns)
                try produce { values in
                    cells.add(values: values, to: &batch)
                    guard batch.rows == Self.batchRows else { return }
                    // The writer stopped (it failed): no need to go on.
                    guard batches.put(batch) else { throw CancellationError() }
                    batch = XLSXRowBatch()
                    batch.reserveCapacity(rows: Self.batchRows, cellsPerRow: columns)
                }
                if batch.rows > 0 { _ = batches.put(batch) }
                outcome.withLock { $0 = .success(cells) }
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            batches.finish()
        }
        do {
            while let batch = batches.take() { try write(batch) }
        } catch {
            batches.cancel()
            making.join()
            throw error
        }
        making.join()
        switch outcome.withLock({ $0 }) {
        case .success(let made): cells = made
        case .failure(let error): throw error
        case nil: break
        }
    }

    /// Writes rows made ready by `SheetRowCells`, below the rows written so far.
    private func write(_ batch: XLSXRowBatch) throws {
        try sheet.write(batch, firstRow: headerRow + count + 1)
        let before = count
        count += batch.rows
        if count >> 10 != before >> 10 { progress.update(Int64(rowsBefore + count)) }
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
            let cached = column.type == .money ? Double(cells.moneyTotals[index]) / 100 : cells.totals[index]
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
