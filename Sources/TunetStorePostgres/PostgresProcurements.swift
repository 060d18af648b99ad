import Foundation
import PostgresNIO
import TunetDomain
import TunetStorage
import TunetJSON

/// A competition is a small document read and written whole (criteria, price form, tenders, scores,
/// award), kept beside the columns that lists filter on.
extension PostgresReader {
    public func procurement(_ id: Int64) throws -> Procurement? {
        guard let document = try value("SELECT document::text FROM procurement WHERE id = \(id)", as: String.self) else { return nil }
        return try Self.decodeProcurement(document, id: id)
    }

    public func allProcurements() throws -> [Procurement] {
        try rows("SELECT id, document::text FROM procurement ORDER BY id").map(Self.procurement)
    }

    /// A procurement from a row of its id and document.
    static func procurement(_ row: PostgresRow) throws -> Procurement {
        let cells = row.cells
        return try decodeProcurement(try cells(1), id: try cells(0))
    }

    static func decodeProcurement(_ document: String, id: Int64) throws -> Procurement {
        do {
            return try JSONDocumentDecoder().decode(Procurement.self, from: document)
        } catch {
            throw TunetError.incompatibleDatabase(Message("files.store.unreadable_procurement", ["id": .text(String(id)), "detail": .text(String(describing: error))]))
        }
    }
}

extension PostgresTransaction {
    /// Creates a procurement; `make` receives the id the database assigns.
    public func insertProcurement(_ make: (Int64) -> Procurement) throws -> Procurement {
        guard let id = try value("INSERT INTO procurement (title, state, document) VALUES ('', 'draft', '{}'::jsonb) RETURNING id", as: Int64.self) else {
            throw TunetError.internalFault("PostgreSQL gave the procurement no number")
        }
        let procurement = make(id)
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
        let document = try PostgresDocument.encode(procurement)
        try rows("""
            UPDATE procurement SET title = \(procurement.title), state = \(procurement.state.rawValue), document = \(document)::jsonb
            WHERE id = \(procurement.id)
            """)
    }
}
