public enum ProcurementState: String, CaseIterable, Sendable, Codable {
    case draft, open, evaluating, awarded, concluded, cancelled
}

/// An award criterion with its weight in percent. Exactly one criterion is the price.
public struct AwardCriterion: Hashable, Sendable, Codable {
    public var name: String
    public var weight: Int
    public var isPrice: Bool

    public init(name: String, weight: Int, isPrice: Bool) {
        self.name = name
        self.weight = weight
        self.isPrice = isPrice
    }

    enum CodingKeys: String, CodingKey {
        case name, weight
        case isPrice = "is_price"
    }
}

/// A line of the competition's price form, with the quantity used to compare tenders.
public struct PriceTemplateLine: Hashable, Sendable, Codable {
    public var line: String
    public var unit: PriceUnit
    /// The estimated quantity (days, trips) each tendered price is multiplied by in the evaluation.
    public var quantity: Int
    /// A tender's total is each price times its quantity: bounded with `Money.largestPrice`, it cannot overflow.
    public static let largestQuantity = 1_000_000
    /// The most lines a price form has (a form of IPT services has a handful).
    public static let largestCount = 100

    public init(line: String, unit: PriceUnit, quantity: Int) {
        self.line = line
        self.unit = unit
        self.quantity = quantity
    }
}

public struct Tender: Hashable, Sendable, Codable {
    public var provider: OrganisationNumber
    public var receivedOn: LocalDate
    /// Why a tender after the deadline was accepted.
    public var lateReason: String?
    public var prices: [String: Money]
    /// Quality points 0–10 per non-price criterion, entered by the evaluators.
    public var scores: [String: Int]

    public init(provider: OrganisationNumber, receivedOn: LocalDate, lateReason: String? = nil, prices: [String: Money],
                scores: [String: Int] = [:]) {
        self.provider = provider
        self.receivedOn = receivedOn
        self.lateReason = lateReason
        self.prices = prices
        self.scores = scores
    }

    enum CodingKeys: String, CodingKey {
        case provider = "provider_organisation_number"
        case receivedOn = "received_on"
        case lateReason = "late_reason"
        case prices = "prices_ore"
        case scores
    }
}

public struct Award: Hashable, Sendable, Codable {
    public var winners: [AgreementParty]
    public var noticeDate: LocalDate
    public var notifiedElectronically: Bool
    /// The standstill period's last day; nil when the competition has none (neither required nor asked for).
    public var standstillEnd: LocalDate?
    /// True when the standstill was asked for although the rules did not require it.
    public var standstillVoluntary: Bool
    /// Each time the award letters were written: the day and the bidders they went to.
    public var letters: [LettersWritten]

    public init(winners: [AgreementParty], noticeDate: LocalDate, notifiedElectronically: Bool, standstill: Standstill?) {
        self.winners = winners
        self.noticeDate = noticeDate
        self.notifiedElectronically = notifiedElectronically
        standstillEnd = standstill.map { noticeDate.adding(days: $0.days) }
        standstillVoluntary = standstill?.voluntary ?? false
        letters = []
    }

    /// The award letters (one per bidder, written together so every bidder is told at the same time).
    public struct LettersWritten: Hashable, Sendable, Codable {
        public var on: LocalDate
        public var recipients: [OrganisationNumber]

        public init(on: LocalDate, recipients: [OrganisationNumber]) {
            self.on = on
            self.recipients = recipients
        }
    }

    /// The first day the agreement may be concluded: the day after the standstill, or the notice day itself
    /// when there is none.
    public var mayConcludeFrom: LocalDate { standstillEnd.map { $0.adding(days: 1) } ?? noticeDate }

    /// A standstill period (karensperiode) in calendar days, counted from the day after the award notice.
    public struct Standstill: Hashable, Sendable {
        public let days: Int
        public let voluntary: Bool
    }

    /// The longest standstill Tunet accepts when one is asked for.
    public static let longestStandstillDays = 60

