/// Rules a municipality may tune; the defaults are documented in the README.
public struct PlacementRules: Sendable {
    public var policeCertificate = PoliceCertificateRule.standard
    public var approval = ApprovalRule.standard
    public var insurance = InsuranceRule.standard
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

    /// Σ the price valid on each planned day, plus transport trips at the transport price of that day.
    public static func cost(of days: [LocalDate], provider: OrganisationNumber, line: String, tripsPerDay: Int,
                            prices: PriceList, rules: PlacementRules = .standard) -> Result<Money, FieldReason> {
        var total = Money.zero
        for day in days {
            guard let price = prices.price(provider: provider, line: line, on: day) else {
                return .failure(FieldReason(.verbatim("provider \(provider) has no '\(line)' price valid on \(day.iso)")))
            }
            total += price.amount
            if tripsPerDay > 0 {
                guard let trip = prices.price(provider: provider, line: rules.transportLine, on: day) else {
                    return .failure(FieldReason(.verbatim("provider \(provider) has no '\(rules.transportLine)' price valid on \(day.iso) for the transport")))
                }
                total += trip.amount * Int64(tripsPerDay)
            }
        }
        return .success(total)
    }

    /// Chooses the farm by the agreement's call-off method, checks every rule and the ceiling, and
    /// returns what would be stored. Nothing here writes; a refusal explains itself.
    public static func plan(_ request: PlacementRequest, in situation: PlacementSituation,
                            rules: PlacementRules = .standard) throws(TunetError) -> PlacementPlan {
        let agreement = situation.agreement
        var problems = ProblemCollector()
        if !agreement.targetGroups.contains(request.kind.targetGroup) {
            problems.add("kind", request.kind.rawValue, .verbatim("agreement \(agreement.reference) does not cover \(request.kind.targetGroup.rawValue) (it covers \(TargetGroup.codes(agreement.targetGroups)))"))
        }
        if !agreement.municipalities.contains(request.municipalityNumber) {
            problems.add("municipality", request.municipalityNumber, .verbatim("municipality \(request.municipalityNumber) is not a party to agreement \(agreement.reference)"))
        }
        if request.start < agreement.start || request.end > agreement.currentEnd {
            problems.add("start", "\(request.start.iso)–\(request.end.iso)",
                         .verbatim("the placement must lie within the agreement's period, \(agreement.start.iso) to \(agreement.currentEnd.iso)"))
        }
        if let terminated = agreement.terminatedOn, request.end >= terminated {
            problems.add("end", request.end.iso, .verbatim("agreement \(agreement.reference) is terminated from \(terminated.iso)"))
        }
        let days = plannedDays(weekdays: request.weekdays, from: request.start, to: request.end, kind: request.kind,
                               schoolHolidays: situation.schoolHolidays)
        if days.isEmpty && problems.isEmpty {
            problems.add("weekdays", request.weekdays.display, .verbatim("there is no planned day between \(request.start.iso) and \(request.end.iso) (weekends, holidays and school holidays are off)"))
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
        var overLimits: [String] = []
        if after > agreement.maximumValue {
            overLimits.append("it would bring committed and spent to NOK \(after.formatted), above the maximum value NOK \(agreement.maximumValue.formatted) (headroom now NOK \(use.headroom.formatted), this placement NOK \(projected.formatted))")
        }
        if let maximumDays = agreement.maximumParticipantDays, situation.plannedParticipantDays + days.count > maximumDays {
            overLimits.append("it would bring the planned participant-days to \(situation.plannedParticipantDays + days.count), above the maximum of \(maximumDays)")
        }
        if !overLimits.isEmpty && request.overrideCeilingReason == nil {
            throw .conflict(.verbatim("Agreement \(agreement.reference) would be exceeded: \(overLimits.joined(separator: "; and ")). "
                + "Further call-offs above the maximum would be an illegal direct award; only an explicit, audited decision may go on: --override-ceiling --reason TEXT."))
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
        func named(_ purpose: String) throws(TunetError) -> OrganisationNumber {
            guard let provider = request.provider else {
                throw .invalid("provider", nil, .verbatim("agreement \(agreement.reference) calls off by \(purpose): name the provider with --provider"))
            }
            guard agreement.party(provider) != nil else {
                throw .invalid("provider", provider.digits, .verbatim("provider \(provider) is not a party to agreement \(agreement.reference)"))
            }
            let found = obstacles(provider, request, days, situation, rules)
            if !found.isEmpty {
                throw .conflict(.verbatim("Provider \(provider) cannot take this placement: \(found.joined(separator: "; "))."))
            }
            return provider
        }
        switch agreement.callOffMethod {
        case .direct:
            let provider = try named("direct order")
            return (provider, ProviderChoice(method: .direct, provider: provider, rule: "direct order on the agreement's fixed terms",
                                             inputs: nil, skipped: []))
        case .criteria:
            guard let inputs = request.criteriaInputs else {
                throw .invalid("criteria-inputs", nil, .verbatim("agreement \(agreement.reference) allocates by its criteria (\(agreement.allocationCriteria ?? "as written in the agreement")); record how they choose this provider with --criteria-inputs"))
            }
            let provider = try named("its allocation criteria")
            return (provider, ProviderChoice(method: .criteria, provider: provider,
                                             rule: "allocation criteria: \(agreement.allocationCriteria ?? "as written in the agreement")",
                                             inputs: inputs, skipped: []))
        case .miniCompetition:
            guard let result = request.miniCompetitionResult, request.provider != nil else {
                throw .conflict(.verbatim("Agreement \(agreement.reference) calls off by mini-competition: run one among its \(agreement.parties.count) parties first, then register the winner with --provider and the result with --mini-competition-result."))
            }
            let provider = try named("mini-competition")
            return (provider, ProviderChoice(method: .miniCompetition, provider: provider, rule: "mini-competition among the parties",
                                             inputs: result, skipped: []))
        case .ranking:
            if let provider = request.provider {
                throw .invalid("provider", provider.digits, .verbatim("agreement \(agreement.reference) calls off by ranking, so Tunet chooses the highest-ranked provider with room; leave out --provider (use --dry-run to see the choice)"))
            }
            var skipped: [ProviderChoice.Skipped] = []
            for party in agreement.parties.sorted(by: { ($0.rank ?? Int.max) < ($1.rank ?? Int.max) }) {
                let found = obstacles(party.provider, request, days, situation, rules)
                if found.isEmpty {
                    return (party.provider, ProviderChoice(method: .ranking, provider: party.provider,
                                                           rule: "highest-ranked provider with room (rank \(party.rank.map(String.init) ?? "–"))",
                                                           inputs: nil, skipped: skipped))
                }
                skipped.append(.init(provider: party.provider, rank: party.rank, reasons: found))
            }
            throw .conflict(.verbatim("No provider under agreement \(agreement.reference) can take this placement:\n"
                + skipped.map { "  - rank \($0.rank.map(String.init) ?? "–") \($0.provider): \($0.reasons.joined(separator: "; "))" }.joined(separator: "\n")))
        }
    }

    /// Every reason a farm cannot take the placement, in plain words; empty when it can.
    public static func obstacles(_ number: OrganisationNumber, _ request: PlacementRequest, _ days: [LocalDate],
                                 _ situation: PlacementSituation, _ rules: PlacementRules, excluding placementId: Int64? = nil) -> [String] {
        guard let provider = situation.providers[number] else { return ["the provider is not registered"] }
        var reasons: [String] = []
        if provider.status == .suspended {
            reasons.append("suspended (\(provider.statusReason ?? "no reason recorded"))")
        }
        let approval = rules.approval.state(of: provider, on: request.start)
        if !approval.permitsPlacements {
            reasons.append(approval == .auditOverdue
                ? "the external audit of its IPT approval is overdue on \(request.start.iso)"
                : "it has no valid IPT approval on \(request.start.iso)")
        }
        if rules.insurance.state(of: provider, on: request.start) == .expired, let expiry = provider.insuranceExpiry {
            reasons.append("its insurance has expired (insurance expiry \(expiry.iso), before the start \(request.start.iso))")
        }
        if request.kind == .pupil {
            if let certificate = provider.policeCertificateDate {
                if !rules.policeCertificate.isValid(provider, on: request.start) {
                    reasons.append("its police certificate (\(certificate.iso)) is not valid on \(request.start.iso); pupils need one less than \(rules.policeCertificate.validityYears) years old")
                }
            } else {
                reasons.append("it has no police certificate, which pupil placements require")
            }
        }
        if !provider.targetGroups.contains(request.kind.targetGroup) {
            reasons.append("it does not serve \(request.kind.targetGroup.rawValue)")
        }
        let closed = request.weekdays.filter { !provider.openWeekdays.contains($0) }
        if !closed.isEmpty {
            reasons.append("it is closed on \(closed.map(\.code).joined(separator: ", ")) (open \(provider.openWeekdays.display))")
        }
        if situation.agreement.prices.price(provider: number, line: request.priceLine, on: request.start) == nil {
            reasons.append("it has no '\(request.priceLine)' price under the agreement on \(request.start.iso)")
        }
        var fullWeekdays: [Weekday: (LocalDate, Int)] = [:]
        let others = situation.existing.filter { $0.provider == number && $0.id != placementId && !$0.isCancelled }
        for day in days where fullWeekdays[day.weekday] == nil {
            let taken = others.reduce(0) { $0 + ($1.covers(day) ? 1 : 0) }
            if taken >= provider.placesPerDay { fullWeekdays[day.weekday] = (day, taken) }
        }
        for (weekday, (day, taken)) in fullWeekdays.sorted(by: { $0.key < $1.key }) {
            reasons.append("full on \(weekday.code) (\(taken) of \(provider.placesPerDay) places taken, first on \(day.iso))")
        }
        return reasons
    }
}
