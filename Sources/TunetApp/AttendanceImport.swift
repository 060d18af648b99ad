import Crypto
import Foundation
import TunetDomain
import TunetFiles
import TunetStore

public struct AttendanceImportReport: Sendable, Encodable {
    public let file: String
    public let provider: OrganisationNumber
    public let contentHash: String
    public let months: [String]
    public let rows: Int
    public let new: Int
    public let changed: Int
    public let unchanged: Int
    /// True when the same file was already imported: nothing was changed.
    public let identicalTo: Int64?
    public let submission: Int64?
    public let dryRun: Bool

    enum CodingKeys: String, CodingKey {
        case file, months, rows, new, changed, unchanged, submission
        case provider = "provider_organisation_number"
        case contentHash = "content_hash"
        case identicalTo = "identical_to_submission"
        case dryRun = "dry_run"
    }
}

/// Imports a farm's attendance file, all or nothing (format: Contracts/attendance-file.md).
public struct AttendanceImport: Sendable {
    let context: TunetContext
    /// False for the providers' own service: another farm's participant is "unknown", never revealed.
    let revealOtherProviders: Bool

    public init(_ context: TunetContext, revealOtherProviders: Bool = true) {
        self.context = context
        self.revealOtherProviders = revealOtherProviders
    }

    public func run(file url: URL, provider: String? = nil, dryRun: Bool = false) throws -> AttendanceImportReport {
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw TunetError.unreadableFile(path: url.path, reason: FileManager.default.fileExists(atPath: url.path) ? "it cannot be read" : "there is no such file")
        }
        return try run(data: data, fileName: url.lastPathComponent, provider: provider, dryRun: dryRun)
    }

    public func run(data: Data, fileName: String, provider: String? = nil, dryRun: Bool = false) throws -> AttendanceImportReport {
        let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let submitter = try Self.submitter(provider, data: data, fileName: fileName)
        let work = { (reader: StoreReader, tx: StoreTransaction?) throws -> AttendanceImportReport in
            guard try reader.provider(submitter) != nil else {
                throw TunetError.notFound(kind: "provider with organisation number", key: submitter.digits)
            }
            if let earlier = try reader.submission(provider: submitter, contentHash: hash) {
                return AttendanceImportReport(file: fileName, provider: submitter, contentHash: hash, months: earlier.months, rows: earlier.rows,
                                              new: 0, changed: 0, unchanged: earlier.rows, identicalTo: earlier.id, submission: nil, dryRun: dryRun)
            }
            let planner = try AttendancePlanner(reader: reader, provider: submitter, today: context.today, revealOtherProviders: revealOtherProviders)
            let plan = try planner.plan { try AttendanceFile.rows(in: data, fileName: fileName, $0) }
            let rowCount = plan.rows
            var submissionId: Int64?
            if let tx {
                let submission = AttendanceSubmission(id: 0, receivedAt: "", actor: "", provider: submitter, fileName: fileName, contentHash: hash,
                                                      months: plan.months, rows: rowCount, newRows: plan.new, changedRows: plan.replaced.count,
                                                      unchangedRows: plan.unchanged)
                submissionId = try tx.storeSubmission(submission, rows: plan.toWrite, replaced: plan.replaced).id
            }
            return AttendanceImportReport(file: fileName, provider: submitter, contentHash: hash, months: plan.months, rows: rowCount,
                                          new: plan.new, changed: plan.replaced.count, unchanged: plan.unchanged, identicalTo: nil,
                                          submission: submissionId, dryRun: dryRun)
        }
        if dryRun { return try context.read { try work($0, nil) } }
        return try context.write { try work($0, $0) }
    }

    /// The submitting farm: given, or the organisation number of the file's first row (rows naming
    /// another farm are then refused one by one).
    static func submitter(_ given: String?, data: Data, fileName: String) throws -> OrganisationNumber {
        if let given { return try ProviderRegistry.parseNumber(given) }
        struct Found: Error { let number: String? }
        do {
            try AttendanceFile.rows(in: data, fileName: fileName) { throw Found(number: $0.organisationNumber?.trimmingWhitespace()) }
        } catch let found as Found {
            if let text = found.number, !text.isEmpty, case .success(let number) = OrganisationNumber.parse(text) { return number }
        }
        throw TunetError.invalid("provider", nil, "the first row names no valid organisation number; say which farm submits the file with --provider")
    }
}

/// Validates rows against the farm's placements loaded once, and works out what changes.
struct AttendancePlanner {
    let reader: StoreReader
    let provider: OrganisationNumber
    let today: LocalDate
    let revealOtherProviders: Bool

    struct Plan {
        var toWrite: [StoredAttendance] = []
        var replaced: [StoredAttendance] = []
        var new = 0
        var unchanged = 0
        var months: [String] = []
        var rows = 0
    }

    let calendars: [AttendanceValidator.PlacementCalendar]
    let agreements: [String: Agreement]
    let validator: AttendanceValidator

