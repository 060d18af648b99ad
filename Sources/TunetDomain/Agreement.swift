/// How a provider is chosen for each call-off (placement) under a framework agreement.
public enum CallOffMethod: String, CaseIterable, Sendable, Codable {
    /// Direct order on the agreement's fixed terms, to a named party.
    case direct
    /// Cascade: the highest-ranked provider with room.
    case ranking
    /// Allocation by criteria written in the agreement.
    case criteria
    /// A mini-competition among the parties for each call-off.
    case miniCompetition = "mini_competition"

    public init?(name: String) {
        switch name.trimmingWhitespace().lowercased().replacingDashes() {
        case "direct", "direkte": self = .direct
        case "ranking", "rangering", "cascade", "kaskade": self = .ranking
        case "criteria", "kriterier": self = .criteria
        case "mini_competition", "minicompetition", "minikonkurranse": self = .miniCompetition
        default: return nil
        }
    }

    /// The Open Contracting Data Standard's `frameworkAgreement.method`.
    public var ocdsMethod: String {
        self == .miniCompetition ? "withReopeningCompetition" : "withoutReopeningCompetition"
    }
}

/// Which attendance the provider may bill.
public enum AbsenceBillingRule: String, CaseIterable, Sendable, Codable {
    /// Only days the participant was present.
    case presentOnly = "present_only"
    /// Present days and absence without notice.
    case billUnannouncedAbsence = "bill_unannounced_absence"
    /// Present days and every absence by the participant (with or without notice).
    case billAllAbsence = "bill_all_absence"

    public init?(name: String) {
        switch name.trimmingWhitespace().lowercased().replacingDashes() {
        case "present_only", "present": self = .presentOnly
        case "bill_unannounced_absence", "unannounced": self = .billUnannouncedAbsence
        case "bill_all_absence", "all_absence": self = .billAllAbsence
        default: return nil
        }
    }
}

public struct AgreementParty: Hashable, Sendable, Codable {
    public var provider: OrganisationNumber
    /// 1 is first in the cascade; nil when the agreement does not rank its parties.
    public var rank: Int?

    public init(provider: OrganisationNumber, rank: Int?) {
        self.provider = provider
        self.rank = rank
    }

    enum CodingKeys: String, CodingKey {
        case provider = "provider_organisation_number"
        case rank
    }
}

/// An option to extend the agreement, which must be decided by its deadline.
public struct ExtensionOption: Hashable, Sendable, Codable {
    public var months: Int
    public var decisionDeadline: LocalDate
    public var exercisedOn: LocalDate?

    public init(months: Int, decisionDeadline: LocalDate, exercisedOn: LocalDate? = nil) {
        self.months = months
        self.decisionDeadline = decisionDeadline
        self.exercisedOn = exercisedOn
    }

    enum CodingKeys: String, CodingKey {
        case months
        case decisionDeadline = "decision_deadline"
        case exercisedOn = "exercised_on"
    }
}

/// A framework agreement (rammeavtale) between one or more municipalities and one or more farms.
public struct Agreement: Hashable, Sendable, Codable {
    public var reference: String
    public var title: String
    public var municipalities: [String]
    public var parties: [AgreementParty]
    public var targetGroups: Set<TargetGroup>
    public var start: LocalDate
    public var end: LocalDate
    public var options: [ExtensionOption]
    public var estimatedValue: Money
    public var maximumValue: Money
    public var maximumParticipantDays: Int?
    public var callOffMethod: CallOffMethod
    /// The allocation rule written in the agreement, for the criteria method.
    public var allocationCriteria: String?
    public var absenceRule: AbsenceBillingRule
    /// Whether trips are billed only on days the absence rule bills, or as reported.
    public var transportBilling: TransportBilling
    public var allowsExtraDays: Bool
    public var priceAdjustment: PriceAdjustmentClause?
    /// Why the agreement may run longer than four years, when it does.
    public var specialReason: String?
    public var prices: PriceList
    public var terminatedOn: LocalDate?
    public var terminationReason: String?
    /// The competition the agreement came from, when Tunet ran it.
    public var procurementId: Int64?
    /// Places bought per farm and target group (and weekday, where the contract says so).
    public var boughtPlaces: [BoughtPlaces]
    /// Whether a call-off may go beyond the bought places (as an extra place).
    public var allowsExtraPlaces: Bool

