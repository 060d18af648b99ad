import Foundation
import Testing
@testable import TunetApp

/// Lia gård's P-2026-0101 is planned on Mondays: 4, 11 and 18 May 2026 (25 May is Whit Monday).
@Suite("A partly filled file sent to the service")
struct PartialUploadTests {
    @Test("Rows left without a status are counted in rows_left_empty and stay missing; the reported row is stored (201)")
    func partialUpload() async throws {
        let service = try await RunningService()
        let partial = Data("orgnr;deltaker;dato;status;timer\n974760673;P-2026-0101;04.05.2026;M;5\n974760673;P-2026-0101;11.05.2026;;\n974760673;P-2026-0101;18.05.2026;;\n".utf8)
        let created = try await service.request("POST", "/v1/attendance?filename=mai.csv", token: service.lia, body: partial)
        #expect(created.status == 201, "\(String(decoding: created.data, as: UTF8.self))")
        let report = try service.json(created.data)
        #expect(report["rows"] as? Int == 1)
        #expect(report["new"] as? Int == 1)
        #expect(report["rows_left_empty"] as? Int == 2)
        let lia = try AttendanceOverviewDesk(service.context).status(month: "2026-05").first { $0.provider.digits == "974760673" }
        #expect(lia?.plannedDays == 3)
        #expect(lia?.reportedDays == 1)
        #expect(lia?.missingDays == 2)
        await service.stop()
    }

    @Test("A file with every row left empty, or a row with hours and no status, gets 422 and stores nothing")
    func refusedUploads() async throws {
        let service = try await RunningService()
        let empty = Data("orgnr;deltaker;dato;status\n974760673;P-2026-0101;04.05.2026;\n974760673;P-2026-0101;11.05.2026;\n".utf8)
        let nothing = try await service.request("POST", "/v1/attendance", token: service.lia, body: empty)
        #expect(nothing.status == 422)
        let problem = try service.json(nothing.data)
        let problems = problem["problems"] as? [[String: Any]]
        #expect(problems?.first?["field"] as? String == "status")
        #expect(problems?.first?["reason"] as? String
            == "ingen rad har oppmøte fylt ut (2 tomme rader), så filen rapporterer ingenting og ingenting ble endret; fyll inn M, FM, FU eller AT for dagene som skal rapporteres")
        let halfFilled = Data("orgnr;deltaker;dato;status;timer\n974760673;P-2026-0101;04.05.2026;;5\n".utf8)
        let refused = try await service.request("POST", "/v1/attendance", token: service.lia, body: halfFilled, headers: ["Accept-Language": "en"])
        #expect(refused.status == 422)
        let row = (try service.json(refused.data)["problems"] as? [[String: Any]])?.first
        #expect(row?["row"] as? Int == 2)
        #expect(row?["field"] as? String == "status")
        #expect((row?["reason"] as? String)?.contains("the row has hours filled in") == true)
        #expect(try service.attendanceCount() == 0)
        await service.stop()
    }
}
