import Foundation

/// An EHF invoice or credit note written the way OpenPeppol's Norwegian example writes one (Peppol BIS
/// Billing 3.0, rules/national-examples/NO/Norwegian-example-1.xml): the same elements in the same
/// order, with a demo farm as seller, a municipality as buyer and the farm's days and trips as lines.
/// Totals follow from the lines unless a test sets them, so that a test changes only what it is about.
public struct EHFTestInvoice: Sendable {
    public struct Line: Sendable {
        public var id: String
        public var quantity: String
        public var unitCode: String
        /// Net price in kroner as UBL writes it (`1200`, `312.50`).
        public var price: String
        public var itemName: String
        public var sellersItemId: String?
        public var period: (from: String, to: String)?
        public var note: String?
        /// The line amount in øre; nil for quantity × price.
        public var amountOre: Int64?

        public init(id: String, quantity: String, unitCode: String = "DAY", price: String, itemName: String, sellersItemId: String? = nil,
                    period: (from: String, to: String)? = nil, note: String? = nil, amountOre: Int64? = nil) {
            self.id = id
            self.quantity = quantity
            self.unitCode = unitCode
            self.price = price
            self.itemName = itemName
            self.sellersItemId = sellersItemId
            self.period = period
            self.note = note
            self.amountOre = amountOre
        }

        var computedOre: Int64 {
            if let amountOre { return amountOre }
            return Self.ore(quantity) * Self.ore(price) / 100
        }

        /// "312.50" as 31 250 øre; "7" as 700.
        static func ore(_ text: String) -> Int64 {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let negative = text.hasPrefix("-")
            let whole = Int64(parts[0].replacingOccurrences(of: "-", with: "")) ?? 0
            var fraction: Int64 = 0
            if parts.count == 2 {
                let digits = String(parts[1].prefix(2)).padding(toLength: 2, withPad: "0", startingAt: 0)
                fraction = Int64(digits) ?? 0
            }
            let value = whole * 100 + fraction
            return negative ? -value : value
        }
    }

    public var creditNote = false
    public var number = "1042"
    public var issueDate = "2026-04-05"
    public var period: (from: String, to: String)? = ("2026-03-01", "2026-03-31")
    public var seller = "974760673"
    public var sellerName = "Lia gård"
    /// Kongsberg kommune's organisation number as the buyer's.
    public var buyer = "942402465"
    public var buyerName = "Kongsberg kommune"
    public var currency = "NOK"
    public var customization = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
    public var contract: String?
    public var creditedInvoice: String?
    public var lines: [Line] = []
    /// Document-level charges (true) and allowances (false), in øre.
    public var allowancesAndCharges: [(isCharge: Bool, ore: Int64, reason: String)] = []
    /// VAT at this percentage (category S) instead of exempt (category E).
    public var vatPercent: Int64?
    public var payableOre: Int64?
    /// Raw XML where UBL has its additional documents (an attachment, say).
    public var extra = ""

    public init() {}

