/// One recorded change: who did what to which object, with its state before and after.
public struct AuditEvent: Equatable, Sendable, Codable {
    public var id: Int64
    /// ISO 8601 in UTC, to the millisecond.
    public var at: String
    public var actor: String
    public var action: String
    public var entity: String
    public var entityId: String
    public var before: String?
    public var after: String?
    public var note: RecordedText?

    public init(id: Int64, at: String, actor: String, action: String, entity: String, entityId: String, before: String?,
                after: String?, note: RecordedText?) {
        self.id = id
        self.at = at
        self.actor = actor
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
    }
}
