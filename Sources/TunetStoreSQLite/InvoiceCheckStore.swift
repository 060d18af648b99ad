import Foundation
import GRDB
import TunetDomain
import TunetStorage
import TunetJSON

/// A checked invoice is a document read and written whole, beside the columns it is found by.
extension SQLiteReader {
    public func checkedInvoice(_ id: Int64) throws -> CheckedInvoice? {
        try String.fetchOne(db, sql: "SELECT document FROM checked_invoice WHERE id = ?", arguments: [id]).map(Self.decodeCheckedInvoice)
    }

    public func checkedInvoice(provider: OrganisationNumber, kind: EHFInvoice.Kind, number: String) throws -> CheckedInvoice? {
        try String.fetchOne(db, sql: "SELECT document FROM checked_invoice WHERE provider_organisation_number = ? AND kind = ? AND number = ?",
                            arguments: [provider.digits, kind.rawValue, number]).map(Self.decodeCheckedInvoice)
    }

    public func checkedInvoices(in scope: MunicipalityScope, provider: OrganisationNumber?) throws -> [CheckedInvoice] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let numbers = scope.numbers {
            conditions.append("municipality_number IN (\(Self.marks(numbers.count)))")
            arguments += numbers.sorted().map { $0 as (any DatabaseValueConvertible)? }
        }
        if let provider {
            conditions.append("provider_organisation_number = ?")
            arguments.append(provider.digits)
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try String.fetchAll(db, sql: "SELECT document FROM checked_invoice \(filter) ORDER BY id", arguments: StatementArguments(arguments))
            .map(Self.decodeCheckedInvoice)
    }

    static func decodeCheckedInvoice(_ document: String) throws -> CheckedInvoice {
        do { return try JSONDocumentDecoder().decode(CheckedInvoice.self, from: document) } catch {
            throw TunetError.incompatibleDatabase(Message("files.store.unreadable_document", ["kind": .label("entity.invoice_check"), "detail": .text(String(describing: error))]))
        }
    }
}

extension SQLiteTransaction {
    public func insertCheckedInvoice(_ make: (Int64) -> CheckedInvoice) throws -> CheckedInvoice {
        let draft = make(0)
        try db.execute(sql: """
            INSERT INTO checked_invoice (provider_organisation_number, municipality_number, kind, number, status, document)
            VALUES (?, ?, ?, ?, ?, '{}')
            """, arguments: [draft.provider.digits, draft.municipalityNumber, draft.kind.rawValue, draft.number, draft.status.rawValue])
        let invoice = make(db.lastInsertedRowID)
        try db.execute(sql: "UPDATE checked_invoice SET document = ? WHERE id = ?", arguments: [try AuditJSON.encode(invoice), invoice.id])
        try audit("check", entity: "invoice_check", id: String(invoice.id), before: CheckedInvoice?.none, after: invoice)
        return invoice
    }

    public func update(_ invoice: CheckedInvoice, action: String) throws {
        guard let before = try checkedInvoice(invoice.id) else { throw TunetError.notFound(kind: "invoice_check", key: String(invoice.id)) }
        guard before != invoice else { return }
        try db.execute(sql: "UPDATE checked_invoice SET status = ?, document = ? WHERE id = ?",
                       arguments: [invoice.status.rawValue, try AuditJSON.encode(invoice), invoice.id])
        try audit(action, entity: "invoice_check", id: String(invoice.id), before: before, after: invoice)
    }
}
