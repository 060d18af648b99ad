import Foundation
import TunetDomain
import TunetFiles
import TunetStorage

public struct CalendarView: Sendable, Encodable {
    public struct Holiday: Sendable, Encodable {
        public let date: LocalDate
        public let holiday: PublicHoliday
    }

    public let municipalityNumber: String
    public let year: Int?
    public let schoolHolidays: [SchoolHoliday]
    public let publicHolidays: [Holiday]
    /// From `import`: false when the file held exactly the calendar already stored (nothing was written).
    /// Not in `--json`.
    public var changed = true

    enum CodingKeys: String, CodingKey {
        case year
        case municipalityNumber = "municipality_number"
        case schoolHolidays = "school_holidays"
        case publicHolidays = "public_holidays"
    }
}

/// School holidays per municipality: pupils are not at the farm then (format: Contracts/school-calendar-csv.md).
public struct SchoolCalendarDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public func add(municipality: String, from: String, to: String, name: String) throws -> CalendarView {
        let holiday = try Self.holiday(municipality: municipality, from: from, to: to, name: name, row: nil)
        try context.write { tx in
            let existing = try tx.schoolHolidays(municipality: holiday.municipalityNumber)
            if let overlap = existing.first(where: { $0.from <= holiday.to && holiday.from <= $0.to }) {
                throw TunetError.conflict(Message("calendar.holiday.overlaps_stored", [
                    "name": .text(holiday.name), "from": .date(holiday.from), "to": .date(holiday.to), "other": .text(overlap.name),
                    "other_from": .date(overlap.from), "other_to": .date(overlap.to),
                    "municipality": .text(Municipality.named(holiday.municipalityNumber)?.description ?? holiday.municipalityNumber)]))
            }
            try tx.replaceSchoolHolidays(municipality: holiday.municipalityNumber, existing + [holiday], note: nil)
        }
        return try show(municipality: holiday.municipalityNumber, year: nil)
    }

    /// Replaces the school calendar of every municipality in the file, all or nothing.
    public func importFile(_ url: URL, dryRun: Bool = false) throws -> [CalendarView] {
        enum Field: String, Sendable { case municipality, from, to, name }
        let records = try CSVReader(contentsOf: url).allRecords()
        guard let header = records.first, !header.isBlank else {
            throw TunetError.unreadableFile(path: url.path, reason: Message("calendar.import.empty_file"))
        }
        let columns = try ColumnMap<Field>(header: header, names: [
            .municipality: ["municipality_number", "municipality", "kommunenummer", "kommune"],
            .from: ["from", "fra", "fra_dato", "first_day"],
            .to: ["to", "til", "til_dato", "last_day"],
            .name: ["name", "navn", "ferie"],
        ], required: [.municipality, .from, .to, .name], fieldName: \.rawValue)
        var byMunicipality: [String: [SchoolHoliday]] = [:]
        var problems = ProblemCollector(limit: context.problemLimit)
        for record in records.dropFirst() where !record.isBlank {
            do {
                let holiday = try Self.holiday(municipality: columns.value(.municipality, in: record) ?? "", from: columns.value(.from, in: record) ?? "",
                                               to: columns.value(.to, in: record) ?? "", name: columns.value(.name, in: record) ?? "", row: record.row)
                if let overlap = byMunicipality[holiday.municipalityNumber, default: []].first(where: { $0.from <= holiday.to && holiday.from <= $0.to }) {
                    problems.add(FieldProblem(row: record.row, field: "from", value: holiday.from.iso,
                                                          reason: Message("calendar.holiday.overlaps_row", [
                                                              "name": .text(holiday.name), "other": .text(overlap.name),
                                                              "other_from": .date(overlap.from), "other_to": .date(overlap.to)])))
                    continue
                }
                byMunicipality[holiday.municipalityNumber, default: []].append(holiday)
            } catch {
                problems.absorb(error)
            }
        }
        try problems.check()
        if byMunicipality.isEmpty { throw TunetError.unreadableFile(path: url.path, reason: Message("calendar.import.no_rows")) }
        let replace = { (reader: StoreReader, tx: StoreTransaction?) throws -> Set<String> in
            var changed: Set<String> = []
            for (municipality, holidays) in byMunicipality where Set(try reader.schoolHolidays(municipality: municipality)) != Set(holidays) {
                changed.insert(municipality)
                try tx?.replaceSchoolHolidays(municipality: municipality, holidays, note: .written(Message("audit.note.imported_from", ["file": .text(StoredText.fileName(url.lastPathComponent))])))
            }
            return changed
        }
        let changed = dryRun ? try context.read { try replace($0, nil) } : try context.write { try replace($0, $0) }
        return byMunicipality.keys.sorted().map { number in
            CalendarView(municipalityNumber: number, year: nil, schoolHolidays: byMunicipality[number]!.sorted { $0.from < $1.from }, publicHolidays: [],
                         changed: changed.contains(number))
        }
    }

    public func show(municipality: String, year: Int?) throws -> CalendarView {
        let number: String
        switch Municipality.parse(municipality) {
        case .success(let parsed): number = parsed.number
        case .failure(let reason): throw TunetError.invalid("municipality", municipality, reason.message)
        }
        let holidays = try context.read { try $0.schoolHolidays(municipality: number) }
            .filter { year == nil || $0.from.year == year || $0.to.year == year }
        let publicDays = year.map { NorwegianCalendar.publicHolidays($0).map { CalendarView.Holiday(date: $0.date, holiday: $0.holiday) } } ?? []
        return CalendarView(municipalityNumber: number, year: year, schoolHolidays: holidays, publicHolidays: publicDays)
    }

    static func holiday(municipality: String, from: String, to: String, name: String, row: Int?) throws(TunetError) -> SchoolHoliday {
        var problems = ProblemCollector(row: row)
        let number = problems.take("municipality", municipality, Municipality.parse(municipality))?.number
        var first: LocalDate?, last: LocalDate?
        first = problems.date("from", from)
        last = problems.date("to", to)
        if let first, let last, last < first { problems.add("to", last.iso, Message("calendar.holiday.ends_before_start", ["from": .date(first), "to": .date(last)])) }
        if let first, let last, first.days(until: last) > 80 { problems.add("to", last.iso, Message("calendar.holiday.too_long", ["days": 80])) }
        let title = name.trimmingWhitespace()
        if title.isEmpty { problems.add("name", nil, Message("calendar.holiday.name_required")) }
        if let reason = FreeText.check(title, maximumLength: 60) { problems.add("name", title, reason.message) }
        try problems.check()
        return SchoolHoliday(municipalityNumber: number!, from: first!, to: last!, name: title)
    }
}
