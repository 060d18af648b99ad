import Crypto
import Foundation
import TunetDomain
import TunetFiles
import TunetStore

public struct AttendanceImportReport: Sendable, Encodable {
    public let file: String
    /// The submitting farm; nil when the rows name several farms.
    public let provider: OrganisationNumber?
    /// Every farm whose rows the file holds, each stored as that farm's submission.
    public let providers: [OrganisationNumber]
    public let contentHash: String
    public let months: [String]
    public let rows: Int
    public let new: Int
    public let changed: Int
    public let unchanged: Int
    /// True when the same file was already imported: nothing was changed.
    public let identicalTo: Int64?
    public let submission: Int64?
    public let submissions: [Int64]
    public let dryRun: Bool

    enum CodingKeys: String, CodingKey {
        case file, months, rows, new, changed, unchanged, submission, submissions
        case provider = "provider_organisation_number"
        case providers = "provider_organisation_numbers"
        case contentHash = "content_hash"
        case identicalTo = "identical_to_submission"
        case dryRun = "dry_run"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(provider, forKey: .provider)
        try container.encode(providers, forKey: .providers)
        try container.encode(contentHash, forKey: .contentHash)
        try container.encode(months, forKey: .months)
        try container.encode(rows, forKey: .rows)
        try container.encode(new, forKey: .new)
        try container.encode(changed, forKey: .changed)
        try container.encode(unchanged, forKey: .unchanged)
        try container.encode(identicalTo, forKey: .identicalTo)
        try container.encode(submission, forKey: .submission)
        try container.encode(submissions, forKey: .submissions)
        try container.encode(dryRun, forKey: .dryRun)
    }
}

/// Imports a farm's attendance file, all or nothing (format: Contracts/attendance-file.md).
public struct AttendanceImport: Sendable {
    let context: TunetContext
    /// False for the providers' own service: another farm's participant is "unknown", never revealed.
    let revealOtherProviders: Bool
    /// Runs after the file is checked in its snapshot and before the writer is taken: lets tests put
    /// a change by someone else exactly there.
    var afterCheck: (@Sendable () throws -> Void)?

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

