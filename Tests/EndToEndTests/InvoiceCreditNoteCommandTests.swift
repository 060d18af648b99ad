import Foundation
import Testing
import TunetTestSupport

/// Credit notes beyond crediting days: a fee credited at document level, and a credit note naming several invoices.
@Suite("tunet invoice check: what a credit note may credit")
struct InvoiceCreditNoteCommandTests {
    let invoices = InvoiceCheckCommandTests()

    /// A credit note of invoice 1042 crediting no day (a line of none, as a credit note needs a line) and `fee` øre of fees.
    static func creditNote(_ number: String, fee: Int64) -> EHFTestInvoice {
        var note = EHFTestInvoice()
        note.creditNote = true
        note.number = number
        note.creditedInvoice = "1042"
        note.lines = [.init(id: "1", quantity: "0", price: "1250", itemName: "Inn på tunet, hel dag", sellersItemId: "full_day")]
        note.allowancesAndCharges = [(isCharge: true, ore: fee, reason: "Fakturagebyr")]
        return note
    }

    func statuses(_ tunet: TunetProcess) throws -> [String] {
        let listed = try tunet.json(try tunet.run(["invoice", "list", "--json"], environment: InvoiceCheckCommandTests.bokmal)) as? [[String: Any]]
        return listed?.compactMap { ($0["invoice"] as? [String: Any])?["number"] as? String }.sorted().map { number in
            let entry = listed?.first { ($0["invoice"] as? [String: Any])?["number"] as? String == number }
            return "\(number) \((entry?["invoice"] as? [String: Any])?["status"] as? String ?? "?")"
        } ?? []
    }

    @Test("An invoice that differs only by a fee is settled by credit notes whose document-level charges credit it: 30,00 kr, then the 20,00 kr left")
    func feeCredited() throws {
        let tunet = try invoices.prepared()
        var invoice = InvoiceCheckCommandTests.march
        invoice.allowancesAndCharges = [(isCharge: true, ore: 5_000, reason: "Fakturagebyr")]
        let checked = try invoices.check(tunet, invoice)
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("Tillegg på fakturaen som ikke er i fakturagrunnlaget: Fakturagebyr, 50,00 kr"), "\(checked.stdout)")

        let part = try invoices.check(tunet, Self.creditNote("K-20", fee: 3_000), name: "k-20.xml")
        #expect(part.status == 1, "\(part.stdout)\(part.stderr)")
        #expect(part.stdout.contains("Tillegg på fakturaen som ikke er i fakturagrunnlaget: 20,00 kr"), "\(part.stdout)")
        #expect(!part.stdout.contains("Fakturagebyr, 30,00 kr"), "the fee credited is no difference: \(part.stdout)")
        #expect(part.stdout.contains("Sum eksklusiv mva er 17 195,00 kr, fakturagrunnlaget 17 175,00 kr; 20,00 kr forskjell"), "\(part.stdout)")
        #expect(try statuses(tunet) == ["1042 differs", "K-20 differs"])

        let rest = try invoices.check(tunet, Self.creditNote("K-21", fee: 2_000), name: "k-21.xml")
        #expect(rest.status == 0, "\(rest.stdout)\(rest.stderr)")
        #expect(rest.stdout.contains("Kreditnotaen stemmer: faktura 1042 står nå som «stemmer»."), "\(rest.stdout)")
        #expect(try statuses(tunet) == ["1042 matches", "K-20 differs", "K-21 matches"])

        let beyond = try invoices.check(tunet, Self.creditNote("K-22", fee: 1_000), name: "k-22.xml")
        #expect(beyond.status == 1, "a fee credited beyond the invoice's is named")
        #expect(beyond.stdout.contains("Tillegg på fakturaen som ikke er i fakturagrunnlaget: Fakturagebyr, 10,00 kr"), "\(beyond.stdout)")
    }

    @Test("A credit note naming several invoices is refused in bokmål, naming them, and records nothing; one named twice is one")
    func severalInvoices() throws {
        let tunet = try invoices.prepared()
        #expect(try invoices.check(tunet, InvoiceCheckCommandTests.march).status == 0)
        var second = InvoiceCheckCommandTests.march
        second.number = "1043"
        #expect(try invoices.check(tunet, second, name: "1043.xml").status == 1)
        let reference = "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>%@</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>"
        var both = InvoiceCheckCommandTests.march
        both.creditNote = true
        both.number = "K-30"
        both.creditedInvoice = "1042"
        both.extra = reference.replacingOccurrences(of: "%@", with: "1043")
        let before = try tunet.databaseSnapshot()
        let refused = try invoices.check(tunet, both, name: "k-30.xml")
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("kreditnotaen krediterer flere fakturaer (1042 og 1043); Tunet setter en kreditnota mot én faktura: send én kreditnota for hver faktura"),
                "\(refused.stderr)")
        #expect(try tunet.databaseSnapshot() == before)

        both.extra = reference.replacingOccurrences(of: "%@", with: "1042")
        let once = try invoices.check(tunet, both, name: "k-30.xml")
        #expect(once.status == 0, "\(once.stdout)\(once.stderr)")
        #expect(once.stdout.contains("står nå som «kreditert»"), "\(once.stdout)")
    }
}