    /// The standstill a competition gets. Where the rules require one (above the EEA thresholds) it is 10
    /// calendar days when the award notice is sent electronically and 15 otherwise, and may be made longer
    /// but not shorter. Where they do not, there is none unless one is asked for (`requestedDays`), which is
    /// then voluntary and kept just the same. The period runs from the day after the notice, so its last
    /// day is the notice date plus its days; the agreement may be concluded from the day after.
    public static func standstill(required: Bool, electronically: Bool, requestedDays: Int?) -> Result<Standstill?, FieldReason> {
        if let requestedDays, !(1...longestStandstillDays).contains(requestedDays) {
            return .failure(FieldReason("rules.standstill.range", ["maximum": .integer(longestStandstillDays)]))
        }
        guard required else { return .success(requestedDays.map { Standstill(days: $0, voluntary: true) }) }
        let minimum = electronically ? 10 : 15
        if let requestedDays, requestedDays < minimum {
            return .failure(FieldReason(electronically ? "rules.standstill.minimum_electronic" : "rules.standstill.minimum_not_electronic",
                                        ["minimum": .integer(minimum)]))
        }
        return .success(Standstill(days: requestedDays ?? minimum, voluntary: false))
    }

    enum CodingKeys: String, CodingKey {
        case winners
        case noticeDate = "notice_date"
        case notifiedElectronically = "notified_electronically"
        case standstillEnd = "standstill_end"
        case standstillVoluntary = "standstill_voluntary"
        case letters
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        winners = try c.decode([AgreementParty].self, forKey: .winners)
        noticeDate = try c.decode(LocalDate.self, forKey: .noticeDate)
        notifiedElectronically = try c.decode(Bool.self, forKey: .notifiedElectronically)
        standstillEnd = try c.decodeIfPresent(LocalDate.self, forKey: .standstillEnd)
        standstillVoluntary = try c.decodeIfPresent(Bool.self, forKey: .standstillVoluntary) ?? false
        letters = try c.decodeIfPresent([LettersWritten].self, forKey: .letters) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(winners, forKey: .winners)
        try c.encode(noticeDate, forKey: .noticeDate)
        try c.encode(notifiedElectronically, forKey: .notifiedElectronically)
        try c.encode(standstillEnd, forKey: .standstillEnd)
        try c.encode(standstillVoluntary, forKey: .standstillVoluntary)
        try c.encode(letters, forKey: .letters)
    }
}

/// A competition that ends in a framework agreement.
public struct Procurement: Hashable, Sendable, Codable {
    public var id: Int64
    public var title: String
    public var targetGroups: Set<TargetGroup>
    public var municipalities: [String]
    /// For the whole possible duration including options, excluding VAT.
    public var estimatedValue: Money
    public var category: ServiceCategory
    public var createdOn: LocalDate
    public var state: ProcurementState
    public var criteria: [AwardCriterion]
    public var priceTemplate: [PriceTemplateLine]
    public var tenderDeadline: LocalDate?
    public var tenders: [Tender]
    public var award: Award?
    public var cancellationReason: String?
    public var agreementReference: String?
    /// Reserved for non-profit (*ideelle*) organisations: only farms with a recorded non-profit basis may tender.
    public var reservedForNonProfits: Bool

    public init(id: Int64, title: String, targetGroups: Set<TargetGroup>, municipalities: [String], estimatedValue: Money,
                category: ServiceCategory, createdOn: LocalDate, reservedForNonProfits: Bool = false) {
        self.id = id
        self.title = title
        self.targetGroups = targetGroups
        self.municipalities = municipalities
        self.estimatedValue = estimatedValue
        self.category = category
        self.createdOn = createdOn
        state = .draft
        criteria = []
        priceTemplate = []
        tenders = []
        self.reservedForNonProfits = reservedForNonProfits
    }

    public func classification(thresholds: ProcurementThresholds = .norway) -> ProcurementClassification {
        thresholds.classify(estimatedValue, category: category, on: createdOn)
    }

    /// A step in a competition that only some states allow.
    public enum Step: String, Sendable, CaseIterable {
        case setCriteria = "set_criteria", open, receiveTenders = "receive_tenders", score, evaluate, award, conclude, cancel
        case writeLetters = "write_letters"

