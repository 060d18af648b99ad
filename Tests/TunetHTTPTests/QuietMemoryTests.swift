import Foundation
import Synchronization
import Testing
@testable import TunetApp
@testable import TunetHTTP

@Suite("The service gives its memory back when it goes quiet")
struct QuietMemoryTests {
    /// Waits, without a deadline that could fail a slow machine before 30 s, until `condition` holds.
    private func eventually(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<600 where !condition() { try await Task.sleep(for: .milliseconds(50)) }
        return condition()
    }

    @Test("Memory is given back once, after the last work of a busy spell, and never while work is running")
    func onceAfterTheLastWork() async throws {
        let released = Mutex(0)
        let quiet = QuietRelease(after: .milliseconds(20)) { released.withLock { $0 += 1 } }
        let running = Mutex(0)
        quiet.working { running.withLock { $0 += 1 } }
        quiet.working {
            // Work that outlasts the quiet period: the release planned when the first work ended must not run.
            Thread.sleep(forTimeInterval: 0.2)
            #expect(released.withLock { $0 } == 0)
        }
        #expect(try await eventually { released.withLock { $0 } == 1 })
        try await Task.sleep(for: .milliseconds(200))
        #expect(released.withLock { $0 } == 1, "a quiet service is not released again and again")
        #expect(quiet.releases == 1)

        quiet.working {}
        #expect(try await eventually { released.withLock { $0 } == 2 }, "work after a release makes the next quiet spell release again")
    }

    @Test("A stopped service gives nothing back any more: its store is about to be closed")
    func nothingAfterStopping() async throws {
        let released = Mutex(0)
        let quiet = QuietRelease(after: .milliseconds(20)) { released.withLock { $0 += 1 } }
        quiet.working {}
        quiet.stop()
        try await Task.sleep(for: .milliseconds(300))
        #expect(released.withLock { $0 } == 0)
    }

    @Test("After going quiet the service has let go of the farms' days, and answers exactly as before")
    func answersAsBefore() async throws {
        let service = try await RunningService { $0.quietPeriod = .milliseconds(100) }
        let first = try await service.request("POST", "/v1/attendance?filename=mai.csv", token: service.lia, body: mayCSV)
        #expect(first.status == 201)
        #expect(try await eventually { service.context.caches.storedDays.size.farms == 0 })

        let again = try await service.request("POST", "/v1/attendance?filename=mai.csv", token: service.lia, body: mayCSV)
        #expect(again.status == 200)
        #expect(try service.json(again.data)["status"] as? String == "unchanged")
        let corrected = Data(String(decoding: mayCSV, as: UTF8.self).replacingOccurrences(of: ";FU\n", with: ";M\n").utf8)
        let changed = try await service.request("POST", "/v1/attendance?filename=mai-rettet.csv", token: service.lia, body: corrected)
        #expect(changed.status == 201)
        let report = try service.json(changed.data)
        #expect(report["changed"] as? Int == 1 && report["unchanged"] as? Int == 1)
        #expect(try service.attendanceCount() == 2)
        let submissions = try await service.request("GET", "/v1/submissions", token: service.lia)
        #expect(submissions.status == 200)
        await service.stop()
    }
}
