import Foundation
import Synchronization
import TunetDomain
import TunetText
import TunetSpreadsheet
import TunetStorage

public struct ExportView: Sendable, Encodable {
    public let report: String
    public let file: String
    public let sheets: [String]
    public let rows: Int
}

/// Writes a catalogue report as a workbook: a front sheet (title, filters, time, version), then each
/// sheet with styled frozen headers, an autofilter, widths, typed cells and totals as formulas.
public struct ReportDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public static let defaultFolder = "Reports/output"

    /// Writes the report a request asks for, its filters read from their text and looked up first.
    /// An existing file at `output` is overwritten only with `force`; a name Tunet makes up never overwrites.
    public func write(_ request: ReportRequest, to output: String?, force: Bool = false) throws -> ExportView {
        var filters = try request.readFilters(scope: context.actor.scope)
        if !request.pilots.isEmpty { try narrow(&filters, toPilots: request.pilots) }
        let report = try ReportCatalogue.load().report(request.report)
        if report.wholeServiceOnly == true && filters.scope != .every {
            throw TunetError.forbidden(Message("report.error.whole_service_only", ["report": .text(report.title.text(filters.language))]))
        }
        if let provider = filters.provider {
            guard report.takes(.provider) else {
                throw TunetError.invalid("provider", request.provider, Message("report.error.no_farm_filter", ["report": .text(report.name)]))
            }
            filters.providerName = try context.read { try ProviderDesk.existing(provider, in: $0) }.name
        }
        return try write(report, filters: filters, to: output, force: force)
    }

    /// One pilot narrows the report to its municipalities and, unless a period is given, its period;
    /// several (a comparison) to their municipalities, each pilot's figures over its own period.
    private func narrow(_ filters: inout ReportFilters, toPilots chosen: [String]) throws {
        let found = try context.read { reader in try chosen.map { try PilotDesk.existing($0, in: reader) } }
        // A pilot outside the asker's municipalities is refused as one that does not exist: its name says nothing of it.
        if let outside = zip(chosen, found).first(where: { !filters.scope.covers($0.1.municipalities) }) {
            throw TunetError.notFound(kind: "pilot", key: outside.0)
        }
        let municipalities = Set(found.flatMap(\.municipalities))
        let names = found.map(\.name)
        if let municipality = filters.municipalityNumber, !municipalities.contains(municipality) {
            throw TunetError.invalid("municipality", municipality, Message("pilot.error.not_in_pilot", [
                "municipality": .text(municipality), "pilot": .text(names.joined(separator: ", ")),
            ]))
        }
        filters.pilotMunicipalities = municipalities
        filters.pilotNames = names
        if let pilot = found.first, found.count == 1 {
            filters.from = filters.from ?? pilot.from
            filters.to = filters.to ?? pilot.to
        }
    }

    /// A sheet longer than this is written row by row, in libxlsxwriter's constant memory: a national
    /// month's invoice basis (10,000 rows) then takes 14 MB less and 8 % less time, and its heading is not
    /// merged over the columns (Reports/README.md).
    static let constantMemoryFromRows = 5_000

    /// A report by name with filters already read (tests).
    func write(_ name: String, filters: ReportFilters, to output: String?) throws -> ExportView {
        try write(try ReportCatalogue.load().report(name), filters: filters, to: output)
    }

    private func write(_ report: ReportDefinition, filters: ReportFilters, to output: String?, force: Bool = false) throws -> ExportView {
        if let from = filters.from, let to = filters.to, to < from {
            throw TunetError.invalid("to", to.iso, Message("report.error.ends_before_start", ["to": .date(to), "from": .date(from)]))
        }
        let path = try Self.resolve(output, report: report.name, now: context.now())
        try OutputPath.check(path, database: context.store.location, force: force)
        let language = filters.language
        let texts = Texts(language)
        let sources = ReportSources(context: context, filters: filters)
        let sheets = report.sheets.filter { $0.isShown(narrowedBy: filters.narrowing) }
        // Every sheet's rows but the attendance rows (read while they are written) before the workbook is
        // made: a long sheet is written row by row, in libxlsxwriter's constant memory.
        let sheetParts = try sheets.map { sheet in
            sheet.source == "attendance_rows" ? nil : try context.read { try sources.rows(for: sheet.source, in: $0) }
        }
        let long = sheetParts.contains { $0?.contains { $0.rows.count > Self.constantMemoryFromRows } ?? false }
        let workbook = try XLSXWorkbook(path: path, constantMemory: report.streaming == true || long,
                                        footer: WorkbookFooter.make(name: report.title.text(language), texts: texts, now: context.now()))
        try writeFrontSheet(workbook, report: report, filters: filters)
        var sheetNames: [String] = []
        var total = 0
        context.progress.begin(.writingRows, total: nil)
        for (sheet, readParts) in zip(sheets, sheetParts) {
            guard let parts = readParts else {
                let name = sheet.name.text(language)
                let writer = try SheetWriter(workbook: workbook, name: name, definition: sheet, language: language, month: nil,
                                             narrowing: filters.narrowing)
                writer.progress = context.progress
                writer.rowsBefore = total
                try writeAttendanceRows(to: writer, filters: filters)
                try writer.finish()
                sheetNames.append(name)
                total += writer.count
                continue
            }
            for part in parts.isEmpty ? [SheetRows(rows: [])] : parts {
                let name = part.suffix.map { "\(sheet.name.text(language)) \($0)" } ?? sheet.name.text(language)
                let month = sheet.columns.contains { $0.type == .daysOfMonth } ? filters.month(today: context.today) : nil
                let writer = try SheetWriter(workbook: workbook, name: name, definition: sheet, language: language, month: month,
                                             heading: sheet.heading == true ? part.heading.map(texts.render) : [],
                                             narrowing: filters.narrowing)
                writer.progress = context.progress
                writer.rowsBefore = total
                if part.rows.count > Self.constantMemoryFromRows {
                    // Each row's cells made ready beside the writing, as the attendance rows are.
                    let keys = writer.keys, rows = part.rows
                    try writer.writeRowsMadeElsewhere(threadName: "tunet-report-rows") { row in
                        for values in rows { try row(keys.map { values[$0] ?? .none }) }
                    }
                } else {
                    for row in part.rows { try writer.write(row) }
                }
                try writer.finish()
                try writer.insertChart(sheet.chart)
                sheetNames.append(writer.sheetName)
                total += part.rows.count
            }
        }
        try workbook.close()
        return ExportView(report: report.name, file: path, sheets: sheetNames, rows: total)
    }

    /// The attendance rows are read from the database, and their cells made ready, on a thread of its
    /// own while this one writes them: a year's million rows keep two cores busy instead of one (BENCHMARKS.md).
    private func writeAttendanceRows(to writer: SheetWriter, filters: ReportFilters) throws {
        let fields = writer.keys.map(AttendanceField.init(key:))
        try writer.writeRowsMadeElsewhere(threadName: "tunet-export-read") { [context] row in
            var values: [ReportValue] = []
            values.reserveCapacity(fields.count)
            try context.read { reader in
                try reader.forEachAttendance(from: filters.from, to: filters.to, in: filters.covered) { stored in
                    values.removeAll(keepingCapacity: true)
                    for field in fields { values.append(field.value(in: stored)) }
                    try row(values)
                }
            }
        }
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
        let stamp = OsloTime.localTimestamp(now).replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ":", with: "")
        let fileName = "\(report)-\(stamp).xlsx"
        /// A made-up name never lands on a file already there (two exports in one second): a number is added.
        func unused(in folder: String) -> String {
            let candidates = [fileName] + (2...99).map { "\(report)-\(stamp)-\($0).xlsx" }
            let free = candidates.first { (try? FileManager.default.attributesOfItem(atPath: (folder as NSString).appendingPathComponent($0))) == nil }
            return (folder as NSString).appendingPathComponent(free ?? fileName)
        }
        guard let output else {
            do {
                try FileManager.default.createDirectory(atPath: defaultFolder, withIntermediateDirectories: true)
            } catch {
                throw .unwritableOutput(path: defaultFolder, reason: Message("report.error.folder_not_created"))
            }
            return unused(in: defaultFolder)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            return unused(in: output)
        }
        return output
    }

    private func writeFrontSheet(_ workbook: XLSXWorkbook, report: ReportDefinition, filters: ReportFilters) throws {
        let texts = Texts(filters.language)
        let sheet = try workbook.addSheet(texts("report.front.sheet"))
        let period = filters.month.map { [texts("report.front.filter_month", ["month": .message($0.name)])] } ?? [
            filters.from.map { texts("report.front.filter_from", ["day": .date($0)]) },
            filters.to.map { texts("report.front.filter_to", ["day": .date($0)]) },
        ].compactMap { $0 }
        let filterText = period + [
            filters.municipalityNumber.map { texts("report.front.filter_municipality", ["municipality": .text(Municipality.named($0)?.description ?? $0)]) },
            filters.provider.map { texts("report.front.filter_provider", ["name": .text(filters.providerName ?? ""), "provider": .text($0.formatted)]) },
            filters.pilotNames.isEmpty ? nil : texts("report.front.filter_pilot", ["pilot": .text(filters.pilotNames.joined(separator: ", "))]),
        ].compactMap { $0 }
        let lines: [(String, String)] = [
            (texts("report.front.report"), report.title.text(filters.language)),
            (texts("report.front.contents"), report.description.text(filters.language)),
            (texts("report.front.filters"), filterText.isEmpty ? texts("report.front.no_filters") : filterText.joined(separator: ", ")),
            (texts("report.front.generated"), texts("report.front.generated_at", ["time": .text(OsloTime.localTimestamp(context.now(), in: filters.language))])),
            (texts("report.front.version"), TunetVersion.current),
            (texts("report.front.privacy"), texts("report.front.privacy_note")),
        ]
        // Widths first: they decide the lines each text wraps into, and so its row's height; printed, no text
        // runs over another. Together no wider than a standing A4 page.
        try sheet.setColumns(0, 0, width: 16)
        try sheet.setColumns(1, 1, width: 80)
        try sheet.writeParagraph(0, columns: 0...1, report.title.text(filters.language), style: XLSXStyle(bold: true))
        for (index, (label, value)) in lines.enumerated() {
            try sheet.writeParagraph(index + 2, columns: 1...1, value)
            try sheet.write(index + 2, 0, .text(label), style: XLSXStyle(bold: true, top: true))
        }
    }
}
