import TunetDomain

/// Turns the collected elements into an `EHFInvoice`, checking each value and naming every problem
/// at once: the element by its path (a line's as `InvoiceLine[3]/…`) and why it is refused.
struct EHFFields {
    private let elements: EHFElements
    private var problems: [FieldProblem] = []

    init(_ elements: EHFElements) { self.elements = elements }

    mutating func invoice() throws(TunetError) -> EHFInvoice {
        let document = elements.document
        let kind: EHFInvoice.Kind = elements.isCreditNote ? .creditNote : .invoice
        let customization = document["CustomizationID"]
        if customization != EHFInvoice.billing3Customization {
            // Another customisation is another document: say so before anything else is complained of.
            throw .invalidInput([FieldProblem(field: "cbc:CustomizationID", value: customization,
                                              reason: customization == nil ? Message("files.ehf.customization_missing")
                                                  : Message("files.ehf.customization", ["expected": .text(EHFInvoice.billing3Customization)]))])
        }
        let currency = required(document, "DocumentCurrencyCode", field: "cbc:DocumentCurrencyCode") ?? "NOK"
        if currency != "NOK" {
            problems.append(FieldProblem(field: "cbc:DocumentCurrencyCode", value: currency, reason: Message("files.ehf.currency")))
        }
        for (path, given) in elements.currencies where given != currency {
            problems.append(FieldProblem(field: fieldName(path), value: given, reason: Message("files.ehf.amount_currency", ["currency": .text(currency)])))
        }
        let number = required(document, "ID", field: "cbc:ID") ?? ""
        let issueDate = date(document, "IssueDate", field: "cbc:IssueDate", required: true)
        let seller = party(document, "AccountingSupplierParty", required: true)
        let buyer = party(document, "AccountingCustomerParty", required: false)
        var lines: [EHFLine] = []
        for (index, group) in elements.lines.enumerated() {
            if let line = line(group, allowances: elements.lineAllowances[index], position: index + 1) { lines.append(line) }
        }
        if elements.lines.isEmpty {
            problems.append(FieldProblem(field: "cac:\(elements.lineName)", reason: Message("files.ehf.no_lines")))
        }
        let period = self.period(document, lines: lines)
        let allowances = elements.allowances.enumerated().compactMap { allowanceCharge($1, field: "cac:AllowanceCharge[\($0 + 1)]") }
        let (taxAmount, subtotals) = tax()
        let totals = self.totals(document)
        if kind == .creditNote && elements.creditedInvoices.isEmpty {
            problems.append(FieldProblem(field: "cac:BillingReference", reason: Message("files.ehf.credited_invoice_missing")))
        }
        guard problems.isEmpty, let issueDate, let period, let totals, let seller, let taxAmount else {
            var notShown = ProblemsNotShown()
            for problem in problems.dropFirst(ProblemLimit.standard) { notShown.count(problem) }
            throw .invalidInput(Array(problems.prefix(ProblemLimit.standard)), notShown: notShown)
        }
        return EHFInvoice(
            kind: kind, number: number, issueDate: issueDate, typeCode: document["InvoiceTypeCode"] ?? document["CreditNoteTypeCode"],
            currency: currency, period: period, orderReference: document["OrderReference/ID"],
            contractReference: document["ContractDocumentReference/ID"], buyerReference: document["BuyerReference"],
            creditedInvoices: elements.creditedInvoices, seller: seller, buyer: buyer ?? EHFParty(), lines: lines,
            allowancesAndCharges: allowances, taxSubtotals: subtotals, taxAmount: taxAmount, totals: totals)
    }

    /// `InvoiceLine/Price/PriceAmount` as a person reads it among UBL's prefixes: `cac:InvoiceLine/cac:Price/cbc:PriceAmount`.
    private func fieldName(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.enumerated().map { index, part in (index == parts.count - 1 ? "cbc:" : "cac:") + part }.joined(separator: "/")
    }

    private mutating func required(_ group: EHFElements.Group, _ key: String, field: String) -> String? {
        guard let value = group[key], !value.isEmpty else {
            problems.append(FieldProblem(field: field, reason: Message("files.ehf.required")))
            return nil
        }
        return value
    }

