import Foundation
import GRDB
import TunetDomain
import TunetStorage
import TunetJSON

extension AuditEvent: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: row["id"], at: row["at"], actor: row["actor"], action: row["action"], entity: row["entity"],
                  entityId: row["entity_id"], before: try StoredSnapshot.json(row["before_json"], column: "before_json"),
                  after: try StoredSnapshot.json(row["after_json"], column: "after_json"),
                  note: (row["note"] as String?).map(RecordedText.init(stored:)),
                  actorRole: (row["actor_role"] as String?).flatMap(ActorRole.init(rawValue:)),
                  actorScope: (row["actor_scope"] as String?).map(MunicipalityScope.init(stored:)))
    }
}

extension SQLiteTransaction {
    /// Records a change in this transaction. `before` is nil for a creation, `after` for a deletion.
    public func audit<Before: Encodable, After: Encodable>(
        _ action: String, entity: String, id: String, before: Before?, after: After?, note: RecordedText? = nil
    ) throws {
        var beforeJSON: String?
        var afterJSON: String?
        if let before { beforeJSON = try AuditJSON.encode(before) }
        if let after { afterJSON = try AuditJSON.encode(after) }
        try audit(action, entity: entity, id: id, beforeJSON: beforeJSON, afterJSON: afterJSON, note: note)
    }

    /// Records a change whose states are already encoded with `AuditJSON` (outside the writer, say).
    public func audit(_ action: String, entity: String, id: String, beforeJSON: String?, afterJSON: String?, note: RecordedText? = nil) throws {
        try audit(action, entity: entity, id: id, before: StoredSnapshot.value(beforeJSON), afterJSON: afterJSON, note: note)
    }

    /// Records a change whose state before is already in the form the file keeps (`StoredSnapshot`).
    func audit(_ action: String, entity: String, id: String, before: DatabaseValue, afterJSON: String?, note: RecordedText? = nil) throws {
        try cached("""
            INSERT INTO audit_event (at, actor, actor_role, actor_scope, action, entity, entity_id, before_json, after_json, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [timestamp, actor.name, actor.role.rawValue, actor.scope.stored, action, entity, id,
                                     before, StoredSnapshot.value(afterJSON), note?.stored])
    }
}

extension SQLiteReader {
    public func auditEvents(_ query: AuditQuery) throws -> [AuditEvent] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let entity = query.entity {
            conditions.append("entity = ?")
            arguments += [entity]
        }
        if let entityId = query.entityId {
            conditions.append("entity_id = ?")
            arguments += [entityId]
        }
        if let since = query.since {
            conditions.append("at >= ?")
            arguments += [since]
        }
        var sql = "SELECT * FROM audit_event"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        let newest = query.newest && query.limit != nil
        sql += newest ? " ORDER BY id DESC" : " ORDER BY id"
        if let limit = query.limit {
            sql += " LIMIT ?"
            arguments += [limit]
        }
        let events = try AuditEvent.fetchAll(db, sql: sql, arguments: arguments)
        return newest ? events.reversed() : events
    }

    /// The newest audit event's number (0 when there is none): with `hasAuditEvents(after:besides:)`,
    /// tells whether anything changed between two transactions, since every change is audited.
    public func lastAuditEventId() throws -> Int64 {
        try Int64.fetchOne(try cached("SELECT MAX(id) FROM audit_event")) ?? 0
    }

    /// Whether an event newer than `id` concerns another entity than `entity`.
    public func hasAuditEvents(after id: Int64, besides entity: String) throws -> Bool {
        try Bool.fetchOne(try cached("SELECT EXISTS (SELECT 1 FROM audit_event WHERE id > ? AND entity <> ?)"), arguments: [id, entity]) ?? false
    }

    public func auditEventCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_event") ?? 0
    }
}
