/// The steps of the Aktive sammen method, as a person goes through them towards a place on a farm.
public enum JourneyStep: String, CaseIterable, Sendable, Codable, Comparable {
    /// A request or referral (*henvisning*) has come in.
    case referral
    /// The conversation with the person and their relatives (*samtale*).
    case conversation
    /// The need and the wished-for offer are clarified (*behov avklart*).
    case need
    /// The network that carries it out is established: the placement made by call-off (*nettverk*).
    case network
    /// Follow-up conversations (*oppfølging*).
    case followUp = "follow_up"

    public static func < (lhs: JourneyStep, rhs: JourneyStep) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public init?(name: String) {
        switch name.trimmingWhitespace().lowercased().replacingDashes() {
        case "referral", "request", "henvisning", "forespørsel": self = .referral
        case "conversation", "samtale": self = .conversation
        case "need", "needs", "behov", "behov_avklart": self = .need
        case "network", "nettverk", "placement", "plassering": self = .network
        case "follow_up", "followup", "oppfølging", "oppfolging": self = .followUp
        default: return nil
        }
    }

    /// The step after this one; nil for follow-up, where the journey goes on.
    public var next: JourneyStep? {
        let index = Self.allCases.firstIndex(of: self)!
        return index + 1 < Self.allCases.count ? Self.allCases[index + 1] : nil
    }
}

/// A person's way from a referral to a place on a farm and its follow-up, each step dated and by whom.
/// Free text (wishes, goals, roles, references) is erased with the participant's other free text.
public struct ParticipantJourney: Hashable, Sendable, Codable {
    public struct Referral: Hashable, Sendable, Codable {
        public var date: LocalDate
        /// Who referred, as a role ("fastlege", "kontaktlærer", "pårørende").
        public var referredBy: String
        public var recordedBy: String
        public init(date: LocalDate, referredBy: String, recordedBy: String) {
            self.date = date
            self.referredBy = referredBy
            self.recordedBy = recordedBy
        }
        enum CodingKeys: String, CodingKey {
            case date
            case referredBy = "referred_by"
            case recordedBy = "recorded_by"
        }
    }

    public struct Conversation: Hashable, Sendable, Codable {
        public var date: LocalDate
        /// Who took part, as roles (participant, relative, teacher, ...).
        public var roles: [String]
        public var wishes: String
        public var recordedBy: String
        public init(date: LocalDate, roles: [String], wishes: String, recordedBy: String) {
            self.date = date
            self.roles = roles
            self.wishes = wishes
            self.recordedBy = recordedBy
        }
        enum CodingKeys: String, CodingKey {
            case date, roles, wishes
            case recordedBy = "recorded_by"
        }
    }

    public struct Need: Hashable, Sendable, Codable {
        public var date: LocalDate
        public var goals: String
        public var weekdays: WeekdaySet
        public var transport: Bool
        /// For dementia: the reference of the municipality's decision (*vedtak*).
        public var decisionReference: String?
        /// For pupils: the school and grade.
        public var school: String?
        public var grade: Int?
        public var recordedBy: String
        public init(date: LocalDate, goals: String, weekdays: WeekdaySet, transport: Bool, decisionReference: String?, school: String?,
                    grade: Int?, recordedBy: String) {
            self.date = date
            self.goals = goals
            self.weekdays = weekdays
            self.transport = transport
            self.decisionReference = decisionReference
            self.school = school
            self.grade = grade
            self.recordedBy = recordedBy
        }
        enum CodingKeys: String, CodingKey {
            case date, goals, weekdays, transport, school, grade
            case decisionReference = "decision_reference"
            case recordedBy = "recorded_by"
        }
    }

    public struct Network: Hashable, Sendable, Codable {
        public var date: LocalDate
        public var placementId: Int64
        /// The contact teacher's or the relative's role in the network.
        public var contactRole: String?
        public var firstVisit: LocalDate?
        public var recordedBy: String
        public init(date: LocalDate, placementId: Int64, contactRole: String?, firstVisit: LocalDate?, recordedBy: String) {
            self.date = date
            self.placementId = placementId
            self.contactRole = contactRole
            self.firstVisit = firstVisit
            self.recordedBy = recordedBy
        }
        enum CodingKeys: String, CodingKey {
            case date
            case placementId = "placement_id"
            case contactRole = "contact_role"
            case firstVisit = "first_visit"
            case recordedBy = "recorded_by"
        }
    }

    public var id: Int64
    public var participant: ParticipantCode
    public var kind: PlacementKind
    public var municipalityNumber: String
    public var referral: Referral
    public var conversation: Conversation?
    public var need: Need?
    public var network: Network?

    public init(id: Int64, participant: ParticipantCode, kind: PlacementKind, municipalityNumber: String, referral: Referral) {
        self.id = id
        self.participant = participant
        self.kind = kind
        self.municipalityNumber = municipalityNumber
        self.referral = referral
    }

    /// The last step recorded; follow-up is reached with the placement's first follow-up (`firstFollowUp`).
    public func step(firstFollowUp: LocalDate?) -> JourneyStep {
        if network != nil && firstFollowUp != nil { return .followUp }
        if network != nil { return .network }
        if need != nil { return .need }
        if conversation != nil { return .conversation }
        return .referral
    }

    /// The day each step was reached.
    public func dates(firstFollowUp: LocalDate?) -> [JourneyStep: LocalDate] {
        var dates: [JourneyStep: LocalDate] = [.referral: referral.date]
        dates[.conversation] = conversation?.date
        dates[.need] = need?.date
        dates[.network] = network?.date
        if network != nil { dates[.followUp] = firstFollowUp }
        return dates
    }

    /// The first step dated before the step it follows, with that step and its day; nil when the steps'
    /// days are in order (a step may fall on the same day as the one before).
    public var dayOutOfOrder: (step: JourneyStep, date: LocalDate, previous: JourneyStep, previousDate: LocalDate)? {
        let days: [(JourneyStep, LocalDate?)] = [(.referral, referral.date), (.conversation, conversation?.date), (.need, need?.date),
                                                 (.network, network?.date)]
        var last: (JourneyStep, LocalDate)?
        for case let (step, date?) in days {
            if let last, date < last.1 { return (step, date, last.0, last.1) }
            last = (step, date)
        }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case id, participant, kind, referral, conversation, need, network
        case municipalityNumber = "municipality_number"
    }
}