    static func amount(_ ore: Int64) -> String {
        let magnitude = ore.magnitude
        let cents = magnitude % 100
        return "\(ore < 0 ? "-" : "")\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    public var xml: String {
        let root = creditNote ? "CreditNote" : "Invoice"
        let lineName = creditNote ? "CreditNoteLine" : "InvoiceLine"
        let quantityName = creditNote ? "CreditedQuantity" : "InvoicedQuantity"
        let lineSum = lines.reduce(Int64(0)) { $0 + $1.computedOre }
        let allowances = allowancesAndCharges.filter { !$0.isCharge }.reduce(Int64(0)) { $0 + $1.ore }
        let charges = allowancesAndCharges.filter(\.isCharge).reduce(Int64(0)) { $0 + $1.ore }
        let taxExclusive = lineSum - allowances + charges
        let tax = vatPercent.map { taxExclusive * $0 / 100 } ?? 0
        let category = vatPercent == nil ? "E" : "S"
        let percent = vatPercent.map(String.init) ?? "0"
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <\(root) xmlns="urn:oasis:names:specification:ubl:schema:xsd:\(root)-2"
                xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                <cbc:CustomizationID>\(customization)</cbc:CustomizationID>
                <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
                <cbc:ID>\(number)</cbc:ID>
                <cbc:IssueDate>\(issueDate)</cbc:IssueDate>
                <cbc:\(creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode")>\(creditNote ? "381" : "380")</cbc:\(creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode")>
                <cbc:DocumentCurrencyCode>\(currency)</cbc:DocumentCurrencyCode>
                <cbc:BuyerReference>IPT</cbc:BuyerReference>

            """
        if let period {
            text += "    <cac:InvoicePeriod><cbc:StartDate>\(period.from)</cbc:StartDate><cbc:EndDate>\(period.to)</cbc:EndDate></cac:InvoicePeriod>\n"
        }
        if let creditedInvoice {
            text += "    <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>\(creditedInvoice)</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>\n"
        }
        if let contract { text += "    <cac:ContractDocumentReference><cbc:ID>\(contract)</cbc:ID></cac:ContractDocumentReference>\n" }
        text += extra
        text += """
                <cac:AccountingSupplierParty>
                    <cac:Party>
                        <cbc:EndpointID schemeID="0192">\(seller)</cbc:EndpointID>
                        <cac:PartyName><cbc:Name>\(sellerName)</cbc:Name></cac:PartyName>
                        <cac:PostalAddress><cbc:CityName>Kongsberg</cbc:CityName><cbc:PostalZone>3614</cbc:PostalZone><cac:Country><cbc:IdentificationCode>NO</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
                        <cac:PartyTaxScheme><cbc:CompanyID>Foretaksregisteret</cbc:CompanyID><cac:TaxScheme><cbc:ID>TAX</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
                        <cac:PartyLegalEntity><cbc:RegistrationName>\(sellerName)</cbc:RegistrationName><cbc:CompanyID schemeID="0192">\(seller)</cbc:CompanyID></cac:PartyLegalEntity>
                    </cac:Party>
                </cac:AccountingSupplierParty>
                <cac:AccountingCustomerParty>
                    <cac:Party>
                        <cbc:EndpointID schemeID="0192">\(buyer)</cbc:EndpointID>
                        <cac:PartyName><cbc:Name>\(buyerName)</cbc:Name></cac:PartyName>
                        <cac:PostalAddress><cbc:CityName>Kongsberg</cbc:CityName><cac:Country><cbc:IdentificationCode>NO</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
                        <cac:PartyLegalEntity><cbc:RegistrationName>\(buyerName)</cbc:RegistrationName><cbc:CompanyID schemeID="0192">\(buyer)</cbc:CompanyID></cac:PartyLegalEntity>
                    </cac:Party>
                </cac:AccountingCustomerParty>
                <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cac:PayeeFinancialAccount><cbc:ID>12345678903</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>

            """
        for entry in allowancesAndCharges {
            text += """
                    <cac:AllowanceCharge><cbc:ChargeIndicator>\(entry.isCharge)</cbc:ChargeIndicator><cbc:AllowanceChargeReason>\(entry.reason)</cbc:AllowanceChargeReason><cbc:Amount currencyID="\(currency)">\(Self.amount(entry.ore))</cbc:Amount><cac:TaxCategory><cbc:ID>\(category)</cbc:ID><cbc:Percent>\(percent)</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>

                """
        }
        let exemption = vatPercent == nil ? "<cbc:TaxExemptionReason>Helse- og omsorgstjenester, merverdiavgiftsloven § 3-2</cbc:TaxExemptionReason>" : ""
        text += """
                <cac:TaxTotal>
                    <cbc:TaxAmount currencyID="\(currency)">\(Self.amount(tax))</cbc:TaxAmount>
                    <cac:TaxSubtotal>
                        <cbc:TaxableAmount currencyID="\(currency)">\(Self.amount(taxExclusive))</cbc:TaxableAmount>
                        <cbc:TaxAmount currencyID="\(currency)">\(Self.amount(tax))</cbc:TaxAmount>
                        <cac:TaxCategory><cbc:ID>\(category)</cbc:ID><cbc:Percent>\(percent)</cbc:Percent>\(exemption)<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
                    </cac:TaxSubtotal>
                </cac:TaxTotal>
                <cac:LegalMonetaryTotal>
                    <cbc:LineExtensionAmount currencyID="\(currency)">\(Self.amount(lineSum))</cbc:LineExtensionAmount>
                    <cbc:TaxExclusiveAmount currencyID="\(currency)">\(Self.amount(taxExclusive))</cbc:TaxExclusiveAmount>
                    <cbc:TaxInclusiveAmount currencyID="\(currency)">\(Self.amount(taxExclusive + tax))</cbc:TaxInclusiveAmount>
                    <cbc:AllowanceTotalAmount currencyID="\(currency)">\(Self.amount(allowances))</cbc:AllowanceTotalAmount>
                    <cbc:ChargeTotalAmount currencyID="\(currency)">\(Self.amount(charges))</cbc:ChargeTotalAmount>
                    <cbc:PayableAmount currencyID="\(currency)">\(Self.amount(payableOre ?? (taxExclusive + tax)))</cbc:PayableAmount>
                </cac:LegalMonetaryTotal>

            """
        for line in lines {
            text += "    <cac:\(lineName)>\n        <cbc:ID>\(line.id)</cbc:ID>\n"
            if let note = line.note { text += "        <cbc:Note>\(note)</cbc:Note>\n" }
            text += "        <cbc:\(quantityName) unitCode=\"\(line.unitCode)\">\(line.quantity)</cbc:\(quantityName)>\n"
            text += "        <cbc:LineExtensionAmount currencyID=\"\(currency)\">\(Self.amount(line.computedOre))</cbc:LineExtensionAmount>\n"
            if let period = line.period {
                text += "        <cac:InvoicePeriod><cbc:StartDate>\(period.from)</cbc:StartDate><cbc:EndDate>\(period.to)</cbc:EndDate></cac:InvoicePeriod>\n"
            }
            text += "        <cac:Item><cbc:Name>\(line.itemName)</cbc:Name>"
            if let id = line.sellersItemId { text += "<cac:SellersItemIdentification><cbc:ID>\(id)</cbc:ID></cac:SellersItemIdentification>" }
            text += "<cac:ClassifiedTaxCategory><cbc:ID>\(category)</cbc:ID><cbc:Percent>\(percent)</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>\n"
            text += "        <cac:Price><cbc:PriceAmount currencyID=\"\(currency)\">\(line.price)</cbc:PriceAmount><cbc:BaseQuantity unitCode=\"\(line.unitCode)\">1</cbc:BaseQuantity></cac:Price>\n"
            text += "    </cac:\(lineName)>\n"
        }
        return text + "</\(root)>\n"
    }
}
