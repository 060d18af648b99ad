public struct AuditQuery: Sendable {
    public var entity: String?
    public var entityId: String?
    /// Events at or after this instant (ISO 8601, UTC).
    public var since: String?
    public var limit: Int?
    /// With a limit: the newest events (still returned oldest first) rather than the oldest.
    public var newest: Bool

    public init(entity: String? = nil, entityId: String? = nil, since: String? = nil, limit: Int? = nil, newest: Bool = false) {
        self.entity = entity
        self.entityId = entityId
        self.since = since
        self.limit = limit
        self.newest = newest
    }
}