    /// With `provider`, the file is that farm's and rows naming another farm are refused. Without it,
    /// each row's organisation number says whose attendance it is: a file may carry several farms'
    /// rows (a year's records moved from another system), and each farm's rows become its submission.
    public func run(data: Data, fileName: String, provider: String? = nil, dryRun: Bool = false) throws -> AttendanceImportReport {
        let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let submitter = try provider.map(ProviderRegistry.parseNumber)
        /// The report for a file already imported, or nil.
        func earlierImport(_ reader: StoreReader) throws -> AttendanceImportReport? {
            if let submitter, try reader.provider(submitter) == nil {
                throw TunetError.notFound(kind: "provider with organisation number", key: submitter.digits)
            }
            let earlier: [AttendanceSubmission]
            if let submitter {
                earlier = try reader.submission(provider: submitter, contentHash: hash).map { [$0] } ?? []
            } else {
                earlier = try reader.submissions(contentHash: hash)
            }
            guard let first = earlier.first else { return nil }
            return AttendanceImportReport(file: fileName, provider: submitter ?? (earlier.count == 1 ? first.provider : nil),
                                          providers: earlier.map(\.provider), contentHash: hash,
                                          months: Array(Set(earlier.flatMap(\.months))).sorted(), rows: earlier.reduce(0) { $0 + $1.rows },
                                          new: 0, changed: 0, unchanged: earlier.reduce(0) { $0 + $1.rows }, identicalTo: first.id,
                                          submission: nil, submissions: [], dryRun: dryRun)
        }
        /// Every row checked against the farms' placements; throws every problem of the file.
        func validated(_ reader: StoreReader) throws -> AttendanceBatch {
            var batch = try AttendanceBatch(reader: reader, submitter: submitter, today: context.today, revealOtherProviders: revealOtherProviders,
                                            calendarCache: context.caches.farmCalendars)
            try AttendanceFile.rows(in: data, fileName: fileName) { try batch.add($0, reader: reader) }
            try batch.checkProblems()
            return batch
        }
        /// Stores a farm's plan as its submission.
        func store(_ farm: OrganisationNumber, _ plan: AttendancePlanner.Plan, _ tx: StoreTransaction) throws -> Int64 {
            let submission = AttendanceSubmission(id: 0, receivedAt: "", actor: "", provider: farm, fileName: fileName, contentHash: hash,
                                                  months: plan.months, rows: plan.rows, newRows: plan.new, changedRows: plan.replaced.count,
                                                  unchangedRows: plan.unchanged)
            return try tx.storeSubmission(submission, rows: plan.toWrite, replaced: plan.replaced, replacedJSON: plan.replacedJSON).id
        }
        func report(_ farms: [OrganisationNumber], _ counts: [AttendancePlanner.Counts], _ submissionIds: [Int64]) -> AttendanceImportReport {
            AttendanceImportReport(file: fileName, provider: submitter ?? (farms.count == 1 ? farms[0] : nil), providers: farms, contentHash: hash,
                                   months: Array(Set(counts.flatMap(\.months))).sorted(), rows: counts.reduce(0) { $0 + $1.rows },
                                   new: counts.reduce(0) { $0 + $1.new }, changed: counts.reduce(0) { $0 + $1.changed },
                                   unchanged: counts.reduce(0) { $0 + $1.unchanged }, identicalTo: nil,
                                   submission: submissionIds.count == 1 ? submissionIds[0] : nil, submissions: submissionIds, dryRun: dryRun)
        }
        /// Plans made beforehand, stored.
        func stored(_ plans: [(farm: OrganisationNumber, plan: AttendancePlanner.Plan)], _ tx: StoreTransaction) throws -> AttendanceImportReport {
            let ids = try plans.map { try store($0.farm, $0.plan, tx) }
            return report(plans.map(\.farm), plans.map(\.plan.counts), ids)
        }
        /// Each farm's plan against the days `reader` sees, stored (in a transaction) as it is made, so
        /// that a national file's plans are never all in memory at once.
        func streamed(_ batch: inout AttendanceBatch, _ reader: StoreReader, _ tx: StoreTransaction?) throws -> AttendanceImportReport {
            var farms: [OrganisationNumber] = []
            var counts: [AttendancePlanner.Counts] = []
            var ids: [Int64] = []
            try batch.drainPlans(using: reader) { farm, plan in
                if let tx { ids.append(try store(farm, plan, tx)) }
                farms.append(farm)
                counts.append(plan.counts)
            }
            return report(farms, counts, ids)
        }

        if dryRun {
            return try context.read { reader in
                if let earlier = try earlierImport(reader) { return earlier }
                var batch = try validated(reader)
                return try streamed(&batch, reader, nil)
            }
        }
        // The file is read, checked and (up to a farm's upload) compared and priced in a snapshot,
        // outside the single writer, so that uploads from several farms are worked on side by side and
        // each holds the writer only to store. Checking needs the farms, placements, agreements and
        // calendars; each change to those is an audit event, so if one was recorded meanwhile, the file
        // is checked again inside the writer. Comparing needs the farm's stored days, which only its
        // own submissions change.
        let snapshot = try context.read { reader -> Snapshot in
            let stamps = Stamps(audit: try reader.lastAuditEventId(), submission: try reader.lastSubmissionId())
            if let earlier = try earlierImport(reader) { return .alreadyImported(earlier) }
            let batch = try validated(reader)
            let plans = batch.rowCount <= Self.plannedInSnapshot ? try batch.plans(using: reader) : nil
            return .checked(stamps, batch, plans)
        }
        try afterCheck?()
        switch consume snapshot {
        case .alreadyImported(let earlier):
            return earlier
        case .checked(let stamps, var batch, let plans):
            return try context.write { tx in
                // The same file may have been stored by a concurrent upload since.
                if let earlier = try earlierImport(tx) { return earlier }
                if try tx.hasAuditEvents(after: stamps.audit, besides: AttendanceSubmission.auditEntity) {
                    var again = try validated(tx)
                    return try streamed(&again, tx, tx)
                }
                if let plans, try !tx.hasSubmissions(after: stamps.submission, from: batch.farms) {
                    return try stored(plans, tx)
                }
                return try streamed(&batch, tx, tx)
            }
        }
    }

