/// Rules a municipality may tune; the defaults are documented in the README.
public struct PlacementRules: Sendable {
    /// Approval, insurance and police certificate: what a farm must meet to take a placement.
    public var compliance = ProviderCompliance.standard
    /// Transport is two trips (there and back) on each planned day.
    public var transportLine = "transport"

    public init() {}

    public static let standard = PlacementRules()
}

/// What the planner needs to know about the world, read by the use case in the same transaction.
public struct PlacementSituation: Sendable {
    public var agreement: Agreement
    public var providers: [OrganisationNumber: Provider]
    /// Placements with the agreement's farms (under any agreement) that overlap the period: they share the farms' places.
    public var existing: [Placement]
    public var schoolHolidays: [SchoolHoliday]
    /// Committed and spent under this agreement before this placement.
    public var consumption: Consumption
    /// Planned participant-days already committed under this agreement.
    public var plannedParticipantDays: Int

    public init(agreement: Agreement, providers: [OrganisationNumber: Provider], existing: [Placement],
                schoolHolidays: [SchoolHoliday], consumption: Consumption, plannedParticipantDays: Int) {
        self.agreement = agreement
        self.providers = providers
        self.existing = existing
        self.schoolHolidays = schoolHolidays
        self.consumption = consumption
        self.plannedParticipantDays = plannedParticipantDays
    }
}

public struct PlacementPlan: Sendable, Encodable {
    public let provider: OrganisationNumber
    public let choice: ProviderChoice
    public let plannedDays: [LocalDate]
    public let projectedCost: Money
    public let ceilingOverrideReason: String?
    public let headroomAfter: Money
    /// What the user should know although the placement is allowed (a missing school calendar).
    public let warnings: [PlacementWarning]

    public init(provider: OrganisationNumber, choice: ProviderChoice, plannedDays: [LocalDate], projectedCost: Money,
                ceilingOverrideReason: String?, headroomAfter: Money, warnings: [PlacementWarning] = []) {
        self.provider = provider
        self.choice = choice
        self.plannedDays = plannedDays
        self.projectedCost = projectedCost
        self.ceilingOverrideReason = ceilingOverrideReason
        self.headroomAfter = headroomAfter
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case provider = "provider_organisation_number"
        case choice
        case plannedDays = "planned_days"
        case projectedCost = "projected_cost_ore"
        case ceilingOverrideReason = "ceiling_override_reason"
        case headroomAfter = "headroom_after_ore"
        case warnings
    }
}

public enum PlacementPlanner {
    /// The days the participant is expected: the placement's weekdays in the period, less public
    /// holidays and, for pupils, the school holidays of the municipality.
    public static func plannedDays(weekdays: WeekdaySet, from: LocalDate, to: LocalDate, kind: PlacementKind,
                                   schoolHolidays: [SchoolHoliday]) -> [LocalDate] {
        plannedDayNumbers(weekdays: weekdays, from: from, to: to, kind: kind, schoolHolidays: schoolHolidays).map(LocalDate.init(dayNumber:))
    }

    /// The planned days as day numbers, in order, worked out on the numbers alone: an import looks
    /// up the planned days of every placement of the country.
    public static func plannedDayNumbers(weekdays: WeekdaySet, from: LocalDate, to: LocalDate, kind: PlacementKind,
                                         schoolHolidays: [SchoolHoliday]) -> [Int] {
        guard from <= to else { return [] }
        return (from.dayNumber...to.dayNumber).filter(isPlanned(weekdays: weekdays, from: from, to: to, kind: kind, schoolHolidays: schoolHolidays))
    }

    /// The planned days as a set, to look reported days up in.
    public static func plannedDaySet(weekdays: WeekdaySet, from: LocalDate, to: LocalDate, kind: PlacementKind,
                                     schoolHolidays: [SchoolHoliday]) -> DayNumberSet {
        guard from <= to else { return DayNumberSet([]) }
        return DayNumberSet(from: from.dayNumber, to: to.dayNumber,
                            where: isPlanned(weekdays: weekdays, from: from, to: to, kind: kind, schoolHolidays: schoolHolidays))
    }

    /// Whether a day number from `from` to `to` is planned.
    private static func isPlanned(weekdays: WeekdaySet, from: LocalDate, to: LocalDate, kind: PlacementKind,
                                  schoolHolidays: [SchoolHoliday]) -> (Int) -> Bool {
        let holidays = DayNumberSet((from.year...to.year).flatMap { NorwegianCalendar.publicHolidays($0).map(\.date.dayNumber) })
        let closed = kind == .pupil ? schoolHolidays.map { $0.from.dayNumber...$0.to.dayNumber } : []
        // By weekday number rather than through the set's hashing: this runs for every day of every placement.
        let attends = [false] + Weekday.allCases.map(weekdays.contains)
        return { number in
            attends[Weekday(dayNumber: number).rawValue] && !holidays.contains(number) && !closed.contains { $0.contains(number) }
        }
    }

