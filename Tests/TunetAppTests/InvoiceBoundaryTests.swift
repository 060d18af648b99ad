import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetTestSupport

/// Lia gård invoices Oslo (0301) and Kongsberg (3303); someone who acts for Kongsberg only must neither see nor
/// change what was checked for Oslo, while still being told that an invoice number is used twice.
@Suite("Checked invoices belong to the municipality invoiced")
struct InvoiceBoundaryTests {
    static func invoice(_ number: String, creditNote: Bool = false, credits: String? = nil) -> Data {
        var invoice = EHFTestInvoice()
        invoice.number = number
        invoice.creditNote = creditNote
        invoice.creditedInvoice = credits
        invoice.period = ("2025-01-01", "2025-01-31")
        invoice.lines = [.init(id: "1", quantity: "2", price: "1000", itemName: "Dag", sellersItemId: "full_day")]
        return Data(invoice.xml.utf8)
    }

    @Test("Kongsberg is told an Oslo invoice's number is taken without its check; it lists none of Oslo's; its credit note cannot touch Oslo's invoice")
    func boundaries() throws {
        let workspace = try ruleWorkspace(today: LocalDate(year: 2025, month: 3, day: 1)!)
        _ = try AgreementDesk(workspace.context).add(kongsbergForm())
        var osloForm = kongsbergForm()
        osloForm.reference = "2025/OSLO"
        osloForm.municipalities = ["0301"]
        _ = try AgreementDesk(workspace.context).add(osloForm)
        let oslo = try InvoiceCheckDesk(workspace.context).check(Self.invoice("A-1"), name: "a.xml", sender: .municipality(provider: nil), municipality: "0301")
        #expect(oslo.invoice.municipalityNumber == "0301")
        let kongsberg = InvoiceCheckDesk(workspace.context.acting(as: AuditActor(name: "Kongsberg", role: .workTeam, scope: .only(["3303"])),
                                                                 today: workspace.context.today))
        do {
            _ = try kongsberg.check(Self.invoice("A-1"), name: "a.xml", sender: .municipality(provider: nil), municipality: "3303")
            Issue.record("an invoice number checked for Oslo was taken again")
        } catch let error as TunetError {
            #expect(error.message.key == "invoice.error.checked_elsewhere")
        }
        let listed = try InvoiceListDesk(workspace.context.acting(as: AuditActor(name: "Kongsberg", role: .workTeam, scope: .only(["3303"])),
                                                                  today: workspace.context.today)).list()
        #expect(listed.isEmpty)
        do {
            _ = try kongsberg.check(Self.invoice("K-1", creditNote: true, credits: "A-1"), name: "k.xml", sender: .municipality(provider: nil),
                                    municipality: "3303")
            Issue.record("a credit note was set against another municipality's invoice")
        } catch let error as TunetError {
            #expect(error.message.key == "invoice.error.credited_unknown", "told as unknown: its existence is not given away")
        }
        #expect(try InvoiceListDesk(workspace.context).list().first?.invoice.status == oslo.invoice.status, "Oslo's invoice is unchanged")
    }
}