        /// What the competition "can …" (`rules.procurement.step.award`: "be awarded").
        public var message: Message {
            switch self {
            case .setCriteria: Message("rules.procurement.step.set_criteria")
            case .open: Message("rules.procurement.step.open")
            case .receiveTenders: Message("rules.procurement.step.receive_tenders")
            case .score: Message("rules.procurement.step.score")
            case .evaluate: Message("rules.procurement.step.evaluate")
            case .award: Message("rules.procurement.step.award")
            case .conclude: Message("rules.procurement.step.conclude")
            case .cancel: Message("rules.procurement.step.cancel")
            case .writeLetters: Message("rules.procurement.step.write_letters")
            }
        }
    }

    /// Refuses a step the current state does not allow, naming what is allowed.
    public func require(_ allowed: ProcurementState..., toDo step: Step) throws(TunetError) {
        guard allowed.contains(state) else {
            throw .conflict(Message("rules.procurement.state_forbids", ["id": .text(String(id)), "state": .message(Message("rules.procurement.state", ["state": state.labelValue])), "step": .message(step.message),
                                                                       "allowed": Self.eitherOf(allowed.map { .message(Message("rules.procurement.state", ["state": $0.labelValue])) })]))
        }
    }

    /// "a or b or c", as the states a step is allowed in are read.
    static func eitherOf(_ values: [MessageValue]) -> MessageValue {
        guard let first = values.first else { return .text("") }
        guard values.count > 1 else { return first }
        return .message(Message("rules.either", ["first": first, "rest": eitherOf(Array(values.dropFirst()))]))
    }

    enum CodingKeys: String, CodingKey {
        case id, title, municipalities, category, state, criteria, tenders, award
        case targetGroups = "target_groups"
        case estimatedValue = "estimated_value_ore"
        case createdOn = "created_on"
        case priceTemplate = "price_template"
        case tenderDeadline = "tender_deadline"
        case cancellationReason = "cancellation_reason"
        case agreementReference = "agreement_reference"
        case reservedForNonProfits = "reserved_for_non_profits"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        targetGroups = Set(try c.decode([TargetGroup].self, forKey: .targetGroups))
        municipalities = try c.decode([String].self, forKey: .municipalities)
        estimatedValue = try c.decode(Money.self, forKey: .estimatedValue)
        category = try c.decode(ServiceCategory.self, forKey: .category)
        createdOn = try c.decode(LocalDate.self, forKey: .createdOn)
        state = try c.decode(ProcurementState.self, forKey: .state)
        criteria = try c.decode([AwardCriterion].self, forKey: .criteria)
        priceTemplate = try c.decode([PriceTemplateLine].self, forKey: .priceTemplate)
        tenderDeadline = try c.decodeIfPresent(LocalDate.self, forKey: .tenderDeadline)
        tenders = try c.decode([Tender].self, forKey: .tenders)
        award = try c.decodeIfPresent(Award.self, forKey: .award)
        cancellationReason = try c.decodeIfPresent(String.self, forKey: .cancellationReason)
        agreementReference = try c.decodeIfPresent(String.self, forKey: .agreementReference)
        reservedForNonProfits = try c.decodeIfPresent(Bool.self, forKey: .reservedForNonProfits) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(targetGroups.sorted(), forKey: .targetGroups)
        try c.encode(municipalities, forKey: .municipalities)
        try c.encode(estimatedValue, forKey: .estimatedValue)
        try c.encode(category, forKey: .category)
        try c.encode(createdOn, forKey: .createdOn)
        try c.encode(state, forKey: .state)
        try c.encode(criteria, forKey: .criteria)
        try c.encode(priceTemplate, forKey: .priceTemplate)
        try c.encode(tenderDeadline, forKey: .tenderDeadline)
        try c.encode(tenders, forKey: .tenders)
        try c.encode(award, forKey: .award)
        try c.encode(cancellationReason, forKey: .cancellationReason)
        try c.encode(agreementReference, forKey: .agreementReference)
        try c.encode(reservedForNonProfits, forKey: .reservedForNonProfits)
    }
}
