import Foundation
import Testing
import TunetDomain
import TunetFiles
import TunetText
import TunetTestSupport

/// Where an EHF invoice's seller and period are read from when a farm's system writes them otherwise than
/// OpenPeppol's Norwegian example (Contracts/ehf-invoice.md).
@Suite("EHF invoices: the seller's organisation number and the period, wherever the invoice gives them")
struct EHFPartyAndPeriodTests {
    static let sellerLegalID = #"<cbc:CompanyID schemeID="0192">974760673</cbc:CompanyID></cac:PartyLegalEntity>"#

    static var march: EHFTestInvoice {
        var invoice = EHFTestInvoice()
        invoice.lines = [.init(id: "1", quantity: "11", price: "1200", itemName: "Inn på tunet, hel dag", sellersItemId: "full_day")]
        return invoice
    }

    /// The invoice with the seller's legal identifier written as `legal` (the first one in the file is the seller's).
    func seller(legal: String, in invoice: EHFTestInvoice = march) -> Data {
        let xml = invoice.xml
        let range = xml.range(of: Self.sellerLegalID)!
        return Data(xml.replacingCharacters(in: range, with: legal + "</cac:PartyLegalEntity>").utf8)
    }

    func problems(_ data: Data) -> [FieldProblem] {
        do {
            _ = try EHFReader.parse(data, name: "faktura.xml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test("Only the endpoint identifier (scheme 0192) names the seller: it is the organisation number")
    func endpointOnly() throws {
        let invoice = try EHFReader.parse(seller(legal: ""), name: "faktura.xml")
        #expect(invoice.seller.organisationNumber?.digits == "974760673")
    }

    @Test("A legal identifier without a scheme that is no organisation number gives way to a valid endpoint identifier")
    func legalWithoutSchemeFallsBack() throws {
        for other in ["NO974760673MVA", "12345", "Foretaksregisteret"] {
            let invoice = try EHFReader.parse(seller(legal: "<cbc:CompanyID>\(other)</cbc:CompanyID>"), name: "faktura.xml")
            #expect(invoice.seller.organisationNumber?.digits == "974760673", "\(other)")
        }
        // Without a scheme but an organisation number, it is taken before the endpoint.
        var another = Self.march
        another.seller = "923609016"
        let xml = another.xml.replacingOccurrences(of: #"<cbc:EndpointID schemeID="0192">923609016</cbc:EndpointID>"#,
                                                    with: #"<cbc:EndpointID schemeID="0192">974760673</cbc:EndpointID>"#)
            .replacingOccurrences(of: #"<cbc:CompanyID schemeID="0192">923609016</cbc:CompanyID>"#, with: "<cbc:CompanyID>923609016</cbc:CompanyID>")
        #expect(try EHFReader.parse(Data(xml.utf8), name: "faktura.xml").seller.organisationNumber?.digits == "923609016")
    }

    @Test("An identifier that says it is an organisation number (0192) and fails the mod-11 check is refused, endpoint or not")
    func wrongNumberRefused() {
        let refused = problems(seller(legal: #"<cbc:CompanyID schemeID="0192">974760674</cbc:CompanyID>"#))
        #expect(refused.map(\.field) == ["cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID"], "\(refused)")
        #expect(refused.first?.value == "974760674")
        // Neither a scheme-less identifier nor the endpoint is a number: the first is named.
        let xml = String(decoding: seller(legal: "<cbc:CompanyID>12345</cbc:CompanyID>"), as: UTF8.self)
            .replacingOccurrences(of: #"<cbc:EndpointID schemeID="0192">974760673</cbc:EndpointID>"#, with: #"<cbc:EndpointID schemeID="0192">974760674</cbc:EndpointID>"#)
        let neither = problems(Data(xml.utf8))
        #expect(neither.map(\.value) == ["12345"], "\(neither)")
    }

    /// March with a line for each half month, each with its own period, and the document's period as `document` (raw XML).
    func halves(document: String?) -> Data {
        var invoice = Self.march
        invoice.period = nil
        invoice.extra = document ?? ""
        invoice.lines = [
            .init(id: "1", quantity: "5", price: "1200", itemName: "Inn på tunet, hel dag", sellersItemId: "full_day", period: ("2026-03-01", "2026-03-15")),
            .init(id: "2", quantity: "6", price: "1250", itemName: "Inn på tunet, hel dag", sellersItemId: "full_day", period: ("2026-03-16", "2026-03-31")),
        ]
        return Data(invoice.xml.utf8)
    }

    static func day(_ text: String) -> LocalDate { try! LocalDate.parse(text).get() }

    @Test("A period only on each line (InvoicePeriod under InvoiceLine): the invoice's period is their span, and each line keeps its own")
    func periodOnLines() throws {
        let invoice = try EHFReader.parse(halves(document: nil), name: "faktura.xml")
        #expect(invoice.period == DateSpan(from: Self.day("2026-03-01"), to: Self.day("2026-03-31")))
        #expect(invoice.lines.map(\.period) == [DateSpan(from: Self.day("2026-03-01"), to: Self.day("2026-03-15")),
                                                 DateSpan(from: Self.day("2026-03-16"), to: Self.day("2026-03-31"))])
    }

    @Test("Only a start date or only an end date (BR-CO-19): the other comes from the lines' periods")
    func halfPeriodWithLines() throws {
        let start = try EHFReader.parse(halves(document: "<cac:InvoicePeriod><cbc:StartDate>2026-03-01</cbc:StartDate></cac:InvoicePeriod>"),
                                        name: "faktura.xml")
        #expect(start.period == DateSpan(from: Self.day("2026-03-01"), to: Self.day("2026-03-31")))
        let end = try EHFReader.parse(halves(document: "<cac:InvoicePeriod><cbc:EndDate>2026-03-31</cbc:EndDate></cac:InvoicePeriod>"),
                                      name: "faktura.xml")
        #expect(end.period == DateSpan(from: Self.day("2026-03-01"), to: Self.day("2026-03-31")))
    }

    @Test("Only a start date and no line with a period is refused in bokmål: matching the basis needs both dates")
    func halfPeriodAlone() {
        var invoice = Self.march
        invoice.period = nil
        invoice.extra = "<cac:InvoicePeriod><cbc:StartDate>2026-03-01</cbc:StartDate></cac:InvoicePeriod>"
        let refused = problems(Data(invoice.xml.utf8))
        #expect(refused.map(\.field) == ["cac:InvoicePeriod"], "\(refused)")
        #expect(refused.first.map { Texts(.nb).render($0.reason) }
                == "fakturaperioden har bare startdato (01.03.2026); kontrollen mot fakturagrunnlaget trenger både start- og sluttdato: oppgi sluttdatoen, eller en periode på hver linje")
        invoice.extra = "<cac:InvoicePeriod><cbc:EndDate>2026-03-31</cbc:EndDate></cac:InvoicePeriod>"
        let end = problems(Data(invoice.xml.utf8))
        #expect(end.first.map { Texts(.nb).render($0.reason) }?.hasPrefix("fakturaperioden har bare sluttdato (31.03.2026)") == true, "\(end)")
        invoice.extra = "<cac:InvoicePeriod><cbc:StartDate>2026-03-1</cbc:StartDate></cac:InvoicePeriod>"
        #expect(problems(Data(invoice.xml.utf8)).map(\.field) == ["cac:InvoicePeriod/cbc:StartDate"], "a date not read is named once, as such")
    }
}
