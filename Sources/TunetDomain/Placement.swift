public enum PlacementKind: String, CaseIterable, Sendable, Codable {
    /// A primary-school pupil learning on a farm (Nordland's pilot).
    case pupil
    /// Day activity for a home-dwelling person with dementia (Oslo and Viken's pilot).
    case dementia

    public var targetGroup: TargetGroup { self == .pupil ? .pupils : .dementia }

    public init?(name: String) {
        switch name.trimmingWhitespace().lowercased() {
        case "pupil", "pupils", "elev", "elever": self = .pupil
        case "dementia", "demens", "dagaktivitet": self = .dementia
        default: return nil
        }
    }
}

/// A pseudonymous participant code like `P-2026-0042`: the only identity Tunet needs.
public struct ParticipantCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let text: String

    public static func < (lhs: ParticipantCode, rhs: ParticipantCode) -> Bool { lhs.text < rhs.text }
    public var description: String { text }

    /// The generated form: `P-<year>-<four-digit sequence>`.
    public static func generated(year: Int, sequence: Int) -> ParticipantCode {
        let digits = String(sequence)
        return ParticipantCode(text: "P-\(year)-\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)")
    }

    /// Letters, digits and hyphens, 3–20 characters. Anything that could be a national identity number
    /// (11 digits in a row, a date of birth followed by digits, or the six digits of a date of birth and
    /// the five of a personal number with a hyphen, space or full stop between them) is refused, before
    /// the form of the code is judged: codes must be pseudonymous, and the person must hear why.
    public static func parse(_ raw: String) -> Result<ParticipantCode, FieldReason> {
        if isPlainCode(raw) { return .success(ParticipantCode(text: raw)) }
        let text = raw.trimmingWhitespace().uppercased()
        if containsSeparatedIdentityNumber(text) {
            return .failure(FieldReason("rules.participant_code.identity_number", ["text": .text(raw.trimmingWhitespace())]))
        }
        guard (3...20).contains(text.count), text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            return .failure(FieldReason("rules.participant_code.invalid", ["text": .text(raw.trimmingWhitespace())]))
        }
        let digits = text.filter(\.isNumber)
        var longestRun = 0, run = 0
        for character in text { run = character.isNumber ? run + 1 : 0; longestRun = max(longestRun, run) }
        if longestRun >= 11 || (digits.count >= 11 && text.count <= 13) {
            return .failure(FieldReason("rules.participant_code.identity_number", ["text": .text(raw.trimmingWhitespace())]))
        }
        return .success(ParticipantCode(text: text))
    }

    /// Six digits, one separator (`-`, a space or `.`), five digits, with no more digits on either side:
    /// `010190-12345`, `010190 12345`, `P-010190.12345`.
    static func containsSeparatedIdentityNumber(_ text: String) -> Bool {
        let characters = Array(text)
        func isDigit(_ index: Int) -> Bool { characters.indices.contains(index) && characters[index].isASCII && characters[index].isNumber }
        guard characters.count >= 12 else { return false }
        for start in 0...(characters.count - 12) {
            let separator = characters[start + 6]
            guard separator == "-" || separator == " " || separator == ".", !isDigit(start - 1), !isDigit(start + 12),
                  (start..<start + 6).allSatisfy(isDigit), (start + 7..<start + 12).allSatisfy(isDigit) else { continue }
            return true
        }
        return false
    }

    private init(text: String) { self.text = text }

    /// Already in the stored form (3–20 of A–Z, 0–9 and hyphens) with digit runs too short for an
    /// identity number: decided from the bytes, as the long way would decide.
    static func isPlainCode(_ raw: String) -> Bool {
        let count = raw.utf8.count
        guard (3...20).contains(count) else { return false }
        return raw.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var digits = 0, run = 0, longestRun = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    digits += 1
                    run += 1
                    longestRun = max(longestRun, run)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "-"): run = 0
                default: return false
                }
            }
            // Eleven digits or more take the long way, which looks for an identity number with a separator.
            return longestRun < 11 && digits < 11
        } ?? false
    }

    /// A code as the store keeps it, checked when it was stored.
    public init(stored text: String) { self.text = text }

    public init(from decoder: Decoder) throws {
        text = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

public struct PupilDetails: Hashable, Sendable, Codable {
    public var school: String
    public var grade: Int
    /// The role, not the name, of the contact teacher (kontaktlærer 5B).
    public var contactTeacherRole: String?
    public var learningGoals: String?

    public init(school: String, grade: Int, contactTeacherRole: String?, learningGoals: String?) {
        self.school = school
        self.grade = grade
        self.contactTeacherRole = contactTeacherRole
        self.learningGoals = learningGoals
    }

    enum CodingKeys: String, CodingKey {
        case school, grade
        case contactTeacherRole = "contact_teacher_role"
        case learningGoals = "learning_goals"
    }
}

public struct DementiaDetails: Hashable, Sendable, Codable {
    /// The reference of the individual decision (vedtak) the place follows.
    public var decisionReference: String
    public var transport: Bool
    /// The relative's role (datter, ektefelle), never a name.
    public var relativeRole: String?

    public init(decisionReference: String, transport: Bool, relativeRole: String?) {
        self.decisionReference = decisionReference
        self.transport = transport
        self.relativeRole = relativeRole
    }

    enum CodingKeys: String, CodingKey {
        case transport
        case decisionReference = "decision_reference"
        case relativeRole = "relative_role"
    }
}

/// Which rule chose the farm, and why others were passed over: the record an auditor asks for.
/// How the farm was chosen, kept with the placement: the rule that chose it and, for a ranking, the farms
/// passed over and why. The rule and the reasons are messages, stored as their keys and values
/// (`{"key": …, "arguments": …}`) so that each reader reads them in their language.
public struct ProviderChoice: Hashable, Sendable, Codable {
    public struct Skipped: Hashable, Sendable, Codable {
        public let provider: OrganisationNumber
        public let rank: Int?
        public let reasons: [Message]

        public init(provider: OrganisationNumber, rank: Int?, reasons: [Message]) {
            self.provider = provider
            self.rank = rank
            self.reasons = reasons
        }

        enum CodingKeys: String, CodingKey {
            case provider = "provider_organisation_number"
            case rank, reasons
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            provider = try c.decode(OrganisationNumber.self, forKey: .provider)
            rank = try c.decodeIfPresent(Int.self, forKey: .rank)
            reasons = try c.decode([Message].self, orOlder: [String].self, forKey: .reasons) { $0.map(ProviderChoice.storedText) }
        }
    }

    public let method: CallOffMethod
    public let provider: OrganisationNumber
    public let rule: Message
    public let inputs: String?
    public let skipped: [Skipped]

    public init(method: CallOffMethod, provider: OrganisationNumber, rule: Message, inputs: String?, skipped: [Skipped]) {
        self.method = method
        self.provider = provider
        self.rule = rule
        self.inputs = inputs
        self.skipped = skipped
    }

    /// False only for a placement stored with an empty rule: its choice is not documented.
    public var hasRule: Bool { rule != Self.storedText("") }

    /// A rule or a reason stored as English text, before they were stored as messages: shown as it was written.
    static func storedText(_ text: String) -> Message { Message("rules.stored_text", ["text": .text(text)]) }

    enum CodingKeys: String, CodingKey {
        case method, rule, inputs, skipped
        case provider = "provider_organisation_number"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        method = try c.decode(CallOffMethod.self, forKey: .method)
        provider = try c.decode(OrganisationNumber.self, forKey: .provider)
        rule = try c.decode(Message.self, orOlder: String.self, forKey: .rule, Self.storedText)
        inputs = try c.decodeIfPresent(String.self, forKey: .inputs)
        skipped = try c.decode([Skipped].self, forKey: .skipped)
    }
}

public enum PlacementStatus: String, Sendable, Codable, CaseIterable {
    case planned, active, ended, cancelled
}

/// A call-off: one participant with one farm under one agreement.
public struct Placement: Hashable, Sendable, Codable {
    public var id: Int64
    public var participant: ParticipantCode
    public var kind: PlacementKind
    public var agreementReference: String
    public var provider: OrganisationNumber
    public var municipalityNumber: String
    public var weekdays: WeekdaySet
    public var start: LocalDate
    public var end: LocalDate
    public var priceLine: String
    public var pupil: PupilDetails?
    public var dementia: DementiaDetails?
    public var choice: ProviderChoice
    public var plannedDays: Int
    public var projectedCost: Money
    /// Set when the placement was made above the agreement's ceiling by an explicit, audited override.
    public var ceilingOverrideReason: String?
    public var cancelledReason: RecordedText?
    public var createdOn: LocalDate

    public var isCancelled: Bool { cancelledReason != nil }

    /// A cancelled placement plans no day and costs nothing: it counts in no total, and its committed
    /// value goes back to the agreement's ceiling. What it had planned stays in the audit log.
    public mutating func cancel(reason: RecordedText) {
        cancelledReason = reason
        plannedDays = 0
        projectedCost = .zero
    }

    public func status(on today: LocalDate) -> PlacementStatus {
        if isCancelled { return .cancelled }
        if today < start { return .planned }
        if today > end { return .ended }
        return .active
    }

    /// True when the participant is expected at the farm that day by the placement's period and weekdays
    /// (holidays are left to the planned-day calendar).
    public func covers(_ date: LocalDate) -> Bool {
        !isCancelled && start <= date && date <= end && weekdays.contains(date.weekday)
    }

    public var transportTripsPerDay: Int { dementia?.transport == true ? 2 : 0 }

    enum CodingKeys: String, CodingKey {
        case id, participant, kind, provider, weekdays, start, end, pupil, dementia, choice
        case agreementReference = "agreement_reference"
        case municipalityNumber = "municipality_number"
        case priceLine = "price_line"
        case plannedDays = "planned_days"
        case projectedCost = "projected_cost_ore"
        case ceilingOverrideReason = "ceiling_override_reason"
        case cancelledReason = "cancelled_reason"
        case createdOn = "created_on"
    }
}

/// A follow-up conversation in the Aktive sammen method: dated, with the roles present and the
/// participant's own wishes and needs.
public struct FollowUp: Hashable, Sendable, Codable {
    public var id: Int64
    public var placementId: Int64
    public var date: LocalDate
    public var roles: [String]
    public var wishesAndNeeds: String
    public var nextDate: LocalDate?

    public init(id: Int64, placementId: Int64, date: LocalDate, roles: [String], wishesAndNeeds: String, nextDate: LocalDate?) {
        self.id = id
        self.placementId = placementId
        self.date = date
        self.roles = roles
        self.wishesAndNeeds = wishesAndNeeds
        self.nextDate = nextDate
    }

    enum CodingKeys: String, CodingKey {
        case id, date, roles
        case placementId = "placement_id"
        case wishesAndNeeds = "wishes_and_needs"
        case nextDate = "next_date"
    }
}

extension Placement {
    /// The placement a plan leads to; `id` and `participant` are assigned by the store.
    public init(id: Int64, participant: ParticipantCode, request: PlacementRequest, agreement: String, plan: PlacementPlan,
                createdOn: LocalDate) {
        self.id = id
        self.participant = participant
        kind = request.kind
        agreementReference = agreement
        provider = plan.provider
        municipalityNumber = request.municipalityNumber
        weekdays = request.weekdays
        start = request.start
        end = request.end
        priceLine = request.priceLine
        pupil = request.pupil
        dementia = request.dementia
        choice = plan.choice
        plannedDays = plan.plannedDays.count
        projectedCost = plan.projectedCost
        ceilingOverrideReason = plan.ceilingOverrideReason
        cancelledReason = nil
        self.createdOn = createdOn
    }
}