    /// Files up to this many rows (a farm's month is a few hundred) are compared and priced outside the
    /// writer too; a larger one is planned inside, farm by farm, to keep its plans out of memory.
    static let plannedInSnapshot = 50_000

    /// The newest audit event and submission when a file was checked in its snapshot.
    private struct Stamps {
        let audit: Int64
        let submission: Int64
    }

    /// What the snapshot found: the file imported before, or the file checked (and planned when small).
    private enum Snapshot {
        case alreadyImported(AttendanceImportReport)
        case checked(Stamps, AttendanceBatch, [(farm: OrganisationNumber, plan: AttendancePlanner.Plan)]?)
    }
}

/// Sends each row to its farm's planner, made when the farm's first row arrives, and collects every
/// problem of the file. It keeps no reader: it is made in one snapshot and may be stored through another.
struct AttendanceBatch {
    let submitter: OrganisationNumber?
    let today: LocalDate
    let revealOtherProviders: Bool
    /// Loaded once for the whole file: a national file names hundreds of farms.
    let placedParticipants: Set<ParticipantCode>
    let calendarCache: FarmCalendarCache
    /// Planners in the order the file names their farms.
    private var planners: [AttendancePlanner] = []
    private var plannerIndex: [OrganisationNumber: Int] = [:]
    private var knownFarms: [String: OrganisationNumber] = [:]
    /// A file's rows come farm by farm: the last row's farm is checked first, without hashing.
    private var lastFarm: (text: String?, planner: Int)?
    private var problems: [FieldProblem] = []

    init(reader: StoreReader, submitter: OrganisationNumber?, today: LocalDate, revealOtherProviders: Bool,
         calendarCache: FarmCalendarCache) throws {
        self.submitter = submitter
        self.calendarCache = calendarCache
        self.today = today
        self.revealOtherProviders = revealOtherProviders
        // Only needed to tell the work team that a participant is placed with another farm; a farm's
        // own upload never learns that, and need not read every placement of the country for it.
        placedParticipants = revealOtherProviders ? try reader.placedParticipants() : []
    }

    mutating func add(_ row: AttendanceRow, reader: StoreReader) throws {
        let index: Int
        if let lastFarm, submitter != nil || lastFarm.text == row.organisationNumber {
            index = lastFarm.planner
        } else {
            guard let farm = try farm(of: row, reader: reader) else { return }
            index = try planner(for: farm, reader: reader)
            lastFarm = (row.organisationNumber, index)
        }
        let rowProblems = planners[index].add(row)
        if !rowProblems.isEmpty { problems += rowProblems }
    }

    private mutating func planner(for farm: OrganisationNumber, reader: StoreReader) throws -> Int {
        if let index = plannerIndex[farm] { return index }
        planners.append(AttendancePlanner(calendars: try calendarCache.calendars(for: farm, reader: reader), provider: farm, today: today,
                                          revealOtherProviders: revealOtherProviders, placedParticipants: placedParticipants))
        plannerIndex[farm] = planners.count - 1
        return planners.count - 1
    }

    /// The farm a row belongs to: the submitter, or the row's own registered farm; nil after a problem.
    private mutating func farm(of row: AttendanceRow, reader: StoreReader) throws -> OrganisationNumber? {
        if let submitter { return submitter }
        let text = row.organisationNumber?.trimmingWhitespace() ?? ""
        if let known = knownFarms[text] { return known }
        guard !text.isEmpty else {
            problems.append(FieldProblem(row: row.row, field: "organisation_number", value: "",
                                         reason: "the row names no farm; fill in the organisation number, or say which farm submits the file with --provider"))
            return nil
        }
        switch OrganisationNumber.parse(text) {
        case .failure(let reason):
            problems.append(FieldProblem(row: row.row, field: "organisation_number", value: text, reason: reason.text))
            return nil
        case .success(let number):
            guard try reader.provider(number) != nil else {
                problems.append(FieldProblem(row: row.row, field: "organisation_number", value: text, reason: "no farm with organisation number \(number) is registered"))
                return nil
            }
            knownFarms[text] = number
            return number
        }
    }

