import TunetDomain
import TunetStorage

extension TaskRuleDesk {
    /// One task per checked invoice that differs from the invoice basis, for the municipality it is to:
    /// someone must hold the payment back or ask the farm for a credit note. The condition is gone when a
    /// credit note or a new check makes it match.
    func invoiceFindings(in reader: StoreReader) throws -> [Finding] {
        var names: [OrganisationNumber: String] = [:]
        return try reader.checkedInvoices(in: .every, provider: nil).compactMap { invoice -> Finding? in
            guard invoice.kind == .invoice, invoice.status == .differs else { return nil }
            if names[invoice.provider] == nil { names[invoice.provider] = try reader.provider(invoice.provider)?.name ?? invoice.provider.formatted }
            let municipality = Municipality.named(invoice.municipalityNumber)?.description ?? invoice.municipalityNumber
            // After a credit note, the total's difference is what the invoice still comes to beyond the basis.
            let apart = invoice.differences.first { $0.kind == .totalDiffers }?.difference ?? (invoice.totals.taxExclusive - invoice.expectedTotal)
            return Finding(key: "invoice:\(invoice.id)",
                           title: Message("task.title.invoice_differs", [
                               "number": .text(invoice.number), "provider": .text(names[invoice.provider]!),
                               "count": .integer(invoice.differences.count), "difference": .money(Money(ore: apart.ore < 0 ? -apart.ore : apart.ore)),
                               "municipality": .text(municipality),
                           ]),
                           kind: .invoiceDiffers, sectors: [.finance], due: context.today.adding(days: 7),
                           link: TaskLink(kind: .invoice, key: String(invoice.id)), municipalities: [invoice.municipalityNumber])
        }
    }
}
