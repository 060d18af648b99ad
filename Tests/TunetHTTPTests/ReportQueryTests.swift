import Foundation
import Testing
@testable import TunetApp

@Suite("Catalogue reports by query, read as the command line reads its options")
struct ReportQueryTests {
    @Test("The invoice basis for one farm and month comes as a workbook; a language Tunet does not have is a 422 naming `lang`")
    func invoiceBasisAndLanguage() async throws {
        let service = try await RunningService()
        #expect(try await service.request("POST", "/v1/attendance?filename=mai.csv", token: service.lia, body: mayCSV).status == 201)
        let basis = try await service.request("GET", "/v1/reports/invoice-basis?provider=974760673&month=2026-05", token: service.leader)
        #expect(basis.status == 200)
        #expect(basis.data.starts(with: [0x50, 0x4B, 0x03, 0x04]))

        let swedish = try await service.request("GET", "/v1/reports/providers?lang=se", token: service.leader, headers: ["Accept-Language": "en"])
        #expect(swedish.status == 422)
        let problem = try #require((try service.json(swedish.data)["problems"] as? [[String: Any]])?.first)
        #expect(problem["field"] as? String == "lang")
        #expect(problem["reason"] as? String == "'se' is not one of nb, en")

        let notTaken = try await service.request("GET", "/v1/reports/providers?provider=974760673", token: service.leader)
        #expect(notTaken.status == 422)
        let both = try await service.request("GET", "/v1/reports/audit?month=2026-05&from=2026-05-02", token: service.leader)
        #expect(both.status == 422)
        await service.stop()
    }
}
