import Foundation
import Synchronization
import TunetDomain
import TunetText
import TunetSpreadsheet
import TunetStorage

public struct ExportResult: Sendable, Encodable {
    public let report: String
    public let file: String
    public let sheets: [String]
    public let rows: Int
}

/// Writes a catalogue report as a workbook: a front sheet (title, filters, time, version), then each
/// sheet with styled frozen headers, an autofilter, widths, typed cells and totals as formulas.
public struct ReportExport: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public static let defaultFolder = "Reports/output"

    public func write(_ name: String, filters given: ReportFilters, pilot: String? = nil, to output: String?) throws -> ExportResult {
        var filters = given
        if let pilot {
            // A pilot narrows the report to its municipalities and, unless given, its period.
            let found = try context.read { try PilotDesk.existing(pilot, in: $0) }
            if let municipality = filters.municipalityNumber, !found.municipalities.contains(municipality) {
                throw TunetError.invalid("municipality", municipality, Message("pilot.error.not_in_pilot", ["municipality": .text(municipality), "pilot": .text(found.name)]))
            }
            filters.pilotMunicipalities = Set(found.municipalities)
            filters.pilotName = found.name
            filters.from = filters.from ?? found.from
            filters.to = filters.to ?? found.to
        }
        let catalogue = try ReportCatalogue.load()
        let report = try catalogue.report(name)
        if let from = filters.from, let to = filters.to, to < from {
            throw TunetError.invalid("to", to.iso, Message("report.error.ends_before_start", ["to": .date(to), "from": .date(from)]))
        }
        let path = try Self.resolve(output, report: report.name, now: context.now())
        try OutputPath.check(path, database: context.store.location)
        let language = filters.language
        let workbook = try XLSXWorkbook(path: path, constantMemory: report.streaming == true)
        try writeFrontSheet(workbook, report: report, filters: filters)
        var sheetNames: [String] = []
        var total = 0
        for sheet in report.sheets {
            if sheet.source == "attendance_rows" {
                let name = sheet.name.text(language)
                let writer = try SheetWriter(workbook: workbook, name: name, definition: sheet, language: language, month: nil)
                try writeAttendanceRows(to: writer, filters: filters)
                try writer.finish()
                sheetNames.append(name)
                total += writer.count
                continue
            }
            let parts = try context.read { try ReportSources(context: context, filters: filters).rows(for: sheet.source, in: $0) }
            for part in parts.isEmpty ? [SheetRows(rows: [])] : parts {
                let name = part.suffix.map { "\(sheet.name.text(language)) \($0)" } ?? sheet.name.text(language)
                let month = sheet.columns.contains { $0.type == .daysOfMonth } ? filters.month(today: context.today) : nil
                let writer = try SheetWriter(workbook: workbook, name: name, definition: sheet, language: language, month: month)
                for row in part.rows { try writer.write(row) }
                try writer.finish()
                try writer.insertChart(sheet.chart)
                sheetNames.append(writer.sheetName)
                total += part.rows.count
            }
        }
        try workbook.close()
        return ExportResult(report: report.name, file: path, sheets: sheetNames, rows: total)
    }

    /// The attendance rows are read from the database on a thread of its own, a thousand rows at a
    /// time, while this one writes them into the sheet: a year's million rows keep two cores busy
    /// instead of one (BENCHMARKS.md). At most a few thousand rows wait between the two.
    private func writeAttendanceRows(to writer: SheetWriter, filters: ReportFilters) throws {
        let fields = writer.keys.map(AttendanceField.init(key:))
        /// Rows' values one after the other, `fields.count` to a row (which may be none).
        struct Batch: Sendable {
            var values: [ReportValue] = []
            var rows = 0
        }
        let batchRows = 1_000
        let batches = Handoff<Batch>(capacity: 4)
        let readFailure = Mutex<(any Error)?>(nil)
        let reading = Worker(name: "tunet-export-read") { [context] in
            do {
                var batch = Batch()
                batch.values.reserveCapacity(fields.count * batchRows)
                try context.read { reader in
                    try reader.forEachAttendance(from: filters.from, to: filters.to, municipality: filters.municipalityNumber) { row in
                        guard filters.pilotMunicipalities == nil || filters.includes(row.municipality) else { return }
                        for field in fields { batch.values.append(field.value(in: row)) }
                        batch.rows += 1
                        guard batch.rows == batchRows else { return }
                        // The writer stopped (it failed): no need to read on.
                        guard batches.put(batch) else { throw CancellationError() }
                        batch = Batch()
                        batch.values.reserveCapacity(fields.count * batchRows)
                    }
                }
                if batch.rows > 0 { _ = batches.put(batch) }
            } catch {
                readFailure.withLock { $0 = error }
            }
            batches.finish()
        }
        do {
            while let batch = batches.take() {
                for row in 0..<batch.rows {
                    try writer.write(values: batch.values[row * fields.count..<(row + 1) * fields.count])
                }
            }
        } catch {
            batches.cancel()
            reading.join()
            throw error
        }
        reading.join()
        if let failure = readFailure.withLock({ $0 }) { throw failure }
    }

    /// A column of the attendance rows sheet, resolved from its catalogue key once per export.
    enum AttendanceField {
        case provider, participant, agreement, date, status, hours, transportTrips, extraDay, dayAmount, transportAmount, unknown

        init(key: String) {
            switch key {
            case "provider": self = .provider
            case "participant": self = .participant
            case "agreement": self = .agreement
            case "date": self = .date
            case "status": self = .status
            case "hours": self = .hours
            case "transport_trips": self = .transportTrips
            case "extra_day": self = .extraDay
            case "day_amount": self = .dayAmount
            case "transport_amount": self = .transportAmount
            default: self = .unknown
            }
        }

        func value(in row: AttendanceExportRow) -> ReportValue {
            switch self {
            case .provider: .text(row.provider)
            case .participant: .text(row.participant)
            case .agreement: .text(row.agreement)
            case .date: .date(row.date)
            case .status: .label(row.status.label, code: row.status.rawValue)
            case .hours: row.hoursTenths.map { .number(Double($0) / 10) } ?? .none
            case .transportTrips: row.transportTrips.map(ReportValue.integer) ?? .none
            case .extraDay: .flag(row.extraDay)
            case .dayAmount: .money(row.dayPrice)
            case .transportAmount: .money(row.transport)
            case .unknown: .none
            }
        }
    }

    /// `-o` may name a file or a folder; without it the file goes to Reports/output/ under the working directory.
    static func resolve(_ output: String?, report: String, now: Date) throws(TunetError) -> String {
        let stamp = OsloCalendar.localTimestamp(now).replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ":", with: "")
        let fileName = "\(report)-\(stamp).xlsx"
        guard let output else {
            do {
                try FileManager.default.createDirectory(atPath: defaultFolder, withIntermediateDirectories: true)
            } catch {
                throw .unwritableOutput(path: defaultFolder, reason: Message("report.error.folder_not_created"))
            }
            return "\(defaultFolder)/\(fileName)"
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            return (output as NSString).appendingPathComponent(fileName)
        }
        return output
    }

    private func writeFrontSheet(_ workbook: XLSXWorkbook, report: ReportDefinition, filters: ReportFilters) throws {
        let texts = Texts(filters.language)
        let sheet = try workbook.addSheet(texts("report.front.sheet"))
        let filterText = [
            filters.from.map { texts("report.front.filter_from", ["day": .date($0)]) },
            filters.to.map { texts("report.front.filter_to", ["day": .date($0)]) },
            filters.municipalityNumber.map { texts("report.front.filter_municipality", ["municipality": .text(Municipality.named($0)?.description ?? $0)]) },
            filters.pilotName.map { texts("report.front.filter_pilot", ["pilot": .text($0)]) },
        ].compactMap { $0 }
        let lines: [(String, String)] = [
            (texts("report.front.report"), report.title.text(filters.language)),
            (texts("report.front.contents"), report.description.text(filters.language)),
            (texts("report.front.filters"), filterText.isEmpty ? texts("report.front.no_filters") : filterText.joined(separator: ", ")),
            (texts("report.front.generated"), texts("report.front.generated_at", ["time": .text(OsloCalendar.localTimestamp(context.now(), in: filters.language))])),
            (texts("report.front.version"), TunetVersion.current),
            (texts("report.front.privacy"), texts("report.front.privacy_note")),
        ]
        try sheet.write(0, 0, .text(report.title.text(filters.language)), style: XLSXStyle(bold: true))
        for (index, (label, value)) in lines.enumerated() {
            try sheet.write(index + 2, 0, .text(label), style: .title)
            try sheet.write(index + 2, 1, .text(value), style: XLSXStyle(wrap: true))
        }
        try sheet.setColumns(0, 0, width: 16)
        try sheet.setColumns(1, 1, width: 90)
    }
}