    /// Σ the cost of each planned day (PlannedDayCost); a missing price names its line and day.
    public static func cost(of days: [LocalDate], provider: OrganisationNumber, line: String, tripsPerDay: Int,
                            prices: PriceList, rules: PlacementRules = .standard) -> Result<Money, FieldReason> {
        let planned = PlannedDayCost(prices: prices, provider: provider, priceLine: line, tripsPerDay: tripsPerDay, rules: rules)
        return planned.cost(of: days).mapError { missing in
            FieldReason(missing.isTransport ? "rules.planner.no_transport_price" : "rules.planner.no_price",
                        ["provider": .text(provider.digits), "line": .text(missing.line), "date": .date(missing.date)])
        }
    }

    /// Chooses the farm by the agreement's call-off method, checks every rule and the ceiling, and
    /// returns what would be stored. Nothing here writes; a refusal explains itself.
    public static func plan(_ request: PlacementRequest, in situation: PlacementSituation,
                            rules: PlacementRules = .standard) throws(TunetError) -> PlacementPlan {
        let agreement = situation.agreement
        var problems = ProblemCollector()
        if !agreement.targetGroups.contains(request.kind.targetGroup) {
            problems.add("kind", request.kind.rawValue, Message("rules.planner.group_not_covered", [
                "reference": .text(agreement.reference), "group": request.kind.targetGroup.labelValue,
                "covered": .list(TargetGroup.allCases.filter(agreement.targetGroups.contains).map(\.labelValue))]))
        }
        if !agreement.municipalities.contains(request.municipalityNumber) {
            problems.add("municipality", request.municipalityNumber, Message("rules.planner.municipality_not_party",
                                                                             ["municipality": .text(request.municipalityNumber), "reference": .text(agreement.reference)]))
        }
        if request.start < agreement.start || request.end > agreement.currentEnd {
            problems.add("start", "\(request.start.iso)–\(request.end.iso)",
                         Message("rules.planner.outside_period", ["start": .date(agreement.start), "end": .date(agreement.currentEnd)]))
        }
        if let terminated = agreement.terminatedOn, request.end >= terminated {
            problems.add("end", request.end.iso, Message("rules.planner.terminated", ["reference": .text(agreement.reference), "date": .date(terminated)]))
        }
        let days = plannedDays(weekdays: request.weekdays, from: request.start, to: request.end, kind: request.kind,
                               schoolHolidays: situation.schoolHolidays)
        if days.isEmpty && problems.isEmpty {
            problems.add("weekdays", request.weekdays.display, Message("rules.planner.no_planned_day", ["start": .date(request.start), "end": .date(request.end)]))
        }
        try problems.check()

        let (provider, choice) = try choose(request, days: days, in: situation, rules: rules)
        let trips = request.dementia?.transport == true ? 2 : 0
        let projected: Money
        switch cost(of: days, provider: provider, line: request.priceLine, tripsPerDay: trips, prices: agreement.prices, rules: rules) {
        case .success(let money): projected = money
        case .failure(let reason): throw .invalid("price-line", request.priceLine, reason.message)
        }

        let use = situation.consumption
        let after = use.used + projected
        var overLimits: [MessageValue] = []
        if after > agreement.maximumValue {
            overLimits.append(.message(Message("rules.planner.over_maximum_value", [
                "after": .money(after), "maximum": .money(agreement.maximumValue), "headroom": .money(use.headroom), "projected": .money(projected)])))
        }
        if let maximumDays = agreement.maximumParticipantDays, situation.plannedParticipantDays + days.count > maximumDays {
            overLimits.append(.message(Message("rules.planner.over_maximum_days", [
                "days": .integer(situation.plannedParticipantDays + days.count), "maximum": .integer(maximumDays)])))
        }
        if !overLimits.isEmpty && request.overrideCeilingReason == nil {
            let limits: MessageValue = overLimits.count == 1
                ? overLimits[0] : .message(Message("rules.planner.both_limits", ["first": overLimits[0], "second": overLimits[1]]))
            throw .conflict(Message("rules.planner.ceiling_exceeded", ["reference": .text(agreement.reference), "limits": limits],
                                    fields: ["override_ceiling", "reason"]))
        }
        return PlacementPlan(provider: provider, choice: choice, plannedDays: days, projectedCost: projected,
                             ceilingOverrideReason: overLimits.isEmpty ? nil : request.overrideCeilingReason,
                             headroomAfter: agreement.maximumValue - after, warnings: warnings(request, in: situation))
    }