    var farms: [OrganisationNumber] { planners.map(\.provider) }
    var rowCount: Int { planners.reduce(0) { $0 + $1.rowCount } }

    /// Each farm's plan, keeping the rows (to plan again if the stored days change before they are
    /// stored), with the replaced days encoded for the audit event.
    func plans(using reader: StoreReader) throws -> [(farm: OrganisationNumber, plan: AttendancePlanner.Plan)] {
        try checkProblems()
        return try planners.map { planner in
            var plan = try planner.plan(using: reader)
            plan.replacedJSON = AttendanceSubmission.auditSnapshot(ofReplaced: plan.replaced)
            return (planner.provider, plan)
        }
    }

    /// Every problem of the file, if it has any.
    func checkProblems() throws {
        if !problems.isEmpty { throw TunetError.invalidInput(problems) }
    }

    /// Each farm's plan against the days stored as `reader` sees them, in the order the file names the
    /// farms, one at a time, each farm's rows let go once its plan is made (a national file is a
    /// million rows).
    mutating func drainPlans(using reader: StoreReader, _ body: (OrganisationNumber, AttendancePlanner.Plan) throws -> Void) throws {
        try checkProblems()
        for index in planners.indices {
            let plan = try planners[index].plan(using: reader)
            planners[index].letGoOfRows()
            try body(planners[index].provider, plan)
        }
    }
}

/// Validates rows against the farm's placements loaded once, and works out what changes.
struct AttendancePlanner {
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
        /// `replaced` encoded for the audit event, when that was done outside the writer.
        var replacedJSON: String?

