import Foundation
import TunetApp
import TunetDomain

extension DemoScenario {
    /// Last month's EHF invoices from two Kongsberg farms, checked as the work team's controller checks them:
    /// Lia gård's matches its invoice basis to the øre; the next farm with days that month bills one day too
    /// many and an invoice fee, so it differs and the controller gets a task.
    static func addInvoices(_ context: TunetContext) throws {
        let month = YearMonth(context.today).adding(months: -1)
        let desk = InvoiceCheckDesk(context)
        let kongsberg = farms.filter { $0.municipality == "3303" }
        var padded = false
        for farm in kongsberg {
            let number = organisationNumber(from: farm.prefix)
            let basis = try AttendanceOverviewDesk(context).invoiceBasis(provider: number.digits, month: month.iso)
            // One line per price line and unit price, as a farm's invoicing system adds up its days.
            var lines: [(code: String, unit: PriceUnit, quantity: Int, price: Money)] = []
            for period in basis.lines.flatMap(\.pricePeriods) {
                if let index = lines.firstIndex(where: { $0.code == period.line && $0.price == period.unitPrice }) {
                    lines[index].quantity += period.quantity
                } else {
                    lines.append((period.line, period.unit, period.quantity, period.unitPrice))
                }
            }
            guard !lines.isEmpty else { continue }
            let differs = farm.prefix != kongsberg[0].prefix
            if differs { lines[0].quantity += 1 }
            let invoiceNumber = "\(month.month)\(farm.prefix % 100)"
            let text = ehfText(number: invoiceNumber, seller: number, name: farm.name, month: month, issued: context.today.adding(days: 1 - context.today.day),
                               lines: lines, fee: differs ? .kroner(75) : nil)
            _ = try desk.check(Data(text.utf8), name: "faktura-\(invoiceNumber).xml", sender: .municipality(provider: nil), municipality: "3303")
            if differs { padded = true }
            if padded { break }
        }
    }

    /// A Peppol BIS Billing 3.0 invoice to Kongsberg kommune, written as a farm's invoicing system writes one.
    static func ehfText(number: String, seller: OrganisationNumber, name: String, month: YearMonth, issued: LocalDate,
                        lines: [(code: String, unit: PriceUnit, quantity: Int, price: Money)], fee: Money?) -> String {
        func party(_ role: String, _ organisation: String, _ party: String) -> String {
            """
                <cac:\(role)><cac:Party><cbc:EndpointID schemeID="0192">\(organisation)</cbc:EndpointID>\
            <cac:PartyName><cbc:Name>\(party)</cbc:Name></cac:PartyName>\
            <cac:PostalAddress><cbc:CityName>Kongsberg</cbc:CityName><cac:Country><cbc:IdentificationCode>NO</cbc:IdentificationCode></cac:Country></cac:PostalAddress>\
            <cac:PartyLegalEntity><cbc:RegistrationName>\(party)</cbc:RegistrationName><cbc:CompanyID schemeID="0192">\(organisation)</cbc:CompanyID></cac:PartyLegalEntity>\
            </cac:Party></cac:\(role)>

            """
        }
        let amounts = lines.map { $0.price * Int64($0.quantity) }
        let net = amounts.reduce(Money.zero, +) + (fee ?? .zero)
        let exempt = "<cac:TaxCategory><cbc:ID>E</cbc:ID><cbc:Percent>0</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>"
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                <cbc:CustomizationID>\(EHFInvoice.billing3Customization)</cbc:CustomizationID>
                <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
                <cbc:ID>\(number)</cbc:ID>
                <cbc:IssueDate>\(issued.iso)</cbc:IssueDate>
                <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
                <cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>
                <cbc:BuyerReference>Inn på tunet</cbc:BuyerReference>
                <cac:InvoicePeriod><cbc:StartDate>\(month.firstDay.iso)</cbc:StartDate><cbc:EndDate>\(month.lastDay.iso)</cbc:EndDate></cac:InvoicePeriod>

            """
        text += party("AccountingSupplierParty", seller.digits, name) + party("AccountingCustomerParty", "942402465", "Kongsberg kommune")
        if let fee {
            text += "    <cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:AllowanceChargeReason>Fakturagebyr</cbc:AllowanceChargeReason>"
                + "<cbc:Amount currencyID=\"NOK\">\(fee.decimalString)</cbc:Amount>\(exempt)</cac:AllowanceCharge>\n"
        }
        text += """
                <cac:TaxTotal><cbc:TaxAmount currencyID="NOK">0.00</cbc:TaxAmount><cac:TaxSubtotal><cbc:TaxableAmount currencyID="NOK">\(net.decimalString)</cbc:TaxableAmount><cbc:TaxAmount currencyID="NOK">0.00</cbc:TaxAmount>\(exempt)</cac:TaxSubtotal></cac:TaxTotal>
                <cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="NOK">\((net - (fee ?? .zero)).decimalString)</cbc:LineExtensionAmount><cbc:TaxExclusiveAmount currencyID="NOK">\(net.decimalString)</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="NOK">\(net.decimalString)</cbc:TaxInclusiveAmount><cbc:ChargeTotalAmount currencyID="NOK">\((fee ?? .zero).decimalString)</cbc:ChargeTotalAmount><cbc:PayableAmount currencyID="NOK">\(net.decimalString)</cbc:PayableAmount></cac:LegalMonetaryTotal>

            """
        for (index, line) in lines.enumerated() {
            let unitCode = switch line.unit {
            case .day, .halfDay: "DAY"
            case .trip: "E54"
            case .hour: "HUR"
            }
            text += """
                    <cac:InvoiceLine><cbc:ID>\(index + 1)</cbc:ID><cbc:InvoicedQuantity unitCode="\(unitCode)">\(line.quantity)</cbc:InvoicedQuantity>\
                <cbc:LineExtensionAmount currencyID="NOK">\(amounts[index].decimalString)</cbc:LineExtensionAmount>\
                <cac:Item><cbc:Name>Inn på tunet: \(line.code)</cbc:Name><cac:SellersItemIdentification><cbc:ID>\(line.code)</cbc:ID></cac:SellersItemIdentification>\
                <cac:ClassifiedTaxCategory><cbc:ID>E</cbc:ID><cbc:Percent>0</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>\
                <cac:Price><cbc:PriceAmount currencyID="NOK">\(line.price.decimalString)</cbc:PriceAmount></cac:Price></cac:InvoiceLine>

                """
        }
        return text + "</Invoice>\n"
    }
}
