import Foundation
import Testing
import TunetHTTP

@Suite("A failure of the service itself is logged with its cause and answered without detail")
struct ServerFaultTests {
    @Test("A template that cannot be written and a report folder that cannot be made: a bare 500 in bokmål, and a log line with the kind and where, no path and no personal data")
    func unwritableTemporaryFolder() async throws {
        let log = CapturedLog()
        // The service's temporary folder is a file: nothing can be written under it.
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-blocker-\(UUID().uuidString)")
        try Data("not a folder".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let service = try await RunningService(log: log) { settings in settings.temporaryFolder = blocker }

        let template = try await service.request("GET", "/v1/attendance/template?month=2026-05", token: service.lia)
        #expect(template.status == 500)
        let document = try service.json(template.data)
        #expect(document["type"] as? String == "https://tunet.example/problems/internalFault")
        #expect(document["title"] as? String == "Intern feil")
        #expect(document["detail"] as? String == "Det oppstod en intern feil; den er logget.")
        let answer = String(decoding: template.data, as: UTF8.self)
        #expect(!answer.contains(blocker.lastPathComponent) && !answer.contains("/tmp") && !answer.contains("tunet-template"), "\(answer)")

        let report = try await service.request("GET", "/v1/reports/providers", token: service.leader)
        #expect(report.status == 500)
        #expect(try service.json(report.data)["detail"] as? String == "Det oppstod en intern feil; den er logget.")
        #expect(!String(decoding: report.data, as: UTF8.self).contains(blocker.lastPathComponent))

        let faults = log.lines.filter { $0.hasPrefix("internal error") }
        #expect(faults.count == 2, "\(log.lines)")
        let templateFault = try #require(faults.first { $0.contains("path=/v1/attendance/template") })
        #expect(templateFault.contains("kind=TunetError.unwritableOutput"), "\(templateFault)")
        #expect(templateFault.contains("at=TunetHTTP/API.swift:"), "\(templateFault)")
        let reportFault = try #require(faults.first { $0.contains("path=/v1/reports/providers") })
        #expect(reportFault.contains("kind=") && reportFault.contains("at=GET /v1/reports/providers"), "\(reportFault)")
        for line in log.lines {
            #expect(!line.contains(blocker.lastPathComponent), "\(line)")
            #expect(!line.contains("P-2026-") && !line.contains("Kari") && !line.contains(service.lia), "\(line)")
        }
        #expect(log.lines.contains { $0.hasPrefix("request") && $0.contains("path=/v1/attendance/template") && $0.contains("status=500") })
        await service.stop()
    }
}
