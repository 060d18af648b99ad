import PostgresNIO
import TunetDomain
import TunetStorage

extension PostgresTransaction {
    /// Records a change in this transaction. `before` is nil for a creation, `after` for a deletion.
    public func audit<Before: Encodable, After: Encodable>(
        _ action: String, entity: String, id: String, before: Before?, after: After?, note: RecordedText? = nil
    ) throws {
        let beforeJSON = try before.map { try AuditJSON.encode($0) }
        let afterJSON = try after.map { try AuditJSON.encode($0) }
        try audit(action, entity: entity, id: id, beforeJSON: beforeJSON, afterJSON: afterJSON, note: note)
    }

    /// Records a change whose states are already encoded with `AuditJSON` (outside the writer, say).
    public func audit(_ action: String, entity: String, id: String, beforeJSON: String?, afterJSON: String?, note: RecordedText? = nil) throws {
        try rows("""
            INSERT INTO audit_event (at, actor, actor_role, actor_scope, action, entity, entity_id, before_json, after_json, note)
            VALUES (\(timestamp), \(actor.name), \(actor.role.rawValue), \(actor.scope.stored), \(action), \(entity), \(id), \(beforeJSON),
                    \(afterJSON), \(note?.stored))
            """)
    }
}

extension PostgresReader {
    static let auditColumns = "id, at, actor, action, entity, entity_id, before_json, after_json, note, actor_role, actor_scope"

    static func auditEvent(_ row: PostgresRow) throws(TunetError) -> AuditEvent {
        let cells = row.cells
        return AuditEvent(id: try cells(0), at: try cells(1), actor: try cells(2), action: try cells(3), entity: try cells(4), entityId: try cells(5),
                          before: try cells(6), after: try cells(7), note: try cells(8, as: String?.self).map(RecordedText.init(stored:)),
                          actorRole: try cells(9, as: String?.self).flatMap(ActorRole.init(rawValue:)),
                          actorScope: try cells(10, as: String?.self).map(MunicipalityScope.init(stored:)))
    }

    public func auditEvents(_ query: AuditQuery) throws -> [AuditEvent] {
        let newest = query.newest && query.limit != nil
        // Each condition holds when its value is absent, so one statement serves every filter.
        let rows = try rows("""
            SELECT \(unescaped: Self.auditColumns) FROM audit_event
            WHERE (\(query.entity)::text IS NULL OR entity = \(query.entity))
              AND (\(query.entityId)::text IS NULL OR entity_id = \(query.entityId))
              AND (\(query.since)::text IS NULL OR at >= \(query.since))
            ORDER BY id \(unescaped: newest ? "DESC" : "ASC")
            LIMIT \(query.limit.map(Int64.init))
            """)
        let events = try rows.map(Self.auditEvent)
        return newest ? events.reversed() : events
    }

    public func auditEventCount() throws -> Int {
        Int(try value("SELECT COUNT(*) FROM audit_event", as: Int64.self) ?? 0)
    }

    public func lastAuditEventId() throws -> Int64 {
        try value("SELECT COALESCE(MAX(id), 0) FROM audit_event") ?? 0
    }

    public func hasAuditEvents(after id: Int64, besides entity: String) throws -> Bool {
        try value("SELECT EXISTS (SELECT 1 FROM audit_event WHERE id > \(id) AND entity <> \(entity))") ?? false
    }
}