/// Writes one catalogue sheet row by row (so it also works in constant-memory mode) and the totals at the end.
final class SheetWriter {
    let sheet: XLSXSheet
    let sheetName: String
    let columns: [(key: String, type: ReportColumnType, header: String, width: Double, total: Bool, highlight: Set<String>, day: Int?)]
    let language: Language
    let texts: Texts
    /// Labels rendered once per code: a streamed sheet writes the same few for a million rows.
    private var labels: [Message: String] = [:]
    private let yes: String
    private let no: String
    private(set) var count = 0
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

    init(workbook: XLSXWorkbook, name: String, definition: ReportSheet, language: Language, month: YearMonth?) throws {
        sheet = try workbook.addSheet(name)
        sheetName = name
        self.language = language
        texts = Texts(language)
        yes = texts("report.yes")
        no = texts("report.no")
        var expanded: [(key: String, type: ReportColumnType, header: String, width: Double, total: Bool, highlight: Set<String>, day: Int?)] = []
        for column in definition.columns {
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
        try sheet.write(row: 0, columns.map { .text($0.header) }, style: .header)
        for (index, column) in columns.enumerated() { try sheet.setColumns(index, index, width: column.width) }
        sheet.freezePanes(row: 1, column: 1)
    }

    func write(_ row: ReportRow) throws {
        try write(values: keys.map { row[$0] ?? .none })
    }

    /// One row's values in column order (`keys`).
    func write<Values: RandomAccessCollection<ReportValue>>(values: Values) throws {
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
            try sheet.write(count, index, cell, format: formats[index].format(marked: marked, cell: cell, in: sheet))
        }
    }

