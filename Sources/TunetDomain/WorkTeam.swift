/// The sectors of an interdisciplinary work team (arbeidslag).
public enum Sector: String, CaseIterable, Sendable, Codable, Comparable {
    case education
    case healthAndCare = "health_and_care"
    case nav
    case agriculture
    case procurement
    case finance
    case coordinatingUnit = "coordinating_unit"

    public static func < (lhs: Sector, rhs: Sector) -> Bool { lhs.rawValue < rhs.rawValue }

    public init?(name: String) {
        switch name.trimmingWhitespace().lowercased().replacingDashes() {
        case "education", "oppvekst", "utdanning", "skole": self = .education
        case "health_and_care", "health", "helse", "helse_og_omsorg", "omsorg": self = .healthAndCare
        case "nav": self = .nav
        case "agriculture", "landbruk": self = .agriculture
        case "procurement", "innkjøp", "innkjop", "anskaffelser": self = .procurement
        case "finance", "økonomi", "okonomi": self = .finance
        case "coordinating_unit", "ke", "koordinerende_enhet": self = .coordinatingUnit
        default: return nil
        }
    }

    public static func parseList(_ raw: [String]) -> Result<[Sector], FieldReason> {
        var sectors: [Sector] = []
        for token in raw.flatMap({ $0.split(separator: ",") }).map(String.init) {
            guard let sector = Sector(name: token) else {
                return .failure(FieldReason("rules.sector.unknown", ["text": .text(token.trimmingWhitespace())]))
            }
            if !sectors.contains(sector) { sectors.append(sector) }
        }
        return sectors.isEmpty ? .failure(FieldReason(Message("rules.sector.required"))) : .success(sectors)
    }
}

/// A municipality's interdisciplinary work team, or the team of an inter-municipal cooperation
/// (several municipalities, as for a joint agreement). Each municipality has at most one team: the
/// tasks that concern a municipality go to its team.
public struct Team: Hashable, Sendable, Codable {
    public var id: Int64
    public var name: String
    /// The team's municipalities, the first its home; more than one for a cooperation.
    public var municipalities: [String]
    /// Who evaluates the team each year (for example the chief executive), by role or name.
    public var owner: String

    public init(id: Int64, name: String, municipalities: [String], owner: String) {
        self.id = id
        self.name = name
        self.municipalities = municipalities
        self.owner = owner
    }

    public init(id: Int64, name: String, municipalityNumber: String, owner: String) {
        self.init(id: id, name: name, municipalities: [municipalityNumber], owner: owner)
    }

    /// The home municipality.
    public var municipalityNumber: String { municipalities.first ?? "" }

    /// Whether the team works for any of `numbers`.
    public func serves(any numbers: Set<String>) -> Bool { municipalities.contains(where: numbers.contains) }

    enum CodingKeys: String, CodingKey {
        case id, name, owner, municipalities = "municipality_numbers"
        case municipalityNumber = "municipality_number"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let home = try c.decodeIfPresent(String.self, forKey: .municipalityNumber)
        self.init(id: try c.decode(Int64.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                  municipalities: try c.decodeIfPresent([String].self, forKey: .municipalities) ?? home.map { [$0] } ?? [],
                  owner: try c.decode(String.self, forKey: .owner))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(municipalityNumber, forKey: .municipalityNumber)
        try c.encode(municipalities, forKey: .municipalities)
        try c.encode(owner, forKey: .owner)
    }
}

public struct TeamMember: Hashable, Sendable, Codable {
    public var id: Int64
    public var teamId: Int64
    public var name: String
    public var sector: Sector
    public var role: String
    public var email: String?
    /// Removed members keep their history; they just take no new tasks.
    public var active: Bool

    public init(id: Int64, teamId: Int64, name: String, sector: Sector, role: String, email: String?, active: Bool = true) {
        self.id = id
        self.teamId = teamId
        self.name = name
        self.sector = sector
        self.role = role
        self.email = email
        self.active = active
    }

    enum CodingKeys: String, CodingKey {
        case id, name, sector, role, email, active
        case teamId = "team_id"
    }
}

public enum TaskStatus: String, CaseIterable, Sendable, Codable {
    case open
    case inProgress = "in_progress"
    case done
    case cancelled

