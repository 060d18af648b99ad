import Foundation
import Testing
import TunetHTTP

@Suite("The Authorization header as clients write it")
struct AuthorizationSchemeTests {
    @Test("The Bearer scheme is read whatever its case: bearer and BEARER are accepted, another scheme is not")
    func bearerInAnyCase() async throws {
        let service = try await RunningService()
        for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
            let answer = try await service.request("GET", "/v1/placements", headers: ["Authorization": "\(scheme) \(service.lia)"])
            #expect(answer.status == 200, "\(scheme)")
        }
        #expect(try await service.request("GET", "/v1/placements", headers: ["Authorization": "Basic \(service.lia)"]).status == 401)
        #expect(try await service.request("GET", "/v1/placements", headers: ["Authorization": "Bearer"]).status == 401)
        await service.stop()
    }
}
