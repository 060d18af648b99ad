import TunetDomain
import TunetStorage

/// A checked invoice with its farm's name, as lists show it.
public struct CheckedInvoiceLine: Sendable, Encodable {
    public let invoice: CheckedInvoice
    public let providerName: String

    enum CodingKeys: String, CodingKey {
        case invoice
        case providerName = "provider_name"
    }
}

/// The invoices and credit notes checked in the asker's municipalities.
public struct InvoiceListDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// One check as it stands, with the invoice a credit note credits; "not found" outside the asker's municipalities.
    public func show(_ id: String) throws -> InvoiceCheckView {
        try context.read { reader in
            guard let number = Int64(id), let invoice = try reader.checkedInvoice(number), context.actor.scope.includes(invoice.municipalityNumber) else {
                throw TunetError.notFound(kind: "invoice_check", key: id)
            }
            let credited = try invoice.creditedInvoiceId.flatMap { try reader.checkedInvoice($0) }
            return InvoiceCheckView(invoice: invoice, providerName: try reader.provider(invoice.provider)?.name ?? invoice.provider.formatted,
                                    sellerName: nil, buyerName: nil, buyerOrganisationNumber: nil, recorded: true, creditedInvoice: credited)
        }
    }

    public func list(provider: String? = nil, month: String? = nil, status: String? = nil) throws -> [CheckedInvoiceLine] {
        let farm = try provider.map(ProviderDesk.parseNumber)
        let period = try month.map(AttendanceOverviewDesk.month)
        let wanted = try status.map { text throws(TunetError) -> CheckedInvoice.Status in
            guard let status = CheckedInvoice.Status(rawValue: text) else {
                throw .invalid("status", text, Message("invoice.error.status", ["statuses": .list(CheckedInvoice.Status.allCases.map { .text($0.rawValue) })]))
            }
            return status
        }
        return try context.read { reader in
            var names: [OrganisationNumber: String] = [:]
            return try reader.checkedInvoices(in: context.actor.scope, provider: farm)
                .filter { (period == nil || $0.month == period) && (wanted == nil || $0.status == wanted) }
                .map { invoice in
                    if names[invoice.provider] == nil { names[invoice.provider] = try reader.provider(invoice.provider)?.name ?? invoice.provider.digits }
                    return CheckedInvoiceLine(invoice: invoice, providerName: names[invoice.provider]!)
                }
        }
    }
}