        /// What the report says of the plan, without its rows.
        var counts: Counts { Counts(months: months, rows: rows, new: new, changed: replaced.count, unchanged: unchanged) }
    }

    struct Counts {
        let months: [String]
        let rows, new, changed, unchanged: Int
    }

    let calendars: [AttendanceValidator.PlacementCalendar]
    let agreements: [String: Agreement]
    let validator: AttendanceValidator
    /// The row each participant-day came on, to name both rows of a day reported twice.
    private var seen: [DayKey: Int] = [:]
    private var entries: [AttendanceEntry] = []
    private(set) var rowCount = 0

    init(calendars farm: FarmCalendars, provider: OrganisationNumber, today: LocalDate, revealOtherProviders: Bool,
         placedParticipants: Set<ParticipantCode>) {
        self.provider = provider
        self.today = today
        self.revealOtherProviders = revealOtherProviders
        calendars = farm.calendars
        agreements = farm.agreements
        validator = AttendanceValidator(provider: provider, placements: calendars, placedParticipants: placedParticipants, today: today,
                                        revealOtherProviders: revealOtherProviders)
    }

    /// Validates one row; its problems, if any.
    mutating func add(_ row: AttendanceRow) -> [FieldProblem] {
        rowCount += 1
        switch validator.check(row) {
        case .failure(let error): return error.problems
        case .success(let entry):
            if let earlier = seen.updateValue(row.row, forKey: DayKey(entry)) {
                seen[DayKey(entry)] = earlier
                return [FieldProblem(row: row.row, field: "date", value: entry.date.iso,
                                     reason: "\(entry.participant) on \(entry.date.iso) is also on row \(earlier)")]
            }
            entries.append(entry)
            return []
        }
    }

    mutating func letGoOfRows() {
        entries = []
        seen = [:]
    }

    /// A participant-day of a placement.
    struct DayKey: Hashable, Comparable {
        let placement: Int64
        let day: Int

        init(_ entry: AttendanceEntry) {
            placement = entry.placementId
            day = entry.date.dayNumber
        }

        init(_ stored: StoredAttendance) { self.init(stored.entry) }

        static func < (left: DayKey, right: DayKey) -> Bool { (left.placement, left.day) < (right.placement, right.day) }
    }

    /// What the valid rows change: new days, replaced days with their old values, unchanged days.
    func plan(using reader: StoreReader) throws -> Plan {
        let byId = Dictionary(uniqueKeysWithValues: calendars.map { ($0.placement.id, $0) })
        var plan = Plan()
        plan.rows = rowCount
        guard let first = entries.map(\.date).min(), let last = entries.map(\.date).max() else { return plan }
        // Read in placement and date order and searched by halving: building a dictionary of the stored
        // days copied each of them for a look-up or two (BENCHMARKS.md).
        var stored = try reader.attendance(placements: byId.keys.sorted(), from: first, to: last)
        var storedKeys = stored.map(DayKey.init)
        if !zip(storedKeys, storedKeys.dropFirst()).allSatisfy({ $0 < $1 }) {
            stored.sort { DayKey($0) < DayKey($1) }
            storedKeys = stored.map(DayKey.init)
        }
        func existing(_ key: DayKey) -> StoredAttendance? {
            var low = 0, high = storedKeys.count
            while low < high {
                let middle = (low + high) / 2
                if storedKeys[middle] < key { low = middle + 1 } else { high = middle }
            }
            return low < storedKeys.count && storedKeys[low] == key ? stored[low] : nil
        }
        plan.months = Set(entries.map { YearMonth($0.date) }).sorted().map(\.iso)
        // Entries come participant by participant: the last placement's calendar and agreement are kept.
        var current: (placement: Int64, calendar: AttendanceValidator.PlacementCalendar, agreement: Agreement, prices: PriceList)?
        for entry in entries {
            if current?.placement != entry.placementId {
                current = byId[entry.placementId].flatMap { calendar in
                    agreements[calendar.placement.agreementReference].map {
                        (entry.placementId, calendar, $0, $0.prices.only(provider: calendar.placement.provider))
                    }
                }
            }
            guard let (_, calendar, agreement, prices) = current else { continue }
            let priced = try price(entry, calendar, agreement, prices)
            if let before = existing(DayKey(entry)) {
                if before.entry.reportsSame(as: entry) { plan.unchanged += 1; continue }
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
    /// - Parameter prices: the agreement's prices for the placement's farm.
    func price(_ entry: AttendanceEntry, _ calendar: AttendanceValidator.PlacementCalendar, _ agreement: Agreement,
               _ prices: PriceList) throws -> StoredAttendance {
        let placement = calendar.placement
        let rules = PlacementRules.standard
        func amount(_ line: String) throws -> Money {
            guard let price = prices.price(provider: placement.provider, line: line, on: entry.date) else {
                throw TunetError.invalid("date", entry.date.iso, "agreement \(agreement.reference) has no '\(line)' price for \(placement.provider) on \(entry.date.iso)")
            }
            return price.amount
        }
        // Each rate is looked up once, though the billed and the planned amount may both need it.
        var dayRate: Money?, tripRate: Money?
        func day() throws -> Money {
            if dayRate == nil { dayRate = try amount(placement.priceLine) }
            return dayRate!
        }
        func trip() throws -> Money {
            if tripRate == nil { tripRate = try amount(rules.transportLine) }
            return tripRate!
        }
        let dayPrice = entry.status.isBillable(under: agreement.absenceRule) ? try day() : .zero
        let trips = entry.transportTrips ?? (entry.status == .present ? placement.transportTripsPerDay : 0)
        let transport = trips > 0 ? try trip() * Int64(trips) : .zero
        var planned = Money.zero
        if calendar.plannedDays.contains(entry.date.dayNumber) {
            planned = try day()
            if placement.transportTripsPerDay > 0 { planned += try trip() * Int64(placement.transportTripsPerDay) }
        }
        return StoredAttendance(entry: entry, dayPrice: dayPrice, transport: transport, plannedCost: planned, submissionId: 0)
    }
}
