import Foundation
import TunetDomain
import TunetStorage
import TunetText

/// One audit event as people and programs read it.
public struct AuditEventView: Equatable, Sendable, Encodable {
    public let id: Int64
    /// ISO 8601 in UTC.
    public let at: String
    /// The same moment in Norwegian local time, for people.
    public let localTime: String
    public let actor: String
    /// The capacity the actor acted in; nil on events recorded before roles were.
    public let actorRole: ActorRole?
    /// The municipalities the actor acted for, or `["*"]` for every one; nil on events recorded before scopes were.
    public let actorMunicipalities: [String]?
    public let action: String
    public let entity: String
    public let entityId: String
    public let before: String?
    public let after: String?
    public let note: RecordedText?

    init(_ event: AuditEvent) {
        id = event.id
        at = event.at
        localTime = OsloTime.localTimestamp(event.at)
        actor = event.actor
        actorRole = event.actorRole
        actorMunicipalities = event.actorScope.map { $0.numbers ?? ["*"] }
        action = event.action
        entity = event.entity
        entityId = event.entityId
        before = event.before
        after = event.after
        note = event.note
    }

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, entity, before, after, note
        case actorRole = "actor_role"
        case actorMunicipalities = "actor_municipalities"
        case localTime = "local_time"
        case entityId = "entity_id"
    }

    /// Who acted, as a person reads it: "kari (prosjektleder for 3303 Kongsberg)"; the name alone for
    /// someone at the server and on events recorded before roles were.
    public func actorText(_ texts: Texts) -> String {
        guard let actorRole, actorRole != .operator else { return actor }
        guard let numbers = actorMunicipalities, numbers != ["*"] else {
            return texts("audit.actor_in_role", ["actor": .text(actor), "role": actorRole.labelValue])
        }
        let names = numbers.map { Municipality.named($0)?.description ?? $0 }.joined(separator: ", ")
        return texts("audit.actor_for_municipalities", ["actor": .text(actor), "role": actorRole.labelValue, "municipalities": .text(names)])
    }

    /// The action as a word in the reader's language (`open` is "åpnet for tilbud"); an action without
    /// a label is shown as its code. Programs read the code in `--json`.
    public static func actionText(_ action: String, _ texts: Texts) -> String {
        word("audit.action." + action.replacingOccurrences(of: "-", with: "_"), else: action, texts)
    }

    /// The kind of object as a word (`team_member` is "medlem av arbeidslaget").
    public static func entityText(_ entity: String, _ texts: Texts) -> String {
        word("audit.entity." + entity, else: entity, texts)
    }

    private static func word(_ key: String, else code: String, _ texts: Texts) -> String {
        Catalogue.table(texts.language)[key] == nil ? code : texts(key)
    }
}

public struct AuditDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// The entities Tunet audits, for checking the `--entity` filter.
    public static let entities = ["provider", "agreement", "kpi", "procurement", "placement", "follow_up", "participant", "school_calendar", "attendance_submission", "team", "team_member", "task", "pilot", "pilot_measure", "journey", "invoice_check", "token", "web_session", "database"]

    /// The events that match, oldest first; with a limit, the newest that many (or, with `oldest`, the first).
    public func events(entity: String? = nil, id: String? = nil, since: String? = nil, limit: Int? = nil, oldest: Bool = false) throws -> [AuditEventView] {
        var problems = ProblemCollector()
        if let entity, !Self.entities.contains(entity) {
            problems.add("entity", entity, Message("audit.error.entity", ["entity": .text(entity), "entities": .text(Self.entities.joined(separator: ", "))]))
        }
        var sinceInstant: String?
        if let since {
            switch LocalDate.parse(since) {
            case .success(let date): sinceInstant = OsloTime.startOfDayUTC(date)
            case .failure(let problem): problems.add("since", since, problem.reason)
            }
        }
        if let limit, limit < 1 { problems.add("limit", String(limit), Message("audit.error.limit")) }
        try problems.check()
        return try context.read { reader in
            try reader.auditEvents(AuditQuery(entity: entity, entityId: id, since: sinceInstant, limit: limit, newest: !oldest))
                .map(AuditEventView.init)
        }
    }
}
