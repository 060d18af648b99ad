import PostgresNIO
import TunetDomain
import TunetStorage

/// A checked invoice is a document read and written whole, beside the columns it is found by.
extension PostgresReader {
    public func checkedInvoice(_ id: Int64) throws -> CheckedInvoice? {
        try value("SELECT document::text FROM checked_invoice WHERE id = \(id)", as: String.self).map(Self.decodeCheckedInvoice)
    }

    public func checkedInvoice(provider: OrganisationNumber, kind: EHFInvoice.Kind, number: String) throws -> CheckedInvoice? {
        try value("""
            SELECT document::text FROM checked_invoice
            WHERE provider_organisation_number = \(provider.digits) AND kind = \(kind.rawValue) AND number = \(number)
            """, as: String.self).map(Self.decodeCheckedInvoice)
    }

    public func checkedInvoices(in scope: MunicipalityScope, provider: OrganisationNumber?) throws -> [CheckedInvoice] {
        let numbers = scope.numbers
        let farm = provider?.digits
        return try rows("""
            SELECT document::text FROM checked_invoice
            WHERE (\(numbers)::text[] IS NULL OR municipality_number = ANY(\(numbers)))
              AND (\(farm)::text IS NULL OR provider_organisation_number = \(farm))
            ORDER BY id
            """).map { try Self.decodeCheckedInvoice(try $0.cells(0)) }
    }

    static func decodeCheckedInvoice(_ document: String) throws -> CheckedInvoice {
        try PostgresDocument.decode(document, as: CheckedInvoice.self, kind: "entity.invoice_check")
    }
}

extension PostgresTransaction {
    public func insertCheckedInvoice(_ make: (Int64) -> CheckedInvoice) throws -> CheckedInvoice {
        let draft = make(0)
        guard let id = try value("""
            INSERT INTO checked_invoice (provider_organisation_number, municipality_number, kind, number, status, document)
            VALUES (\(draft.provider.digits), \(draft.municipalityNumber), \(draft.kind.rawValue), \(draft.number), \(draft.status.rawValue), '{}'::jsonb)
            RETURNING id
            """, as: Int64.self) else { throw TunetError.internalFault("PostgreSQL gave the checked invoice no number") }
        let invoice = make(id)
        try rows("UPDATE checked_invoice SET document = \(try PostgresDocument.encode(invoice))::jsonb WHERE id = \(invoice.id)")
        try audit("check", entity: "invoice_check", id: String(invoice.id), before: CheckedInvoice?.none, after: invoice)
        return invoice
    }

    public func update(_ invoice: CheckedInvoice, action: String) throws {
        guard let before = try checkedInvoice(invoice.id) else { throw TunetError.notFound(kind: "invoice_check", key: String(invoice.id)) }
        guard before != invoice else { return }
        try rows("""
            UPDATE checked_invoice SET status = \(invoice.status.rawValue), document = \(try PostgresDocument.encode(invoice))::jsonb
            WHERE id = \(invoice.id)
            """)
        try audit(action, entity: "invoice_check", id: String(invoice.id), before: before, after: invoice)
    }
}
