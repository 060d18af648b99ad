import Foundation
import Testing
@testable import TunetApp

@Suite("The same file sent twice")
struct RepeatedUploadTests {
    @Test("The second answer is the import report in the first one's shape: 200, status unchanged, the earlier submission named")
    func sameShape() async throws {
        let service = try await RunningService()
        let created = try await service.request("POST", "/v1/attendance?filename=mai.csv", token: service.lia, body: mayCSV)
        #expect(created.status == 201)
        let first = try service.json(created.data)
        #expect(first["status"] as? String == "imported")
        #expect(first["identical_to_submission"] is NSNull)
        let again = try await service.request("POST", "/v1/attendance?filename=mai.csv", token: service.lia, body: mayCSV)
        #expect(again.status == 200)
        let second = try service.json(again.data)
        #expect(Set(second.keys) == Set(first.keys))
        #expect(second["status"] as? String == "unchanged")
        #expect(second["identical_to_submission"] as? Int == first["submission"] as? Int)
        #expect(second["rows"] as? Int == 2 && second["unchanged"] as? Int == 2 && second["new"] as? Int == 0)
        await service.stop()
    }
}
