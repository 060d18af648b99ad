import TunetDomain
import TunetStorage

/// Validates rows against the farm's placements loaded once, and works out what changes.
struct FarmSubmission: Sendable {
    let provider: OrganisationNumber
    let today: LocalDate
    let revealOtherProviders: Bool

    struct Plan: Sendable {
        var toWrite: [StoredAttendance] = []
        var replaced: [StoredAttendance] = []
        var new = 0
        var unchanged = 0
        var months: [String] = []
        var rows = 0
        /// `replaced` encoded for the audit event, when that was done outside the writer.
        var replacedAudit: ReplacedDaysAudit?
        /// The stored days the rows were compared with.
        var basis: StoredDays?

        /// What the report says of the plan, without its rows.
        var counts: Counts { Counts(months: months, rows: rows, new: new, changed: replaced.count, unchanged: unchanged) }
    }

    struct Counts: Sendable {
        let months: [String]
        let rows, new, changed, unchanged: Int
    }

    let calendars: [AttendanceValidator.PlacementCalendar]
    let agreements: [String: Agreement]
    let validator: AttendanceValidator
    private var entries: [AttendanceEntry] = []
    private var recentParticipant = AttendanceValidator.RecentParticipant()
    /// The row each entry came on, to name both rows of a day reported twice.
    private var entryRows: [Int] = []
    /// While each placement's days come in order, a day can repeat none before it, and no table of
    /// days is kept: the last day of the current placement and of each placement left behind suffice.
    /// The first day out of order fills `seen` from the entries, and it is used from then on.
    private var lastDay: (placement: Int64, day: Int)?
    private var lastDays: [Int64: Int] = [:]
    private var seen: [DayKey: Int] = [:]
    private var inOrder = true
    private(set) var rowCount = 0

    init(calendars farm: FarmSchedules, provider: OrganisationNumber, today: LocalDate, revealOtherProviders: Bool,
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
        switch validator.check(row, recent: &recentParticipant) {
        case .failure(let error): return error.problems
        case .success(let entry):
            if let earlier = earlierRow(of: DayKey(entry), row: row.row) {
                return [FieldProblem(row: row.row, field: "date", value: entry.date.iso,
                                     reason: Message("attendance.row.duplicate_day", ["participant": .text(entry.participant.text),
                                                                                      "date": .date(entry.date), "row": .integer(earlier)]))]
            }
            entries.append(entry)
            entryRows.append(row.row)
            return []
        }
    }

    /// The row that reported this participant-day before, if one did; otherwise notes the day as `row`'s.
    private mutating func earlierRow(of key: DayKey, row: Int) -> Int? {
        if inOrder {
            if let last = lastDay, last.placement == key.placement {
                if key.day > last.day {
                    lastDay = (key.placement, key.day)
                    return nil
                }
            } else {
                if let last = lastDay { lastDays[last.placement] = last.day }
                if key.day > lastDays[key.placement, default: .min] {
                    lastDay = (key.placement, key.day)
                    return nil
                }
            }
            inOrder = false
            seen = Dictionary(zip(entries.map(DayKey.init), entryRows), uniquingKeysWith: { first, _ in first })
        }
        if let earlier = seen.updateValue(row, forKey: key) {
            seen[key] = earlier
            return earlier
        }
        return nil
    }

    mutating func letGoOfRows() {
        entries = []
        entryRows = []
        seen = [:]
        lastDays = [:]
        lastDay = nil
        inOrder = true
    }

    /// A participant-day of a placement.
    struct DayKey: Hashable, Comparable, Sendable {
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
    /// - Parameter cache: the farm's stored days kept from its last upload, used when still current.
    func plan(using reader: StoreReader, cache: StoredDaysCache? = nil) throws -> Plan {
        let byId = Dictionary(uniqueKeysWithValues: calendars.map { ($0.placement.id, $0) })
        var plan = Plan()
        plan.rows = rowCount
        guard var first = entries.first?.date else { return plan }
        var last = first
        // A file's days come in order for long stretches: a month is noted when it changes.
        var months: Set<YearMonth> = []
        var month: YearMonth?
        for entry in entries {
            first = min(first, entry.date)
            last = max(last, entry.date)
            let entryMonth = YearMonth(entry.date)
            if entryMonth != month {
                months.insert(entryMonth)
                month = entryMonth
            }
        }
        plan.months = months.sorted().map(\.iso)
        // Read in placement and date order and searched by halving: building a dictionary of the stored
        // days copied each of them for a look-up or two (BENCHMARKS.md).
        let placements = byId.keys.sorted()
        let basis = try cache?.days(of: provider, placements: placements, from: first, to: last, reader: reader)
            ?? StoredDays.read(reader, placements: placements, from: first, to: last)
        plan.basis = basis
        let stored = basis.days
        let storedKeys = stored.map(DayKey.init)
        /// Where the stored day of `key` is, if one is.
        func existing(_ key: DayKey) -> Int? {
            var low = 0, high = storedKeys.count
            while low < high {
                let middle = (low + high) / 2
                if storedKeys[middle] < key { low = middle + 1 } else { high = middle }
            }
            return low < storedKeys.count && storedKeys[low] == key ? low : nil
        }
        // Entries come participant by participant: each run of one placement's entries is priced with its
        // calendar, agreement and rates found once (binding them for every entry copied the agreement).
        var start = entries.startIndex
        while start < entries.endIndex {
            let placementId = entries[start].placementId
            var end = start + 1
            while end < entries.endIndex && entries[end].placementId == placementId { end += 1 }
            let run = start..<end
            start = end
            guard let calendar = byId[placementId], let agreement = agreements[calendar.placement.agreementReference] else { continue }
            let pricing = ReportedDayPricing(agreement: agreement, placement: calendar.placement)
            for entry in entries[run] {
                let priced = try price(entry, calendar, pricing)
                if let before = existing(DayKey(entry)) {
                    if stored[before].entry.reportsSame(as: entry) { plan.unchanged += 1; continue }
                    plan.replaced.append(stored[before])
                } else {
                    plan.new += 1
                }
                plan.toWrite.append(priced)
            }
        }
        return plan
    }

    /// Fixes the amounts of a reported day (ReportedDayPricing).
    func price(_ entry: AttendanceEntry, _ calendar: AttendanceValidator.PlacementCalendar, _ pricing: ReportedDayPricing) throws -> StoredAttendance {
        switch pricing.price(entry, planned: calendar.plannedDays.contains(entry.date.dayNumber)) {
        case .success(let day):
            return StoredAttendance(entry: entry, dayPrice: day.dayPrice, transport: day.transport, plannedCost: day.plannedCost, submissionId: 0)
        case .failure(let reason):
            throw TunetError.invalid("date", entry.date.iso, reason.message)
        }
    }
}
