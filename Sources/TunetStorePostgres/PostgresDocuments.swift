import Foundation
import TunetDomain
import TunetStorage
import TunetJSON

/// Records kept whole as a JSON document (a competition, a placement's details, a task, a pilot): the
/// same JSON as in SQLite, so a database copied from one to the other reads back the same.
enum PostgresDocument {
    static func decode<Value: Decodable>(_ document: String, as type: Value.Type, kind: String) throws -> Value {
        do {
            return try JSONDocumentDecoder().decode(Value.self, from: document)
        } catch {
            throw TunetError.incompatibleDatabase(Message("files.store.unreadable_document", ["kind": .label(kind), "detail": .text(String(describing: error))]))
        }
    }

    /// The document as stored: sorted keys, as the audit log's snapshots.
    static func encode<Value: Encodable>(_ value: Value) throws -> String {
        try AuditJSON.encode(value)
    }
}
