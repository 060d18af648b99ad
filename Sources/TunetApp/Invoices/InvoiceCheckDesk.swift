import Crypto
import Foundation
import TunetDomain
import TunetFiles
import TunetStorage

/// The answer to a check: the invoice as recorded (or as recorded before, when it was already checked),
/// the farm's name, and for a credit note the invoice it credits as it now stands.
public struct InvoiceCheckView: Sendable, Encodable {
    public let invoice: CheckedInvoice
    public let providerName: String
    public let sellerName: String?
    public let buyerName: String?
    public let buyerOrganisationNumber: OrganisationNumber?
    /// False when nothing was recorded: the same invoice was checked before.
    public let recorded: Bool
    public let creditedInvoice: CheckedInvoice?

    public var matches: Bool { invoice.differences.isEmpty }

    enum CodingKeys: String, CodingKey {
        case invoice, recorded, matches
        case providerName = "provider_name"
        case sellerName = "seller_name"
        case buyerName = "buyer_name"
        case buyerOrganisationNumber = "buyer_organisation_number"
        case creditedInvoice = "credited_invoice"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(invoice, forKey: .invoice)
        try c.encode(providerName, forKey: .providerName)
        try c.encodeIfPresent(sellerName, forKey: .sellerName)
        try c.encodeIfPresent(buyerName, forKey: .buyerName)
        try c.encodeIfPresent(buyerOrganisationNumber, forKey: .buyerOrganisationNumber)
        try c.encode(recorded, forKey: .recorded)
        try c.encode(matches, forKey: .matches)
        try c.encodeIfPresent(creditedInvoice, forKey: .creditedInvoice)
    }
}