    /// Loads the farm's placements, their planned days and agreements once.
    init(reader: StoreReader, provider: OrganisationNumber, today: LocalDate, revealOtherProviders: Bool) throws {
        self.reader = reader
        self.provider = provider
        self.today = today
        self.revealOtherProviders = revealOtherProviders
        let placements = try reader.placements(provider: provider)
        var agreements: [String: Agreement] = [:]
        var holidays: [String: [SchoolHoliday]] = [:]
        var calendars: [AttendanceValidator.PlacementCalendar] = []
        for placement in placements {
            if agreements[placement.agreementReference] == nil {
                agreements[placement.agreementReference] = try reader.agreement(placement.agreementReference)
            }
            if holidays[placement.municipalityNumber] == nil {
                holidays[placement.municipalityNumber] = try reader.schoolHolidays(municipality: placement.municipalityNumber)
            }
            let days = PlacementPlanner.plannedDays(weekdays: placement.weekdays, from: placement.start, to: placement.end, kind: placement.kind,
                                                    schoolHolidays: holidays[placement.municipalityNumber] ?? [])
            calendars.append(.init(placement: placement, allowsExtraDays: agreements[placement.agreementReference]?.allowsExtraDays ?? false,
                                   plannedDays: Set(days.map(\.dayNumber))))
        }
        let mine = Set(placements.map(\.participant))
        let others = Set(try reader.placements().map(\.participant)).subtracting(mine)
        self.calendars = calendars
        self.agreements = agreements
        validator = AttendanceValidator(provider: provider, placements: calendars, otherParticipants: others, today: today,
                                        revealOtherProviders: revealOtherProviders)
    }

    /// Validates the rows `forEachRow` delivers, one at a time, and works out what changes.
    func plan(_ forEachRow: ((AttendanceRow) throws -> Void) throws -> Void) throws -> Plan {
        let byId = Dictionary(uniqueKeysWithValues: calendars.map { ($0.placement.id, $0) })
        var problems: [FieldProblem] = []
        var seen: [Int64: [Int: Int]] = [:]
        var entries: [AttendanceEntry] = []
        var rowCount = 0
        try forEachRow { row in
            rowCount += 1
            switch validator.check(row) {
            case .failure(let error): problems.append(contentsOf: error.problems)
            case .success(let entry):
                if let earlier = seen[entry.placementId]?[entry.date.dayNumber] {
                    problems.append(FieldProblem(row: row.row, field: "date", value: entry.date.iso,
                                                 reason: "\(entry.participant) on \(entry.date.iso) is also on row \(earlier)"))
                } else {
                    seen[entry.placementId, default: [:]][entry.date.dayNumber] = row.row
                    entries.append(entry)
                }
            }
        }
        if !problems.isEmpty { throw TunetError.invalidInput(problems) }

        var plan = Plan()
        plan.rows = rowCount
        guard let first = entries.map(\.date).min(), let last = entries.map(\.date).max() else { return plan }
        let existing = Dictionary(uniqueKeysWithValues: try reader.attendance(placements: Array(byId.keys), from: first, to: last)
            .map { ("\($0.entry.placementId)|\($0.entry.date.dayNumber)", $0) })
        plan.months = Array(Set(entries.map { YearMonth($0.date).iso })).sorted()
        for entry in entries {
            guard let calendar = byId[entry.placementId], let agreement = agreements[calendar.placement.agreementReference] else { continue }
            let priced = try price(entry, calendar, agreement)
            if let before = existing["\(entry.placementId)|\(entry.date.dayNumber)"] {
                if before.entry.values == entry.values { plan.unchanged += 1; continue }
                plan.replaced.append(before)
            } else {
                plan.new += 1
            }
            plan.toWrite.append(priced)
        }
        return plan
    }

    /// Fixes the amounts of a reported day: the day's price if billable under the absence rule, transport
    /// trips (reported, or the placement's two on a present day) at the day's transport price.
    func price(_ entry: AttendanceEntry, _ calendar: AttendanceValidator.PlacementCalendar, _ agreement: Agreement) throws -> StoredAttendance {
        let placement = calendar.placement
        let rules = PlacementRules.standard
        func amount(_ line: String) throws -> Money {
            guard let price = agreement.prices.price(provider: placement.provider, line: line, on: entry.date) else {
                throw TunetError.invalid("date", entry.date.iso, "agreement \(agreement.reference) has no '\(line)' price for \(placement.provider) on \(entry.date.iso)")
            }
            return price.amount
        }
        let dayPrice = entry.status.isBillable(under: agreement.absenceRule) ? try amount(placement.priceLine) : .zero
        let trips = entry.transportTrips ?? (entry.status == .present ? placement.transportTripsPerDay : 0)
        let transport = trips > 0 ? try amount(rules.transportLine) * Int64(trips) : .zero
        var planned = Money.zero
        if calendar.plannedDays.contains(entry.date.dayNumber) {
            planned = try amount(placement.priceLine)
            if placement.transportTripsPerDay > 0 { planned += try amount(rules.transportLine) * Int64(placement.transportTripsPerDay) }
        }
        return StoredAttendance(entry: entry, dayPrice: dayPrice, transport: transport, plannedCost: planned, submissionId: 0)
    }
}