    public var isClosed: Bool { self == .done || self == .cancelled }
}

/// What a task is about; the rule kinds are raised by `task generate`.
public enum TaskKind: String, CaseIterable, Sendable, Codable {
    case approvalRenewal = "approval_renewal"
    case policeCertificate = "police_certificate"
    case extensionDecision = "extension_decision"
    case ceiling
    case missingAttendance = "missing_attendance"
    case followUp = "follow_up"
    case standstillEnd = "standstill_end"
    case pilotEvaluation = "pilot_evaluation"
    case schoolCalendar = "school_calendar"
    case insuranceRenewal = "insurance_renewal"
    case newCompetition = "new_competition"
    /// A person has waited too long in a step of their journey.
    case journeyWaiting = "journey_waiting"
    /// A farm's invoice differs from the invoice basis (`tunet invoice check`).
    case invoiceDiffers = "invoice_differs"
    case other
}

/// The object a task is about.
public struct TaskLink: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case provider, agreement, placement, procurement, pilot, journey
        /// A checked invoice, by its check's number.
        case invoice
    }

    public let kind: Kind
    public let key: String

    public init(kind: Kind, key: String) {
        self.kind = kind
        self.key = key
    }

    /// `agreement:2023/4512`, `provider:974760673`, `placement:12`.
    public static func parse(_ raw: String) -> Result<TaskLink, FieldReason> {
        let pieces = raw.trimmingWhitespace().split(separator: ":", maxSplits: 1).map(String.init)
        guard pieces.count == 2, let kind = Kind(rawValue: pieces[0].lowercased()), !pieces[1].isEmpty else {
            return .failure(FieldReason("rules.task_link.invalid", ["kinds": .text(Kind.allCases.map(\.rawValue).joined(separator: ", "))]))
        }
        return .success(TaskLink(kind: kind, key: pieces[1]))
    }

    public var description: String { "\(kind.rawValue):\(key)" }
}

/// Something the work team must do, owned by a member, with its whole history.
public struct WorkTask: Hashable, Sendable, Codable {
    public var id: Int64
    public var teamId: Int64
    /// Typed by a person, or written by a rule (read in each reader's language).
    public var title: RecordedText
    public var kind: TaskKind
    public var sectors: [Sector]
    /// The member who owns the task; nil when the team's owner (a role, not a member) holds it.
    public var ownerId: Int64?
    public var due: LocalDate?
    public var link: TaskLink?
    public var status: TaskStatus
    /// Set for tasks a rule raised: one key per rule and subject, so a rule never raises the same task twice.
    public var ruleKey: String?
    /// The rule's condition no longer holds (the approval was renewed, the option decided).
    public var conditionGone: Bool
    public var createdOn: LocalDate
    public var history: [TaskEvent]

    public init(id: Int64, teamId: Int64, title: RecordedText, kind: TaskKind, sectors: [Sector], ownerId: Int64?, due: LocalDate?,
                link: TaskLink?, ruleKey: String?, createdOn: LocalDate) {
        self.id = id
        self.teamId = teamId
        self.title = title
        self.kind = kind
        self.sectors = sectors
        self.ownerId = ownerId
        self.due = due
        self.link = link
        status = .open
        self.ruleKey = ruleKey
        conditionGone = false
        self.createdOn = createdOn
        history = []
    }

    public func isOverdue(on today: LocalDate) -> Bool { !status.isClosed && (due.map { $0 < today } ?? false) }

    enum CodingKeys: String, CodingKey {
        case id, title, kind, sectors, due, link, status, history
        case teamId = "team_id"
        case ownerId = "owner_id"
        case ruleKey = "rule_key"
        case conditionGone = "condition_gone"
        case createdOn = "created_on"
    }

    /// Absent values are written as null so that every field name is always present for programs
    /// (a task the team's owner holds has a null `owner_id`).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(teamId, forKey: .teamId)
        try c.encode(title, forKey: .title)
        try c.encode(kind, forKey: .kind)
        try c.encode(sectors, forKey: .sectors)
        try c.encode(ownerId, forKey: .ownerId)
        try c.encode(due, forKey: .due)
        try c.encode(link, forKey: .link)
        try c.encode(status, forKey: .status)
        try c.encode(ruleKey, forKey: .ruleKey)
        try c.encode(conditionGone, forKey: .conditionGone)
        try c.encode(createdOn, forKey: .createdOn)
        try c.encode(history, forKey: .history)
    }
}

/// One entry of a task's history: who did what, when, and (for hand-overs) from whom to whom.
public struct TaskEvent: Hashable, Sendable, Codable {
    public var at: String
    public var actor: String
    public var action: String
    public var fromMember: Int64?
    public var toMember: Int64?
    /// A comment typed by a person, or a note Tunet wrote (why an owner was chosen, a condition gone).
    public var text: RecordedText?

    public init(at: String, actor: String, action: String, fromMember: Int64? = nil, toMember: Int64? = nil, text: RecordedText? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.fromMember = fromMember
        self.toMember = toMember
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case at, actor, action, text
        case fromMember = "from_member"
        case toMember = "to_member"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(at, forKey: .at)
        try c.encode(actor, forKey: .actor)
        try c.encode(action, forKey: .action)
        try c.encode(fromMember, forKey: .fromMember)
        try c.encode(toMember, forKey: .toMember)
        try c.encode(text, forKey: .text)
    }
}