/// Checks a farm's EHF invoices and credit notes against the invoice basis and keeps each check
/// (Contracts/ehf-invoice.md).
public struct InvoiceCheckDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// The largest invoice file read (an attachment included).
    public static let maximumBytes = EHFReader.maximumBytes

    /// An invoice file, read with the size limit before anything else.
    public static func readFile(_ path: String) throws -> Data { try EHFReader.read(file: path) }

    /// Who sends the file: someone at the command line or with a work team's token (any farm in their
    /// municipalities, `provider` if given must be the seller), or a farm with its own token (only itself).
    public enum Sender: Sendable {
        case municipality(provider: String?)
        case farm(OrganisationNumber)
    }

    /// Reads, checks and records the invoice in `data`. `municipality` names the buyer when the farm has
    /// placements in several; `again` checks an invoice already checked once more, when it is the same file.
    /// `prepare` runs before the check is committed (writing its workbook, say): when it fails, nothing is recorded.
    public func check(_ data: Data, name: String, sender: Sender, municipality: String? = nil, again: Bool = false,
                      prepare: (InvoiceCheckView) throws -> Void = { _ in }) throws -> InvoiceCheckView {
        let invoice = try EHFReader.parse(data, name: name)
        let sha256 = SHA256.hash(data: data).hexDigits
        guard let seller = invoice.seller.organisationNumber else { throw TunetError.internalFault("an EHF invoice without a seller was read") }
        // A credit note is set against one invoice's amounts: one naming several could not be settled against any.
        var credited: [String] = []
        for number in invoice.creditedInvoices where !credited.contains(number) { credited.append(number) }
        if invoice.kind == .creditNote && credited.count > 1 {
            throw TunetError.invalid("cac:BillingReference", credited.joined(separator: ", "),
                                     Message("invoice.error.several_credited", ["numbers": .list(credited.map { .text($0) })]))
        }
        switch sender {
        case .municipality(let provider?):
            let given = try ProviderDesk.parseNumber(provider)
            guard given == seller else {
                throw TunetError.invalid("provider", provider, Message("invoice.error.other_seller", ["seller": .text(seller.formatted), "provider": .text(given.formatted)]))
            }
        case .farm(let own) where own != seller:
            throw TunetError.forbidden(Message("invoice.error.not_your_invoice", ["seller": .text(seller.formatted)]))
        default: break
        }
        return try context.write { tx in
            guard let farm = try tx.provider(seller) else {
                throw TunetError.invalid("cac:AccountingSupplierParty", seller.digits, Message("invoice.error.unknown_seller", ["seller": .text(seller.formatted)]))
            }
            let agreement = try invoice.contractReference.flatMap { try tx.agreement($0) }
            // A credit note goes to the municipality of the invoice it credits.
            let creditedFirst = try invoice.kind == .creditNote ? creditedInvoice(invoice, in: tx) : nil
            let buyer = try creditedFirst?.municipalityNumber ?? self.municipality(municipality, farm: farm, period: invoice.period, agreement: agreement, in: tx)
            func view(_ checked: CheckedInvoice, recorded: Bool, credited: CheckedInvoice? = nil) -> InvoiceCheckView {
                InvoiceCheckView(invoice: checked, providerName: farm.name, sellerName: invoice.seller.name, buyerName: invoice.buyer.name,
                                 buyerOrganisationNumber: invoice.buyer.organisationNumber, recorded: recorded, creditedInvoice: credited)
            }
            let earlier = try tx.checkedInvoice(provider: seller, kind: invoice.kind, number: invoice.number)
            // A farm numbers its invoices once for all its buyers: the number checked for another municipality is
            // a duplicate too, told without what that municipality's check found.
            if let earlier, !context.actor.scope.includes(earlier.municipalityNumber) {
                throw TunetError.conflict(Message("invoice.error.checked_elsewhere", [
                    "kind": .label("invoice.kind.\(invoice.kind.rawValue)"), "number": .text(invoice.number), "provider": .text(farm.name),
                ]))
            }
            if let earlier, !(again && earlier.sha256 == sha256) {
                var answer = earlier
                var repeated = InvoiceDifference(.alreadyChecked, text: earlier.status.rawValue, date: earlier.checkedOn)
                repeated.sameFile = earlier.sha256 == sha256
                answer.differences = [repeated] + earlier.differences
                let answered = view(answer, recorded: false)
                try prepare(answered)
                return answered
            }
            // Checked again from its own file alone, a credited invoice would forget its credit notes.
            if let earlier, earlier.kind == .invoice,
               try tx.checkedInvoices(in: .only([earlier.municipalityNumber]), provider: seller).contains(where: { $0.creditedInvoiceId == earlier.id }) {
                throw TunetError.conflict(Message("invoice.error.again_after_credit", ["number": .text(earlier.number)]))
            }
            var checked: CheckedInvoice
            var credited: CheckedInvoice?
            switch invoice.kind {
            case .invoice:
                let basis = try InvoiceBasisUnitsReading.units(provider: seller, municipality: buyer, period: invoice.period, agreement: agreement,
                                                               today: context.today, in: tx)
                var comparison = InvoiceControl.check(invoice, basis: basis)
                let overlapping = try tx.checkedInvoices(in: .only([buyer]), provider: seller).filter {
                    $0.kind == .invoice && $0.status != .credited && $0.number != invoice.number && $0.period.overlaps(invoice.period)
                        // A farm may invoice each of its agreements on its own.
                        && ($0.contractReference == nil || invoice.contractReference == nil || $0.contractReference == invoice.contractReference)
                }
                comparison.differences = overlapping.map { InvoiceDifference(.periodAlreadyInvoiced, text: $0.number, date: $0.checkedOn) }
                    + comparison.differences
                checked = record(invoice, sha256: sha256, municipality: buyer, comparison: comparison, credited: nil)
            case .creditNote:
                (checked, credited) = try creditNote(invoice, sha256: sha256, municipality: buyer, agreement: agreement, in: tx)
            }
            // Kept without free text; answered with it.
            if let earlier {
                checked.id = earlier.id
                try tx.update(checked.withoutFreeText, action: "check_again")
            } else {
                checked.id = try tx.insertCheckedInvoice { id in
                    var made = checked.withoutFreeText
                    made.id = id
                    return made
                }.id
            }
            if let credited { try tx.update(credited.withoutFreeText, action: "credit") }
            let answered = view(checked, recorded: true, credited: credited)
            try prepare(answered)
            return answered
        }
    }

    /// A credit note is set against the invoice it credits: what that invoice leaves after every credit
    /// note against it (this one too) is checked against the basis of the invoice's period.
    private func creditNote(_ note: EHFInvoice, sha256: String, municipality: String, agreement: Agreement?,
                            in tx: any StoreTransaction) throws -> (CheckedInvoice, CheckedInvoice?) {
        let seller = note.seller.organisationNumber!
        let creditedNumber = note.creditedInvoices.first ?? ""
        // A credit note is only ever read against its invoice: one that came first would never be set against it.
        guard let invoice = try creditedInvoice(note, in: tx) else {
            throw TunetError.conflict(Message("invoice.error.credited_unknown", ["number": .text(creditedNumber)]))
        }
        let invoiceAgreement = try invoice.contractReference.flatMap { try tx.agreement($0) }
        let basis = try InvoiceBasisUnitsReading.units(provider: seller, municipality: invoice.municipalityNumber, period: invoice.period,
                                                       agreement: invoiceAgreement, today: context.today, in: tx)
        let earlierNotes = try tx.checkedInvoices(in: .every, provider: seller).filter {
            $0.kind == .creditNote && $0.creditedInvoiceId == invoice.id && $0.number != note.number
        }
        let groups = InvoiceControl.groups(note, basis: basis)
        let remaining = InvoiceControl.remaining(invoice.groups, less: earlierNotes.map(\.groups) + [groups])
        let net = earlierNotes.reduce(invoice.totals.taxExclusive - note.totals.taxExclusive) { $0 - $1.totals.taxExclusive }
        // The invoice's fees and discounts less what earlier credit notes credited of them.
        let open = earlierNotes.reduce(DocumentAdjustments(invoice.totals)) {
            DocumentAdjustments(charges: $0.charges - $1.totals.charges, allowances: $0.allowances - $1.totals.allowances)
        }
        var comparison = InvoiceControl.checkRemaining(remaining, net: net, creditNote: note, basis: basis, open: open)
        // The note keeps its own lines; the comparison shows what the invoice comes to after it.
        comparison.groups = groups
        var checked = record(note, sha256: sha256, municipality: invoice.municipalityNumber, comparison: comparison, credited: invoice.id)
        checked.period = invoice.period
        if InvoiceControl.isFullyCredited(remaining, net: net) { checked.expectedTotal = .zero }
        var creditedInvoice = invoice
        creditedInvoice.differences = comparison.differences
        creditedInvoice.status = InvoiceControl.isFullyCredited(remaining, net: net) ? .credited : comparison.matches ? .matches : .differs
        return (checked, creditedInvoice)
    }

    /// The checked invoice a credit note credits, when it is in the asker's municipalities.
    private func creditedInvoice(_ note: EHFInvoice, in reader: StoreReader) throws -> CheckedInvoice? {
        guard let seller = note.seller.organisationNumber, let number = note.creditedInvoices.first,
              let invoice = try reader.checkedInvoice(provider: seller, kind: .invoice, number: number),
              context.actor.scope.includes(invoice.municipalityNumber) else { return nil }
        return invoice
    }

    private func record(_ invoice: EHFInvoice, sha256: String, municipality: String, comparison: InvoiceComparison, credited: Int64?) -> CheckedInvoice {
        CheckedInvoice(
            id: 0, provider: invoice.seller.organisationNumber!, municipalityNumber: municipality, kind: invoice.kind, number: invoice.number,
            issueDate: invoice.issueDate, period: invoice.period, checkedOn: context.today, sha256: sha256,
            status: comparison.matches ? .matches : .differs, creditedInvoiceId: credited, contractReference: invoice.contractReference,
            totals: invoice.totals, taxAmount: invoice.taxAmount, expectedTotal: comparison.expectedTotal, groups: comparison.groups,
            lines: comparison.lines, differences: comparison.differences)
    }

    /// The municipality the invoice is to: the one asked for, else the one where the farm's placements in
    /// the period are (under the invoice's agreement when it names one), else the farm's own.
    private func municipality(_ asked: String?, farm: Provider, period: DateSpan, agreement: Agreement?, in reader: StoreReader) throws -> String {
        let scope = context.actor.scope
        if let asked {
            guard Municipality.named(asked) != nil else {
                throw TunetError.invalid("municipality", asked, Message("invoice.error.unknown_municipality"))
            }
            guard scope.includes(asked) else { throw TunetError.forbidden(Message("invoice.error.municipality_outside", ["municipality": .text(asked)])) }
            // Only a municipality the farm serves in the period: otherwise a farm could raise a task in any municipality.
            let placed = try reader.placements(in: .only([asked]), provider: farm.organisationNumber).contains {
                $0.start <= period.to && $0.end >= period.from
            }
            let agreed = try reader.allAgreements().contains {
                $0.municipalities.contains(asked) && $0.start <= period.to && $0.currentEnd >= period.from
                    && $0.prices.versions.contains { $0.provider == farm.organisationNumber }
            }
            guard placed || agreed else {
                throw TunetError.invalid("municipality", asked, Message("invoice.error.not_served", ["provider": .text(farm.name)]))
            }
            return asked
        }
        let placements = try reader.placements(in: scope, provider: farm.organisationNumber).filter {
            $0.start <= period.to && $0.end >= period.from && (agreement == nil || $0.agreementReference == agreement?.reference)
        }
        let numbers = Set(placements.map(\.municipalityNumber)).sorted()
        if numbers.count == 1 { return numbers[0] }
        if numbers.count > 1 {
            throw TunetError.invalidInput([FieldProblem(field: "municipality", reason: Message("invoice.error.several_municipalities", [
                "municipalities": .list(numbers.map { .text($0) }),
            ]))])
        }
        guard scope.includes(farm.municipalityNumber) else {
            throw TunetError.forbidden(Message("invoice.error.municipality_outside", ["municipality": .text(farm.municipalityNumber)]))
        }
        return farm.municipalityNumber
    }
}

extension CheckedInvoice {
    /// As it is kept: its differences without free text.
    var withoutFreeText: CheckedInvoice {
        var copy = self
        copy.differences = differences.map(\.withoutFreeText)
        return copy
    }
}

extension InvoiceDifference {
    /// As it is kept: without an item's name or a charge's reason, which may name a person.
    var withoutFreeText: InvoiceDifference {
        guard [.unknownLine, .transportNotInAgreement, .chargeAdded, .allowanceGiven].contains(kind) else { return self }
        var copy = self
        copy.text = nil
        return copy
    }
}
