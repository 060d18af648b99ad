import Foundation
import Testing
@testable import TunetHTTP
import TunetTestSupport

/// Lia gård's Mondays in May 2026 (4, 11 and 18 May at 1 000,00 a day) reported over the service, then its
/// EHF invoice sent with the farm's own token.
@Suite("A farm sends its EHF invoice to the service and is answered with the check")
struct InvoiceServiceTests {
    static let may = Data("orgnr;deltaker;dato;status\n974760673;P-2026-0101;04.05.2026;M\n974760673;P-2026-0101;11.05.2026;M\n974760673;P-2026-0101;18.05.2026;M\n".utf8)

    static var invoice: EHFTestInvoice {
        var invoice = EHFTestInvoice()
        invoice.number = "M-5"
        invoice.issueDate = "2026-06-01"
        invoice.period = ("2026-05-01", "2026-05-20")
        invoice.lines = [.init(id: "1", quantity: "3", price: "1000", itemName: "Inn på tunet, dag", sellersItemId: "full_day")]
        return invoice
    }

    func reported() async throws -> RunningService {
        let service = try await RunningService()
        let upload = try await service.request("POST", "/v1/attendance?filename=mai.csv", token: service.lia, body: Self.may)
        #expect(upload.status == 201, "\(String(decoding: upload.data, as: UTF8.self))")
        return service
    }

    @Test("201 with the check when it is recorded; the same invoice again 200 with the earlier check, nothing recorded; the farm lists its own")
    func checked() async throws {
        let service = try await reported()
        let body = Data(Self.invoice.xml.utf8)
        let first = try await service.request("POST", "/v1/invoices?filename=m-5.xml", token: service.lia, body: body, type: "application/xml")
        #expect(first.status == 201, "\(String(decoding: first.data, as: UTF8.self))")
        let answer = try service.json(first.data)
        #expect(answer["matches"] as? Bool == true)
        #expect(answer["recorded"] as? Bool == true)
        #expect((answer["invoice"] as? [String: Any])?["expected_total_ore"] as? Int == 300_000)

        let again = try await service.request("POST", "/v1/invoices", token: service.lia, body: body, type: "application/xml")
        #expect(again.status == 200)
        let repeated = try service.json(again.data)
        #expect(repeated["recorded"] as? Bool == false)
        #expect(((repeated["invoice"] as? [String: Any])?["differences"] as? [[String: Any]])?.first?["kind"] as? String == "already_checked")

        let listed = try await service.request("GET", "/v1/invoices", token: service.lia)
        #expect(listed.status == 200)
        #expect((try JSONSerialization.jsonObject(with: listed.data) as? [[String: Any]])?.count == 1)
        let others = try await service.request("GET", "/v1/invoices", token: service.haugen)
        #expect((try JSONSerialization.jsonObject(with: others.data) as? [[String: Any]])?.count == 0, "a farm sees only its own")
    }

    @Test("Another farm's invoice is refused 403 in bokmål; declarations 422, a wrong media type 415, a body over the limit 413; nothing is recorded")
    func refused() async throws {
        let service = try await reported()
        let foreign = try await service.request("POST", "/v1/invoices", token: service.haugen, body: Data(Self.invoice.xml.utf8), type: "application/xml")
        #expect(foreign.status == 403)
        #expect(try service.json(foreign.data)["detail"] as? String == "Fakturaen er fra 974 760 673; en gård kan bare sende inn sine egne fakturaer.")

        let elsewhere = try await service.request("POST", "/v1/invoices?municipality=0301", token: service.lia, body: Data(Self.invoice.xml.utf8),
                                                  type: "application/xml")
        #expect(elsewhere.status == 422, "a farm cannot send an invoice to a municipality it does not serve (it would raise a task there)")

        let entity = Data("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"a\">]><Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>".utf8)
        let declared = try await service.request("POST", "/v1/invoices", token: service.lia, body: entity, type: "application/xml")
        #expect(declared.status == 422, "\(String(decoding: declared.data, as: UTF8.self))")
        let csv = try await service.request("POST", "/v1/invoices", token: service.lia, body: Self.may, type: "text/csv")
        #expect(csv.status == 415)
        let huge = Data(repeating: 0x20, count: 10 * 1024 * 1024 + 1)
        let tooLarge = try await service.request("POST", "/v1/invoices", token: service.lia, body: huge, type: "application/xml")
        #expect(tooLarge.status == 413)
        let listed = try await service.request("GET", "/v1/invoices", token: service.lia)
        #expect((try JSONSerialization.jsonObject(with: listed.data) as? [[String: Any]])?.isEmpty == true)
        let leader = try await service.request("POST", "/v1/invoices", token: service.leader, body: Data(Self.invoice.xml.utf8), type: "application/xml")
        #expect(leader.status == 403, "the service takes invoices from farms; the work team checks with `tunet invoice check`")
    }

    @Test("409 with a problem document in bokmål, as the contract declares, for a credit note of an invoice not checked; nothing is recorded")
    func conflict() async throws {
        let service = try await reported()
        var credit = Self.invoice
        credit.creditNote = true
        credit.number = "K-1"
        credit.creditedInvoice = "M-4"
        let answer = try await service.request("POST", "/v1/invoices", token: service.lia, body: Data(credit.xml.utf8), type: "application/xml")
        #expect(answer.status == 409, "\(String(decoding: answer.data, as: UTF8.self))")
        #expect((answer.headers["Content-Type"] as? String)?.hasPrefix("application/problem+json") == true, "\(answer.headers)")
        let problem = try service.json(answer.data)
        #expect(problem["status"] as? Int == 409)
        #expect(problem["detail"] as? String == "Kreditnotaen krediterer faktura M-4, som ikke er kontrollert i Tunet; kontroller fakturaen først.")
        let listed = try await service.request("GET", "/v1/invoices", token: service.lia)
        #expect((try JSONSerialization.jsonObject(with: listed.data) as? [[String: Any]])?.isEmpty == true)

        let send = try #require(try APIContract.load().operations.first { $0.method == "POST" && $0.path == "/v1/invoices" })
        let declared = try #require(send.answers.first { $0.status == "409" })
        #expect(declared.mediaTypes == ["application/problem+json"])
    }
}