    /// A pupil placed in a school year its municipality has no school calendar for is planned
    /// through the school holidays: allowed, but never silently.
    public static func warnings(_ request: PlacementRequest, in situation: PlacementSituation) -> [PlacementWarning] {
        guard request.kind == .pupil else { return [] }
        let holidays = situation.schoolHolidays.filter { $0.municipalityNumber == request.municipalityNumber }
        return SchoolCalendarRule.missingSchoolYears(from: request.start, to: request.end, holidays: holidays).map {
            PlacementWarning.schoolCalendarMissing(municipalityNumber: request.municipalityNumber, schoolYear: $0)
        }
    }

    static func choose(_ request: PlacementRequest, days: [LocalDate], in situation: PlacementSituation,
                       rules: PlacementRules) throws(TunetError) -> (OrganisationNumber, ProviderChoice) {
        let agreement = situation.agreement
        func named(_ method: Message) throws(TunetError) -> OrganisationNumber {
            guard let provider = request.provider else {
                throw .invalid("provider", nil, Message("rules.planner.name_the_provider", ["reference": .text(agreement.reference), "method": .message(method)],
                                                            fields: ["provider"]))
            }
            guard agreement.party(provider) != nil else {
                throw .invalid("provider", provider.digits, Message("rules.planner.provider_not_party",
                                                                     ["provider": .text(provider.digits), "reference": .text(agreement.reference)]))
            }
            let found = obstacles(provider, request, days, situation, rules)
            if !found.isEmpty { throw .conflict(cannotTake(provider, found)) }
            return provider
        }
        let asWritten: MessageValue = agreement.allocationCriteria.map { .text($0) } ?? .label("rules.choice.criteria_as_written")
        switch agreement.callOffMethod {
        case .direct:
            let provider = try named(Message("rules.planner.by.direct"))
            return (provider, ProviderChoice(method: .direct, provider: provider, rule: Message("rules.choice.direct"), inputs: nil, skipped: []))
        case .criteria:
            guard let inputs = request.criteriaInputs else {
                throw .invalid("criteria-inputs", nil, Message("rules.planner.criteria_inputs_required", ["reference": .text(agreement.reference), "criteria": asWritten],
                                                                   fields: ["criteria_inputs"]))
            }
            let provider = try named(Message("rules.planner.by.criteria"))
            return (provider, ProviderChoice(method: .criteria, provider: provider, rule: Message("rules.choice.criteria", ["criteria": asWritten]),
                                             inputs: inputs, skipped: []))
        case .miniCompetition:
            guard let result = request.miniCompetitionResult, request.provider != nil else {
                throw .conflict(Message("rules.planner.run_mini_competition", ["reference": .text(agreement.reference), "parties": .integer(agreement.parties.count)],
                                    fields: ["provider", "mini_competition_result"]))
            }
            let provider = try named(Message("rules.planner.by.mini_competition"))
            return (provider, ProviderChoice(method: .miniCompetition, provider: provider, rule: Message("rules.choice.mini_competition"),
                                             inputs: result, skipped: []))
        case .ranking:
            if let provider = request.provider {
                throw .invalid("provider", provider.digits, Message("rules.planner.ranking_chooses", ["reference": .text(agreement.reference)],
                                                                                fields: ["provider", "dry_run"]))
            }
            var skipped: [ProviderChoice.Skipped] = []
            for party in agreement.parties.sorted(by: { ($0.rank ?? Int.max) < ($1.rank ?? Int.max) }) {
                let found = obstacles(party.provider, request, days, situation, rules)
                if found.isEmpty {
                    return (party.provider, ProviderChoice(method: .ranking, provider: party.provider,
                                                           rule: Message("rules.choice.ranking", ["rank": rankValue(party.rank)]),
                                                           inputs: nil, skipped: skipped))
                }
                skipped.append(.init(provider: party.provider, rank: party.rank, reasons: found))
            }
            throw .conflict(Message("rules.planner.no_provider_can_take", ["reference": .text(agreement.reference), "skipped": .lines(skipped.map {
                .message(Message("rules.planner.skipped", ["rank": rankValue($0.rank), "provider": .text($0.provider.digits), "reasons": reasonsValue($0.reasons)]))
            })]))
        }
    }

    /// A rank as the choice and the skipped farms name it; "–" for a party without one.
    static func rankValue(_ rank: Int?) -> MessageValue { .text(rank.map(String.init) ?? "–") }