    private mutating func date(_ group: EHFElements.Group, _ key: String, field: String, required: Bool) -> LocalDate? {
        guard let text = group[key], !text.isEmpty else {
            if required { problems.append(FieldProblem(field: field, reason: Message("files.ehf.required"))) }
            return nil
        }
        // UBL dates are xsd:date without a zone: exactly YYYY-MM-DD.
        guard text.utf8.count == 10, text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "-") }),
              case .success(let date) = LocalDate.parse(text), date.iso == text else {
            problems.append(FieldProblem(field: field, value: text, reason: Message("files.ehf.date")))
            return nil
        }
        return date
    }

    private mutating func amount(_ group: EHFElements.Group, _ key: String, field: String, required: Bool = true) -> Money? {
        guard let text = group[key], !text.isEmpty else {
            if required { problems.append(FieldProblem(field: field, reason: Message("files.ehf.required"))) }
            return nil
        }
        // BIS 3.0 writes amounts with at most two decimals (PEPPOL-EN16931-R051), so each is exact in øre.
        guard let number = DecimalNumber.parse(text), number.decimals <= 2, let money = number.money,
              money.ore.magnitude <= Money.largestValue.ore.magnitude else {
            problems.append(FieldProblem(field: field, value: text, reason: Message("files.ehf.amount")))
            return nil
        }
        return money
    }

    private mutating func decimal(_ group: EHFElements.Group, _ key: String, field: String, required: Bool,
                                  atMost largest: DecimalNumber) -> DecimalNumber? {
        guard let text = group[key], !text.isEmpty else {
            if required { problems.append(FieldProblem(field: field, reason: Message("files.ehf.required"))) }
            return nil
        }
        guard let number = DecimalNumber.parse(text), number.millionths.magnitude <= largest.millionths.magnitude else {
            problems.append(FieldProblem(field: field, value: text, reason: Message("files.ehf.decimal", ["largest": .text(largest.description)])))
            return nil
        }
        return number
    }

    /// A party's organisation number comes from its legal entity's identifier with scheme 0192, else its
    /// endpoint with scheme 0192; the seller's is required and must pass the mod-11 check. A legal identifier
    /// without a scheme is taken when it is an organisation number; when it is not (another register's
    /// number, say), the endpoint is. One that says it is an organisation number (0192) must be one.
    private mutating func party(_ document: EHFElements.Group, _ role: String, required: Bool) -> EHFParty? {
        let field = "cac:\(role)/cac:Party"
        var candidates: [(value: String, field: String, schemeGiven: Bool)] = []
        let legalScheme = document["\(role)/Party/PartyLegalEntity/CompanyID@schemeID"]
        if let legal = document["\(role)/Party/PartyLegalEntity/CompanyID"], legalScheme ?? EHFInvoice.organisationNumberScheme == EHFInvoice.organisationNumberScheme {
            candidates.append((legal, "\(field)/cac:PartyLegalEntity/cbc:CompanyID", legalScheme != nil))
        }
        if let endpoint = document["\(role)/Party/EndpointID"], document["\(role)/Party/EndpointID@schemeID"] == EHFInvoice.organisationNumberScheme {
            candidates.append((endpoint, "\(field)/cbc:EndpointID", true))
        }
        var number: OrganisationNumber?
        var refusal: FieldProblem?
        for candidate in candidates {
            switch OrganisationNumber.parse(candidate.value) {
            case .success(let parsed): number = parsed
            case .failure(let reason):
                refusal = refusal ?? FieldProblem(field: candidate.field, value: candidate.value, reason: reason.message)
            }
            if number != nil || candidate.schemeGiven { break }
        }
        if !candidates.isEmpty {
            if required, number == nil, let refusal { problems.append(refusal) }
        } else if required {
            problems.append(FieldProblem(field: "\(field)/cac:PartyLegalEntity/cbc:CompanyID", reason: Message("files.ehf.seller_number_missing")))
        }
        if required && number == nil { return nil }
        return EHFParty(name: document["\(role)/Party/PartyName/Name"] ?? document["\(role)/Party/PartyLegalEntity/RegistrationName"],
                        organisationNumber: number, vatNumber: document["\(role)/Party/PartyTaxScheme/CompanyID"])
    }

    private mutating func line(_ group: EHFElements.Group, allowances: [EHFElements.Group], position: Int) -> EHFLine? {
        let name = elements.lineName
        let field = "cac:\(name)[\(position)]"
        let quantityKey = elements.isCreditNote ? "CreditedQuantity" : "InvoicedQuantity"
        let id = required(group, "ID", field: "\(field)/cbc:ID")
        let quantity = decimal(group, quantityKey, field: "\(field)/cbc:\(quantityKey)", required: true, atMost: EHFReader.largestQuantity)
        let unit = group["\(quantityKey)@unitCode"]
        if unit?.isEmpty ?? true {
            problems.append(FieldProblem(field: "\(field)/cbc:\(quantityKey)/@unitCode", reason: Message("files.ehf.required")))
        }
        let amount = self.amount(group, "LineExtensionAmount", field: "\(field)/cbc:LineExtensionAmount")
        let price = decimal(group, "Price/PriceAmount", field: "\(field)/cac:Price/cbc:PriceAmount", required: true, atMost: DecimalNumber(Money.largestPrice))
        if let price, price < .zero {
            problems.append(FieldProblem(field: "\(field)/cac:Price/cbc:PriceAmount", value: price.description, reason: Message("files.ehf.negative_price")))
        }
        let base = decimal(group, "Price/BaseQuantity", field: "\(field)/cac:Price/cbc:BaseQuantity", required: false, atMost: EHFReader.largestQuantity) ?? .one
        if base <= .zero {
            problems.append(FieldProblem(field: "\(field)/cac:Price/cbc:BaseQuantity", value: base.description, reason: Message("files.ehf.base_quantity")))
        }
        let item = required(group, "Item/Name", field: "\(field)/cac:Item/cbc:Name")
        let period = linePeriod(group, field: field)
        var adjustments = Money.zero
        for (index, allowance) in allowances.enumerated() {
            if let entry = allowanceCharge(allowance, field: "\(field)/cac:AllowanceCharge[\(index + 1)]") {
                adjustments += entry.isCharge ? entry.amount : Money(ore: -entry.amount.ore)
            }
        }
        let percent = decimal(group, "Item/ClassifiedTaxCategory/Percent", field: "\(field)/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent",
                              required: false, atMost: DecimalNumber(100))
        guard let id, let quantity, let unit, !unit.isEmpty, let amount, let price, price >= .zero, base > .zero, let item else { return nil }
        return EHFLine(id: id, position: position, note: group["Note"], quantity: quantity, unitCode: unit, amount: amount, period: period,
                       itemName: item, sellersItemId: group["Item/SellersItemIdentification/ID"], price: price, baseQuantity: base,
                       taxCategory: group["Item/ClassifiedTaxCategory/ID"], taxPercent: percent, allowancesAndCharges: adjustments)
    }

    private mutating func linePeriod(_ group: EHFElements.Group, field: String) -> DateSpan? {
        let from = date(group, "InvoicePeriod/StartDate", field: "\(field)/cac:InvoicePeriod/cbc:StartDate", required: false)
        let to = date(group, "InvoicePeriod/EndDate", field: "\(field)/cac:InvoicePeriod/cbc:EndDate", required: false)
        return span(from, to, field: "\(field)/cac:InvoicePeriod")
    }

    private mutating func span(_ from: LocalDate?, _ to: LocalDate?, field: String) -> DateSpan? {
        guard let from, let to else {
            if (from == nil) != (to == nil) { problems.append(FieldProblem(field: field, reason: Message("files.ehf.period_half"))) }
            return nil
        }
        guard from <= to else {
            problems.append(FieldProblem(field: field, value: "\(from.iso)–\(to.iso)", reason: Message("files.ehf.period_reversed")))
            return nil
        }
        guard from.days(until: to) <= 366 else {
            problems.append(FieldProblem(field: field, value: "\(from.iso)–\(to.iso)", reason: Message("files.ehf.period_too_long")))
            return nil
        }
        return DateSpan(from: from, to: to)
    }

    /// The period the basis is read for: both its days are needed. The document's period; else the span of the
    /// lines' periods when every line has one. A document period with only its start or only its end (BR-CO-19
    /// allows one) takes the other from the lines' periods; without them it is refused, saying both are needed.
    private mutating func period(_ document: EHFElements.Group, lines: [EHFLine]) -> DateSpan? {
        let given = (from: !(document["InvoicePeriod/StartDate"] ?? "").isEmpty, to: !(document["InvoicePeriod/EndDate"] ?? "").isEmpty)
        let from = date(document, "InvoicePeriod/StartDate", field: "cac:InvoicePeriod/cbc:StartDate", required: false)
        let to = date(document, "InvoicePeriod/EndDate", field: "cac:InvoicePeriod/cbc:EndDate", required: false)
        // A date given but not readable is named already.
        guard (from != nil) == given.from, (to != nil) == given.to else { return nil }
        if let from, let to { return span(from, to, field: "cac:InvoicePeriod") }
        let periods = lines.compactMap(\.period)
        guard !lines.isEmpty, periods.count == lines.count, let first = periods.map(\.from).min(), let last = periods.map(\.to).max() else {
            if let from {
                problems.append(FieldProblem(field: "cac:InvoicePeriod", value: from.iso, reason: Message("files.ehf.period_start_only", ["date": .date(from)])))
            } else if let to {
                problems.append(FieldProblem(field: "cac:InvoicePeriod", value: to.iso, reason: Message("files.ehf.period_end_only", ["date": .date(to)])))
            } else if !lines.isEmpty {
                problems.append(FieldProblem(field: "cac:InvoicePeriod", reason: Message("files.ehf.period_missing")))
            }
            return nil
        }
        return span(from ?? first, to ?? last, field: "cac:InvoicePeriod")
    }

    private mutating func allowanceCharge(_ group: EHFElements.Group, field: String) -> EHFAllowanceCharge? {
        let indicator = group["ChargeIndicator"]
        guard indicator == "true" || indicator == "false" else {
            problems.append(FieldProblem(field: "\(field)/cbc:ChargeIndicator", value: indicator, reason: Message("files.ehf.charge_indicator")))
            return nil
        }
        guard let amount = amount(group, "Amount", field: "\(field)/cbc:Amount") else { return nil }
        return EHFAllowanceCharge(isCharge: indicator == "true", amount: amount, reason: group["AllowanceChargeReason"])
    }

    /// The VAT total in the document's currency (the one with a breakdown; a second total in another
    /// accounting currency has none) and its breakdown.
    private mutating func tax() -> (Money?, [EHFTaxSubtotal]) {
        guard let total = elements.taxTotals.first(where: { !$0.subtotals.isEmpty }) ?? elements.taxTotals.first else {
            problems.append(FieldProblem(field: "cac:TaxTotal", reason: Message("files.ehf.required")))
            return (nil, [])
        }
        let amount = self.amount(total.total, "TaxAmount", field: "cac:TaxTotal/cbc:TaxAmount")
        var subtotals: [EHFTaxSubtotal] = []
        for (index, group) in total.subtotals.enumerated() {
            let field = "cac:TaxTotal/cac:TaxSubtotal[\(index + 1)]"
            let taxable = self.amount(group, "TaxableAmount", field: "\(field)/cbc:TaxableAmount")
            let tax = self.amount(group, "TaxAmount", field: "\(field)/cbc:TaxAmount")
            let category = required(group, "TaxCategory/ID", field: "\(field)/cac:TaxCategory/cbc:ID")
            let percent = decimal(group, "TaxCategory/Percent", field: "\(field)/cac:TaxCategory/cbc:Percent", required: false, atMost: DecimalNumber(100))
            if let taxable, let tax, let category {
                subtotals.append(EHFTaxSubtotal(category: category, percent: percent, taxableAmount: taxable, taxAmount: tax,
                                                exemptionReason: group["TaxCategory/TaxExemptionReason"]))
            }
        }
        return (amount, subtotals)
    }

    private mutating func totals(_ document: EHFElements.Group) -> EHFTotals? {
        func read(_ key: String, required: Bool = true) -> Money? {
            amount(document, "LegalMonetaryTotal/\(key)", field: "cac:LegalMonetaryTotal/cbc:\(key)", required: required)
        }
        let lineExtension = read("LineExtensionAmount"), taxExclusive = read("TaxExclusiveAmount"), taxInclusive = read("TaxInclusiveAmount")
        let allowances = read("AllowanceTotalAmount", required: false), charges = read("ChargeTotalAmount", required: false)
        let prepaid = read("PrepaidAmount", required: false), rounding = read("PayableRoundingAmount", required: false)
        let payable = read("PayableAmount")
        guard let lineExtension, let taxExclusive, let taxInclusive, let payable else { return nil }
        return EHFTotals(lineExtension: lineExtension, taxExclusive: taxExclusive, taxInclusive: taxInclusive, allowances: allowances ?? .zero,
                         charges: charges ?? .zero, prepaid: prepaid ?? .zero, rounding: rounding ?? .zero, payable: payable)
    }
}
