/// One recorded change: who did what to which object, with its state before and after.
public struct AuditEvent: Equatable, Sendable, Codable {
    public var id: Int64
    /// ISO 8601 in UTC, to the millisecond.
    public var at: String
    public var actor: String
    /// The capacity the actor acted in (`ActorRole`); nil on events recorded before roles were.
    public var actorRole: ActorRole?
    /// The municipalities the actor acted for (`MunicipalityScope`); nil on events recorded before scopes were.
    public var actorScope: MunicipalityScope?
    public var action: String
    public var entity: String
    public var entityId: String
    public var before: String?
    public var after: String?
    public var note: RecordedText?

    public init(id: Int64, at: String, actor: String, action: String, entity: String, entityId: String, before: String?,
                after: String?, note: RecordedText?, actorRole: ActorRole? = nil, actorScope: MunicipalityScope? = nil) {
        self.id = id
        self.at = at
        self.actor = actor
        self.actorRole = actorRole
        self.actorScope = actorScope
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.before = before
        self.after = after
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case id, at, actor, action, entity
        case entityId = "entity_id"
        case before, after, note
        case actorRole = "actor_role"
        case actorScope = "actor_municipalities"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(Int64.self, forKey: .id), at: try c.decode(String.self, forKey: .at), actor: try c.decode(String.self, forKey: .actor),
                  action: try c.decode(String.self, forKey: .action), entity: try c.decode(String.self, forKey: .entity),
                  entityId: try c.decode(String.self, forKey: .entityId), before: try c.decodeIfPresent(String.self, forKey: .before),
                  after: try c.decodeIfPresent(String.self, forKey: .after), note: try c.decodeIfPresent(RecordedText.self, forKey: .note),
                  actorRole: try c.decodeIfPresent(ActorRole.self, forKey: .actorRole),
                  actorScope: try c.decodeIfPresent([String].self, forKey: .actorScope).map { $0 == ["*"] ? .every : .only(Set($0)) })
    }

    /// `actor_municipalities` is the list, or `["*"]` for every municipality.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(at, forKey: .at)
        try c.encode(actor, forKey: .actor)
        try c.encodeIfPresent(actorRole, forKey: .actorRole)
        try c.encodeIfPresent(actorScope.map { $0.numbers ?? ["*"] }, forKey: .actorScope)
        try c.encode(action, forKey: .action)
        try c.encode(entity, forKey: .entity)
        try c.encode(entityId, forKey: .entityId)
        try c.encodeIfPresent(before, forKey: .before)
        try c.encodeIfPresent(after, forKey: .after)
        try c.encodeIfPresent(note, forKey: .note)
    }
}