    /// A farm's reasons, one after another: "full on wed (…); it has no police certificate, …".
    public static func reasonsValue(_ reasons: [Message]) -> MessageValue {
        guard let first = reasons.first else { return .text("") }
        return reasons.dropFirst().reduce(.message(first)) { joined, next in
            .message(Message("rules.obstacle.and", ["first": joined, "next": .message(next)]))
        }
    }

    /// "Provider 974760673 cannot take this placement: …".
    public static func cannotTake(_ provider: OrganisationNumber, _ reasons: [Message]) -> Message {
        Message("rules.planner.cannot_take", ["provider": .text(provider.digits), "reasons": reasonsValue(reasons)])
    }

    /// "Provider 974760673 cannot take the extension: …".
    public static func cannotTakeExtension(_ provider: OrganisationNumber, _ reasons: [Message]) -> Message {
        Message("rules.planner.cannot_take_extension", ["provider": .text(provider.digits), "reasons": reasonsValue(reasons)])
    }

    /// Every reason a farm cannot take the placement, in plain words; empty when it can.
    public static func obstacles(_ number: OrganisationNumber, _ request: PlacementRequest, _ days: [LocalDate],
                                 _ situation: PlacementSituation, _ rules: PlacementRules, excluding placementId: Int64? = nil) -> [Message] {
        guard let provider = situation.providers[number] else { return [Message("rules.obstacle.not_registered")] }
        var reasons: [Message] = []
        if provider.status == .suspended {
            reasons.append(Message("rules.obstacle.suspended", ["reason": provider.statusReason.map { .text($0) } ?? .label("rules.obstacle.no_reason_recorded")]))
        }
        reasons += rules.compliance.obstacles(provider, kind: request.kind, start: request.start)
        if !provider.targetGroups.contains(request.kind.targetGroup) {
            reasons.append(Message("rules.obstacle.target_group", ["group": request.kind.targetGroup.labelValue]))
        }
        let closed = request.weekdays.filter { !provider.openWeekdays.contains($0) }
        if !closed.isEmpty {
            reasons.append(Message("rules.obstacle.closed", ["closed": .list(closed.map(\.labelValue)), "open": provider.openWeekdays.labelValue]))
        }
        if situation.agreement.prices.price(provider: number, line: request.priceLine, on: request.start) == nil {
            reasons.append(Message("rules.obstacle.no_price", ["line": .text(request.priceLine), "date": .date(request.start)]))
        }
        var fullWeekdays: [Weekday: (LocalDate, Int)] = [:]
        let others = situation.existing.filter { $0.provider == number && $0.id != placementId && !$0.isCancelled }
        for day in days where fullWeekdays[day.weekday] == nil {
            let taken = others.reduce(0) { $0 + ($1.covers(day) ? 1 : 0) }
            if taken >= provider.placesPerDay { fullWeekdays[day.weekday] = (day, taken) }
        }
        for (weekday, (day, taken)) in fullWeekdays.sorted(by: { $0.key < $1.key }) {
            reasons.append(Message("rules.obstacle.full", [
                "weekday": weekday.labelValue, "taken": .integer(taken), "places": .integer(provider.placesPerDay), "date": .date(day)]))
        }
        return reasons + boughtPlacesTaken(number, request.kind.targetGroup, days, situation.agreement, others)
    }

    /// The weekdays on which every place the agreement bought from the farm for the group is booked,
    /// unless the agreement allows extra places.
    static func boughtPlacesTaken(_ number: OrganisationNumber, _ group: TargetGroup, _ days: [LocalDate], _ agreement: Agreement,
                                  _ others: [Placement]) -> [Message] {
        guard !agreement.allowsExtraPlaces else { return [] }
        let booked = others.filter { $0.agreementReference == agreement.reference && $0.kind.targetGroup == group }
        var taken: [Weekday: (day: LocalDate, booked: Int, bought: Int)] = [:]
        for day in days where taken[day.weekday] == nil {
            guard let bought = BoughtPlaces.on(day.weekday, provider: number, group: group, in: agreement.boughtPlaces) else { continue }
            let count = booked.reduce(0) { $0 + ($1.covers(day) ? 1 : 0) }
            if count >= bought { taken[day.weekday] = (day, count, bought) }
        }
        return taken.sorted { $0.key < $1.key }.map { weekday, use in
            Message(use.bought == 0 ? "rules.obstacle.no_places_bought" : "rules.obstacle.bought_places_taken", [
                "weekday": weekday.labelValue, "booked": .integer(use.booked), "bought": .integer(use.bought), "group": group.labelValue,
                "date": .date(use.day)])
        }
    }
}
