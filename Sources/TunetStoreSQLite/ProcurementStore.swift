import Foundation
import GRDB
import TunetDomain
import TunetStorage
import TunetJSON

extension SQLiteReader {
    public func procurement(_ id: Int64) throws -> Procurement? {
        guard let document = try String.fetchOne(db, sql: "SELECT document FROM procurement WHERE id = ?", arguments: [id]) else {
            return nil
        }
        return try Self.decodeProcurement(document, id: id)
    }

    public func allProcurements() throws -> [Procurement] {
        try Row.fetchAll(db, sql: "SELECT id, document FROM procurement ORDER BY id").map {
            try Self.decodeProcurement($0["document"], id: $0["id"])
        }
    }

    static func decodeProcurement(_ document: String, id: Int64) throws -> Procurement {
        do {
            return try JSONDocumentDecoder().decode(Procurement.self, from: document)
        } catch {
            throw TunetError.incompatibleDatabase(Message("files.store.unreadable_procurement", ["id": .text(String(id)), "detail": .text(String(describing: error))]))
        }
    }
}

extension SQLiteTransaction {
    /// Creates a procurement; `make` receives the id the database assigns.
    public func insertProcurement(_ make: (Int64) -> Procurement) throws -> Procurement {
        try db.execute(sql: "INSERT INTO procurement (title, state, document) VALUES ('', 'draft', '{}')")
        let procurement = make(db.lastInsertedRowID)
        try write(procurement)
        try audit("create", entity: "procurement", id: String(procurement.id), before: Procurement?.none, after: procurement)
        return procurement
    }

    public func update(_ procurement: Procurement, action: String, note: RecordedText? = nil) throws {
        guard let before = try self.procurement(procurement.id) else {
            throw TunetError.notFound(kind: "procurement", key: String(procurement.id))
        }
        guard before != procurement else { return }
        try write(procurement)
        try audit(action, entity: "procurement", id: String(procurement.id), before: before, after: procurement, note: note)
    }

    private func write(_ procurement: Procurement) throws {
        try db.execute(sql: "UPDATE procurement SET title = ?, state = ?, document = ? WHERE id = ?",
                       arguments: [procurement.title, procurement.state.rawValue, try AuditJSON.encode(procurement), procurement.id])
    }
}