    public init(reference: String, title: String, municipalities: [String], parties: [AgreementParty],
                targetGroups: Set<TargetGroup>, start: LocalDate, end: LocalDate, options: [ExtensionOption] = [],
                estimatedValue: Money, maximumValue: Money, maximumParticipantDays: Int? = nil,
                callOffMethod: CallOffMethod, allocationCriteria: String? = nil,
                absenceRule: AbsenceBillingRule = .presentOnly, transportBilling: TransportBilling = .billableDays, allowsExtraDays: Bool = false,
                priceAdjustment: PriceAdjustmentClause? = nil, specialReason: String? = nil, prices: PriceList = PriceList(),
                terminatedOn: LocalDate? = nil, terminationReason: String? = nil, procurementId: Int64? = nil,
                boughtPlaces: [BoughtPlaces] = [], allowsExtraPlaces: Bool = false) {
        self.reference = reference
        self.title = title
        self.municipalities = municipalities
        self.parties = parties
        self.targetGroups = targetGroups
        self.start = start
        self.end = end
        self.options = options
        self.estimatedValue = estimatedValue
        self.maximumValue = maximumValue
        self.maximumParticipantDays = maximumParticipantDays
        self.callOffMethod = callOffMethod
        self.allocationCriteria = allocationCriteria
        self.absenceRule = absenceRule
        self.transportBilling = transportBilling
        self.allowsExtraDays = allowsExtraDays
        self.priceAdjustment = priceAdjustment
        self.specialReason = specialReason
        self.prices = prices
        self.terminatedOn = terminatedOn
        self.terminationReason = terminationReason
        self.procurementId = procurementId
        self.boughtPlaces = boughtPlaces
        self.allowsExtraPlaces = allowsExtraPlaces
    }

    /// The agreement's end with the options exercised so far.
    public var currentEnd: LocalDate {
        options.filter { $0.exercisedOn != nil }.reduce(end) { $0.adding(months: $1.months) }
    }

    /// The end if every option were exercised: what the four-year rule is measured on.
    public var latestPossibleEnd: LocalDate {
        options.reduce(end) { $0.adding(months: $1.months) }
    }

    /// The first day each option would add, in order.
    public var optionStarts: [LocalDate] {
        var boundary = end
        return options.map { option in
            defer { boundary = boundary.adding(months: option.months) }
            return boundary.adding(days: 1)
        }
    }

    public var nextOpenOption: Int? { options.firstIndex { $0.exercisedOn == nil } }

    public func isActive(on date: LocalDate) -> Bool {
        start <= date && date <= currentEnd && (terminatedOn.map { date < $0 } ?? true)
    }

    public func party(_ provider: OrganisationNumber) -> AgreementParty? { parties.first { $0.provider == provider } }