    /// The totals row (formulas with cached values), the autofilter, or a note when nothing matched.
    func finish() throws {
        if count == 0 {
            try sheet.write(1, 0, .text(texts("report.no_rows")))
            return
        }
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: count, lastColumn: columns.count - 1)
        guard columns.contains(where: \.total) else { return }
        let totalRow = count + 1
        try sheet.write(totalRow, 0, .text(texts("report.total")), style: XLSXStyle(bold: true))
        try writeTotals(totalRow)
    }

    /// The catalogue's chart for the sheet, to the right of the data.
    func insertChart(_ chart: ReportChart?) throws {
        guard let chart, count > 0, let category = columns.firstIndex(where: { $0.key == chart.category }) else { return }
        let series = chart.series.compactMap { key in columns.firstIndex { $0.key == key }.map { (name: columns[$0].header, column: $0) } }
        let kind: XLSXChartKind = switch chart.type {
        case .column: .column
        case .stackedColumn: .stackedColumn
        case .bar: .bar
        case .line: .line
        case .pie: .pie
        }
        try sheet.insertChart(kind, title: chart.title.text(language), source: sheetName, rows: 1...count, categoryColumn: category,
                              series: series, at: count + 4, 1)
    }

    private func writeTotals(_ totalRow: Int) throws {
        for (index, column) in columns.enumerated() where column.total {
            let letter = Self.columnLetter(index)
            let format = column.type == .money ? XLSXStyle.nokFormat : "0"
            let cached = column.type == .money ? Double(moneyTotals[index]) / 100 : totals[index]
            try sheet.write(totalRow, index, .formula("=SUBTOTAL(9,\(letter)2:\(letter)\(count + 1))", cachedValue: cached),
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
