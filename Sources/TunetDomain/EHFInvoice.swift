/// What Tunet reads from an EHF invoice or credit note (Peppol BIS Billing 3.0, UBL 2.1): enough to
/// match it with a farm's invoice basis, nothing more. Contracts/ehf-invoice.md names each element.
public struct EHFInvoice: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable {
        case invoice
        case creditNote = "credit_note"
    }

    /// Peppol BIS Billing 3.0's customisation, the only one read.
    public static let billing3Customization = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
    /// Organisation numbers in Enhetsregisteret, as Peppol names the scheme.
    public static let organisationNumberScheme = "0192"

    public var kind: Kind
    public var number: String
    public var issueDate: LocalDate
    public var typeCode: String?
    public var currency: String
    /// The invoice period (BT-73/74), or the span of the lines' periods when only lines have one.
    public var period: DateSpan
    public var orderReference: String?
    public var contractReference: String?
    public var buyerReference: String?
    /// A credit note's preceding invoice numbers (BG-3).
    public var creditedInvoices: [String]
    public var seller: EHFParty
    public var buyer: EHFParty
    public var lines: [EHFLine]
    public var allowancesAndCharges: [EHFAllowanceCharge]
    public var taxSubtotals: [EHFTaxSubtotal]
    public var taxAmount: Money
    public var totals: EHFTotals

    public init(kind: Kind, number: String, issueDate: LocalDate, typeCode: String?, currency: String, period: DateSpan,
                orderReference: String?, contractReference: String?, buyerReference: String?, creditedInvoices: [String],
                seller: EHFParty, buyer: EHFParty, lines: [EHFLine], allowancesAndCharges: [EHFAllowanceCharge],
                taxSubtotals: [EHFTaxSubtotal], taxAmount: Money, totals: EHFTotals) {
        self.kind = kind
        self.number = number
        self.issueDate = issueDate
        self.typeCode = typeCode
        self.currency = currency
        self.period = period
        self.orderReference = orderReference
        self.contractReference = contractReference
        self.buyerReference = buyerReference
        self.creditedInvoices = creditedInvoices
        self.seller = seller
        self.buyer = buyer
        self.lines = lines
        self.allowancesAndCharges = allowancesAndCharges
        self.taxSubtotals = taxSubtotals
        self.taxAmount = taxAmount
        self.totals = totals
    }
}

/// A first and a last calendar day, both included.
public struct DateSpan: Hashable, Sendable, Codable {
    public var from: LocalDate
    public var to: LocalDate

    public init(from: LocalDate, to: LocalDate) {
        self.from = from
        self.to = to
    }

    public func contains(_ date: LocalDate) -> Bool { from <= date && date <= to }
    public func overlaps(_ other: DateSpan) -> Bool { from <= other.to && other.from <= to }
}

public struct EHFParty: Hashable, Sendable {
    public var name: String?
    /// From the legal entity's company identifier with scheme 0192, else the endpoint with scheme 0192.
    public var organisationNumber: OrganisationNumber?
    /// The VAT identifier (`NO999999999MVA`), when the party is registered for VAT.
    public var vatNumber: String?

    public init(name: String? = nil, organisationNumber: OrganisationNumber? = nil, vatNumber: String? = nil) {
        self.name = name
        self.organisationNumber = organisationNumber
        self.vatNumber = vatNumber
    }
}

public struct EHFLine: Hashable, Sendable {
    /// The line's identifier as the invoice writes it (BT-126).
    public var id: String
    /// Its position in the file, from 1: how error messages and differences name it.
    public var position: Int
    public var note: String?
    public var quantity: DecimalNumber
    /// UN/ECE Recommendation 20 (`DAY`, `HUR`, `C62`, …).
    public var unitCode: String
    public var amount: Money
    public var period: DateSpan?
    public var itemName: String
    public var sellersItemId: String?
    /// The net price of `baseQuantity` units (BT-146, BT-149; the base is 1 when absent).
    public var price: DecimalNumber
    public var baseQuantity: DecimalNumber
    public var taxCategory: String?
    public var taxPercent: DecimalNumber?
    /// The line's own allowances (negative) and charges (positive), already in `amount`.
    public var allowancesAndCharges: Money

    public init(id: String, position: Int, note: String?, quantity: DecimalNumber, unitCode: String, amount: Money, period: DateSpan?,
                itemName: String, sellersItemId: String?, price: DecimalNumber, baseQuantity: DecimalNumber, taxCategory: String?,
                taxPercent: DecimalNumber?, allowancesAndCharges: Money) {
        self.id = id
        self.position = position
        self.note = note
        self.quantity = quantity
        self.unitCode = unitCode
        self.amount = amount
        self.period = period
        self.itemName = itemName
        self.sellersItemId = sellersItemId
        self.price = price
        self.baseQuantity = baseQuantity
        self.taxCategory = taxCategory
        self.taxPercent = taxPercent
        self.allowancesAndCharges = allowancesAndCharges
    }
}

/// A document-level allowance (a discount) or charge (a fee), BG-20 and BG-21.
public struct EHFAllowanceCharge: Hashable, Sendable, Codable {
    public var isCharge: Bool
    public var amount: Money
    public var reason: String?

    public init(isCharge: Bool, amount: Money, reason: String?) {
        self.isCharge = isCharge
        self.amount = amount
        self.reason = reason
    }
}

/// One VAT breakdown (BG-23): category `S` standard rate, `E` exempt, `O` outside the scope of VAT, `Z` zero rated, ….
public struct EHFTaxSubtotal: Hashable, Sendable, Codable {
    public var category: String
    public var percent: DecimalNumber?
    public var taxableAmount: Money
    public var taxAmount: Money
    public var exemptionReason: String?

    public init(category: String, percent: DecimalNumber?, taxableAmount: Money, taxAmount: Money, exemptionReason: String?) {
        self.category = category
        self.percent = percent
        self.taxableAmount = taxableAmount
        self.taxAmount = taxAmount
        self.exemptionReason = exemptionReason
    }

    /// Categories that add no VAT: exempt, outside the scope, zero rated, reverse charge, intra-community, export.
    public var addsNoTax: Bool { ["E", "O", "Z", "AE", "K", "G"].contains(category) || taxAmount == .zero }
}

/// The document totals (BG-22).
public struct EHFTotals: Hashable, Sendable, Codable {
    public var lineExtension: Money
    public var taxExclusive: Money
    public var taxInclusive: Money
    public var allowances: Money
    public var charges: Money
    public var prepaid: Money
    public var rounding: Money
    public var payable: Money

    public init(lineExtension: Money, taxExclusive: Money, taxInclusive: Money, allowances: Money, charges: Money, prepaid: Money,
                rounding: Money, payable: Money) {
        self.lineExtension = lineExtension
        self.taxExclusive = taxExclusive
        self.taxInclusive = taxInclusive
        self.allowances = allowances
        self.charges = charges
        self.prepaid = prepaid
        self.rounding = rounding
        self.payable = payable
    }

    enum CodingKeys: String, CodingKey {
        case lineExtension = "line_extension_ore"
        case taxExclusive = "tax_exclusive_ore"
        case taxInclusive = "tax_inclusive_ore"
        case allowances = "allowances_ore"
        case charges = "charges_ore"
        case prepaid = "prepaid_ore"
        case rounding = "rounding_ore"
        case payable = "payable_ore"
    }
}