    enum CodingKeys: String, CodingKey {
        case reference, title, municipalities, parties, start, end, options, prices
        case targetGroups = "target_groups"
        case estimatedValue = "estimated_value_ore"
        case maximumValue = "maximum_value_ore"
        case maximumParticipantDays = "maximum_participant_days"
        case callOffMethod = "call_off_method"
        case allocationCriteria = "allocation_criteria"
        case absenceRule = "absence_rule"
        case transportBilling = "transport_billing"
        case allowsExtraDays = "allows_extra_days"
        case priceAdjustment = "price_adjustment"
        case specialReason = "special_reason"
        case terminatedOn = "terminated_on"
        case terminationReason = "termination_reason"
        case procurementId = "procurement_id"
        case boughtPlaces = "bought_places"
        case allowsExtraPlaces = "allows_extra_places"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            reference: try c.decode(String.self, forKey: .reference), title: try c.decode(String.self, forKey: .title),
            municipalities: try c.decode([String].self, forKey: .municipalities),
            parties: try c.decode([AgreementParty].self, forKey: .parties),
            targetGroups: Set(try c.decode([TargetGroup].self, forKey: .targetGroups)),
            start: try c.decode(LocalDate.self, forKey: .start), end: try c.decode(LocalDate.self, forKey: .end),
            options: try c.decode([ExtensionOption].self, forKey: .options),
            estimatedValue: try c.decode(Money.self, forKey: .estimatedValue),
            maximumValue: try c.decode(Money.self, forKey: .maximumValue),
            maximumParticipantDays: try c.decodeIfPresent(Int.self, forKey: .maximumParticipantDays),
            callOffMethod: try c.decode(CallOffMethod.self, forKey: .callOffMethod),
            allocationCriteria: try c.decodeIfPresent(String.self, forKey: .allocationCriteria),
            absenceRule: try c.decode(AbsenceBillingRule.self, forKey: .absenceRule),
            // Snapshots written before the setting existed meant the default.
            transportBilling: try c.decodeIfPresent(TransportBilling.self, forKey: .transportBilling) ?? .billableDays,
            allowsExtraDays: try c.decode(Bool.self, forKey: .allowsExtraDays),
            priceAdjustment: try c.decodeIfPresent(PriceAdjustmentClause.self, forKey: .priceAdjustment),
            specialReason: try c.decodeIfPresent(String.self, forKey: .specialReason),
            prices: PriceList(try c.decode([PriceVersion].self, forKey: .prices)),
            terminatedOn: try c.decodeIfPresent(LocalDate.self, forKey: .terminatedOn),
            terminationReason: try c.decodeIfPresent(String.self, forKey: .terminationReason),
            procurementId: try c.decodeIfPresent(Int64.self, forKey: .procurementId),
            boughtPlaces: try c.decodeIfPresent([BoughtPlaces].self, forKey: .boughtPlaces) ?? [],
            allowsExtraPlaces: try c.decodeIfPresent(Bool.self, forKey: .allowsExtraPlaces) ?? false)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reference, forKey: .reference)
        try c.encode(title, forKey: .title)
        try c.encode(municipalities, forKey: .municipalities)
        try c.encode(parties, forKey: .parties)
        try c.encode(targetGroups.sorted(), forKey: .targetGroups)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(options, forKey: .options)
        try c.encode(estimatedValue, forKey: .estimatedValue)
        try c.encode(maximumValue, forKey: .maximumValue)
        try c.encode(maximumParticipantDays, forKey: .maximumParticipantDays)
        try c.encode(callOffMethod, forKey: .callOffMethod)
        try c.encode(allocationCriteria, forKey: .allocationCriteria)
        try c.encode(absenceRule, forKey: .absenceRule)
        try c.encode(transportBilling, forKey: .transportBilling)
        try c.encode(allowsExtraDays, forKey: .allowsExtraDays)
        try c.encode(priceAdjustment, forKey: .priceAdjustment)
        try c.encode(specialReason, forKey: .specialReason)
        try c.encode(prices.versions, forKey: .prices)
        try c.encode(terminatedOn, forKey: .terminatedOn)
        try c.encode(terminationReason, forKey: .terminationReason)
        try c.encode(procurementId, forKey: .procurementId)
        try c.encode(boughtPlaces, forKey: .boughtPlaces)
        try c.encode(allowsExtraPlaces, forKey: .allowsExtraPlaces)
    }
}

extension String {
    func replacingDashes() -> String { String(map { $0 == "-" || $0 == " " ? "_" : $0 }) }
}
