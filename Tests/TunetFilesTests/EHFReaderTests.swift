import Foundation
import Testing
import TunetDomain
import TunetFiles
import TunetTestSupport

/// OpenPeppol's published examples (Fixtures/EHF/openpeppol, unchanged) and files written as a farm's would be.
@Suite("Reading EHF invoices (Peppol BIS Billing 3.0)")
struct EHFReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/EHF/openpeppol")

    func fixture(_ name: String) throws -> Data { try Data(contentsOf: Self.fixtures.appendingPathComponent(name)) }

    func problems(_ data: Data) -> [FieldProblem] {
        do {
            _ = try EHFReader.parse(data, name: "test.xml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test("OpenPeppol's Norwegian example is read whole: seller by scheme 0192, period, references, every line, the VAT breakdown and totals")
    func norwegianExample() throws {
        let invoice = try EHFReader.parse(try fixture("Norwegian-example-1.xml"), name: "Norwegian-example-1.xml")
        #expect(invoice.kind == .invoice)
        #expect(invoice.number == "TOSL108")
        #expect(invoice.issueDate.iso == "2013-06-30")
        #expect(invoice.seller.organisationNumber?.digits == "123456785")
        #expect(invoice.seller.vatNumber == "NO123456785MVA")
        #expect(invoice.buyer.organisationNumber?.digits == "987654325")
        #expect(invoice.period == DateSpan(from: LocalDate(year: 2013, month: 6, day: 1)!, to: LocalDate(year: 2013, month: 6, day: 30)!))
        #expect(invoice.orderReference == "123")
        #expect(invoice.contractReference == "Contract321")
        #expect(invoice.lines.count == 5)
        let first = invoice.lines[0]
        #expect(first.quantity == DecimalNumber(1))
        #expect(first.unitCode == "NAR")
        #expect(first.price == DecimalNumber(1273))
        #expect(first.amount == Money(ore: 127_300))
        #expect(first.sellersItemId == "JB007")
        #expect(first.note == "Scratch on box")
        #expect(first.allowancesAndCharges == .zero, "an allowance of 12 and a charge of 12")
        #expect(invoice.lines[4].quantity == DecimalNumber(250))
        #expect(invoice.lines[4].price == DecimalNumber.parse("0.75"))
        #expect(invoice.allowancesAndCharges.map(\.isCharge) == [true, false])
        #expect(invoice.taxSubtotals.map(\.category) == ["S", "S", "E"])
        #expect(invoice.taxAmount == Money(ore: 36_528))
        #expect(invoice.totals.payable == Money(ore: 80_200))
        #expect(invoice.totals.prepaid == Money(ore: 100_000))
        #expect(invoice.totals.rounding == Money(ore: 22))
    }

    @Test("The Norwegian example's own sums add up by EN 16931's rules; its VAT, freight charge and discount are named")
    func norwegianExampleChecks() throws {
        let invoice = try EHFReader.parse(try fixture("Norwegian-example-1.xml"), name: "Norwegian-example-1.xml")
        let basis = InvoiceBasisUnits(provider: invoice.seller.organisationNumber!, period: invoice.period, billed: [:], missingDates: [],
                                      prices: PriceList(), transportLine: "transport", today: LocalDate(year: 2026, month: 1, day: 1)!)
        let kinds = InvoiceControl.check(invoice, basis: basis).differences.map(\.kind)
        #expect(!kinds.contains(.lineArithmetic))
        #expect(!kinds.contains(.totalsArithmetic))
        #expect(kinds.filter { $0 == .vatCharged }.count == 2)
        #expect(kinds.contains(.chargeAdded) && kinds.contains(.allowanceGiven))
    }

    @Test("OpenPeppol's base example and its credit note are in euro with a seller outside scheme 0192: refused, naming both")
    func foreignExamples() throws {
        for name in ["base-example.xml", "base-creditnote-correction.xml"] {
            let fields = problems(try fixture(name)).map(\.field)
            #expect(fields.contains("cbc:DocumentCurrencyCode"), "\(name): \(fields)")
            #expect(fields.contains("cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID"), "\(name): \(fields)")
        }
        for name in ["vat-category-E.xml", "vat-category-O.xml"] {
            #expect(problems(try fixture(name)).contains { $0.field == "cbc:DocumentCurrencyCode" }, "\(name)")
        }
    }

    @Test("A credit note is read with its credited quantities and the invoice it credits")
    func creditNote() throws {
        var note = EHFTestInvoice()
        note.creditNote = true
        note.number = "K-1"
        note.creditedInvoice = "1042"
        note.lines = [.init(id: "1", quantity: "2", price: "1250", itemName: "Dag", sellersItemId: "full_day")]
        let invoice = try EHFReader.parse(Data(note.xml.utf8), name: "k.xml")
        #expect(invoice.kind == .creditNote)
        #expect(invoice.creditedInvoices == ["1042"])
        #expect(invoice.lines.first?.quantity == DecimalNumber(2))
        #expect(invoice.totals.taxExclusive == Money(ore: 250_000))
    }

    @Test("Document type declarations are refused before parsing: entity expansion, external entities, and a declaration without entities")
    func declarations() {
        let heads = [
            "<!DOCTYPE Invoice [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
            "<!DOCTYPE Invoice [<!ENTITY passwd SYSTEM \"file:///etc/passwd\">]>",
            "<!DOCTYPE Invoice>",
        ]
        for head in heads {
            let text = "<?xml version=\"1.0\"?>\n\(head)\n<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>"
            #expect(throws: TunetError.unreadableFile(path: "x.xml", reason: Message("files.ehf.declaration"))) {
                try EHFReader.parse(Data(text.utf8), name: "x.xml")
            }
        }
    }

    @Test("An attachment of megabytes is streamed past, not kept; a line's text beyond a thousand characters is refused")
    func bounded() throws {
        var invoice = EHFTestInvoice()
        invoice.lines = [.init(id: "1", quantity: "1", price: "100", itemName: "Dag")]
        invoice.extra = "<cac:AdditionalDocumentReference><cbc:ID>vedlegg</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode=\"application/pdf\" filename=\"a.pdf\">"
            + String(repeating: "QUJD", count: 2_000_000) + "</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>\n"
        #expect(try EHFReader.parse(Data(invoice.xml.utf8), name: "a.xml").lines.count == 1)
        invoice.extra = ""
        invoice.lines[0].itemName = String(repeating: "x", count: 1_001)
        #expect(throws: TunetError.self) { try EHFReader.parse(Data(invoice.xml.utf8), name: "a.xml") }
    }

    @Test("Every malformed value is named at once, by its path and line: an amount with a comma, a date in Norwegian form, a seller failing mod 11")
    func malformedValues() {
        var invoice = EHFTestInvoice()
        invoice.issueDate = "05.04.2026"
        invoice.seller = "974760674"
        invoice.lines = [.init(id: "1", quantity: "1", price: "100", itemName: "Dag"), .init(id: "2", quantity: "2x", price: "100", itemName: "Dag")]
        let text = invoice.xml.replacingOccurrences(of: "<cbc:LineExtensionAmount currencyID=\"NOK\">100.00</cbc:LineExtensionAmount>",
                                                    with: "<cbc:LineExtensionAmount currencyID=\"NOK\">100,00</cbc:LineExtensionAmount>")
        let fields = Set(problems(Data(text.utf8)).map(\.field))
        #expect(fields.contains("cbc:IssueDate"), "\(fields)")
        #expect(fields.contains("cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID"), "\(fields)")
        #expect(fields.contains("cac:InvoiceLine[1]/cbc:LineExtensionAmount"), "\(fields)")
        #expect(fields.contains("cac:InvoiceLine[2]/cbc:InvoicedQuantity"), "\(fields)")
    }
}
