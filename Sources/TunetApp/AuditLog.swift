import TunetDomain
import TunetStore

/// One audit event as people and programs read it.
public struct AuditEntry: Equatable, Sendable, Encodable {
    public let id: Int64
    /// ISO 8601 in UTC.
    public let at: String
    /// The same moment in Norwegian local time, for people.
    public let localTime: String
    public let actor: String
    public let action: String
    public let entity: String
    public let entityId: String
    public let before: String?
    public let after: String?
    public let note: String?

    init(_ event: AuditEvent) {
        id = event.id
        at = event.at
        localTime = OsloCalendar.localTimestamp(event.at)
        actor = event.actor
        action = event.action
        entity = event.entity
        entityId = event.entityId
        before = event.before
        after = event.after
        note = event.note
    }

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, entity, before, after, note
        case localTime = "local_time"
        case entityId = "entity_id"
    }
}

public struct AuditLog: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// The entities Tunet audits, for checking the `--entity` filter.
    public static let entities = ["provider", "agreement", "kpi", "procurement", "placement", "follow_up", "participant", "school_calendar", "attendance_submission", "team", "team_member", "task", "pilot", "pilot_measure", "token", "database"]

    public func events(entity: String? = nil, id: String? = nil, since: String? = nil, limit: Int? = nil) throws -> [AuditEntry] {
        var problems = ProblemCollector()
        if let entity, !Self.entities.contains(entity) {
            problems.add("entity", entity, .verbatim("'\(entity)' is not an audited entity; choose one of \(Self.entities.joined(separator: ", "))"))
        }
        var sinceInstant: String?
        if let since {
            switch LocalDate.parse(since) {
            case .success(let date): sinceInstant = OsloCalendar.startOfDayUTC(date)
            case .failure(let problem): problems.add("since", since, problem.reason)
            }
        }
        if let limit, limit < 1 { problems.add("limit", String(limit), .verbatim("the limit must be at least 1")) }
        try problems.check()
        return try context.read { reader in
            try reader.auditEvents(AuditQuery(entity: entity, entityId: id, since: sinceInstant, limit: limit))
                .map(AuditEntry.init)
        }
    }
}
