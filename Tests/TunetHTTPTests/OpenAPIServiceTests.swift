import Foundation
import Testing
import TunetApp
import TunetDomain
@testable import TunetHTTP

/// The service and its OpenAPI document agree: it serves the document as Contracts/openapi.yaml holds it,
/// answers an undeclared method with 405 and `Allow`, refuses a parameter exactly where the document's
/// schema does, and shows a leader the document as a reference page.
@Suite("The service serves its OpenAPI document and keeps to it")
struct OpenAPIServiceTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Contracts/openapi.yaml")

    @Test("The compiled-in document is Contracts/openapi.yaml byte for byte (else run scripts/embed-openapi), and it reads")
    func embeddedIsTheFile() throws {
        let file = try Data(contentsOf: Self.document)
        #expect(Data(OpenAPIDocument.bytes) == file, "Contracts/openapi.yaml changed: run bash scripts/embed-openapi")
        let contract = try APIContract.load()
        #expect(contract.operations.count == TunetServer.routes.count)
        let month = try #require(contract.operations.first { $0.path == "/v1/team/attendance" }?.parameters.first { $0.name == "month" })
        #expect(month.required && month.refusal("2026-10") == nil)
        for wrong in ["", "2026-13", "2026-1", "2026M10", " 2026-10", "2026-10\n", "٢٠٢٦-١٠"] { #expect(month.refusal(wrong) != nil, "\(wrong)") }
    }

    @Test("The document's municipalities are the numbers Tunet takes, and its report names the catalogue's")
    func enumsAreTunets() throws {
        let contract = try APIContract.load()
        let municipality = try #require(contract.operations.first { $0.path == "/v1/team/placements" }?.parameters.first { $0.name == "municipality" })
        #expect(municipality.values == Municipality.all.map(\.number))
        let name = try #require(contract.operations.first { $0.path == "/v1/reports/{name}" }?.parameters.first { $0.name == "name" })
        #expect(name.values == (try ReportCatalogue.load()).reports.map(\.name))
    }

    @Test("GET /openapi.yaml: the same bytes, application/yaml, cacheable with an ETag (304 when unchanged), no token needed; HEAD too")
    func servesTheDocument() async throws {
        let service = try await DemoService()
        let answer = try await send("GET", "/openapi.yaml", to: service.base, body: nil)
        #expect(answer.status == 200)
        #expect(answer.data == (try Data(contentsOf: Self.document)))
        #expect((answer.headers["Content-Type"] as? String) == "application/yaml; charset=utf-8")
        #expect((answer.headers["Cache-Control"] as? String) == "public, max-age=300")
        let tag = try #require(answer.headers["Etag"] as? String ?? answer.headers["ETag"] as? String)
        let again = try await send("GET", "/openapi.yaml", to: service.base, body: nil, headers: ["If-None-Match": tag])
        #expect(again.status == 304 && again.data.isEmpty)
        let head = try await send("HEAD", "/openapi.yaml", to: service.base, body: nil)
        #expect(head.status == 200 && head.data.isEmpty)
    }

    @Test("An undeclared method on a declared path is 405 with Allow and a problem document, in bokmål or English; on a page too")
    func methodNotAllowed() async throws {
        let service = try await DemoService()
        let delete = try await send("DELETE", "/v1/placements", to: service.base, token: service.lia, body: nil)
        #expect(delete.status == 405)
        #expect((delete.headers["Allow"] as? String) == "GET, HEAD")
        #expect((delete.headers["Content-Type"] as? String) == "application/problem+json")
        let problem = try #require(try JSONSerialization.jsonObject(with: delete.data) as? [String: Any])
        #expect(problem["type"] as? String == "https://tunet.example/problems/methodNotAllowed")
        #expect(problem["detail"] as? String == "DELETE brukes ikke på denne adressen; den tar imot GET, HEAD.")
        let english = try await send("PUT", "/v1/invoices", to: service.base, body: Data("x".utf8), headers: ["Accept-Language": "en"])
        #expect(english.status == 405 && (english.headers["Allow"] as? String) == "GET, HEAD, POST")
        #expect(String(decoding: english.data, as: UTF8.self).contains("PUT is not used at this address"))
        let task = try await send("GET", "/v1/team/tasks/1/start", to: service.base, token: service.kongsbergTeam, body: nil)
        #expect(task.status == 405 && (task.headers["Allow"] as? String) == "POST")
        let page = try await send("POST", "/leder", to: service.base, body: Data(), type: "application/x-www-form-urlencoded")
        #expect(page.status == 405 && (page.headers["Allow"] as? String) == "GET, HEAD")
        #expect((page.headers["Content-Type"] as? String)?.hasPrefix("text/html") == true)
        #expect(try await send("GET", "/v1/nothing-here", to: service.base, token: service.lia, body: nil).status == 404)
    }

    @Test("A query parameter the document refuses is 422 naming it (an empty or malformed month, a municipality, a boolean); a path value it refuses is 404")
    func parametersRefused() async throws {
        let service = try await DemoService()
        for query in ["month=", "month=2026-13", "month=2026-1", "month=%202026-10"] {
            let answer = try await service.request("GET", "/v1/team/attendance?\(query)", token: service.kongsbergTeam)
            #expect(answer.status == 422, "\(query)")
            let problem = try #require(try JSONSerialization.jsonObject(with: answer.data) as? [String: Any])
            #expect((problem["problems"] as? [[String: Any]])?.first?["field"] as? String == "month", "\(query)")
        }
        #expect(try await service.request("GET", "/v1/team/attendance", token: service.kongsbergTeam).status == 422)
        #expect(try await service.request("GET", "/v1/team/attendance?month=2026-10", token: service.kongsbergTeam).status == 200)
        #expect(try await service.request("GET", "/v1/attendance/template?month=", token: service.lia).status == 422)
        #expect(try await service.request("GET", "/v1/team/placements?municipality=33", token: service.kongsbergTeam).status == 422)
        #expect(try await service.request("GET", "/v1/team/placements?names=ja", token: service.kongsbergTeam).status == 422)
        #expect(try await service.request("GET", "/v1/reports/providers?month=2026-10&lang=se", token: service.kongsbergLeader).status == 422)
        // A path the document does not have is not found, as before: an unknown report, a task number that is no number.
        #expect(try await service.request("GET", "/v1/reports/unknown", token: service.kongsbergLeader).status == 404)
        #expect(try await service.request("POST", "/v1/team/tasks/one/start", token: service.kongsbergTeam).status == 404)
    }

    @Test("A leader reads the reference page, written from the document, in bokmål or English; a farm may not")
    func referencePage() async throws {
        let service = try await DemoService()
        let leader = PageBrowser(service.base)
        try await leader.signIn(service.kongsbergLeader)
        let page = try await leader.get("/leder/api")
        #expect(page.status == 200)
        for text in ["<h1>API-referanse</h1>", "<code>GET /v1/team/attendance</code>", "^[1-9][0-9]{3}-(0[1-9]|1[0-2])$", "application/problem+json",
                     "text/csv", "application/xml", "href=\"/openapi.yaml\"", "aria-current=\"page\""] {
            #expect(page.html.contains(text), "\(text)")
        }
        #expect(page.html.contains("<code>POST /v1/team/tasks/{id}/assign</code>"))
        let english = try await leader.get("/leder/api?lang=en")
        #expect(english.html.contains("<h1>API reference</h1>") && english.html.contains("<html lang=\"en\">"))
        let farm = PageBrowser(service.base)
        try await farm.signIn(service.lia)
        #expect(try await farm.get("/leder/api").status == 403)
        #expect(try await PageBrowser(service.base).get("/leder/api").status == 303)
    }
}
