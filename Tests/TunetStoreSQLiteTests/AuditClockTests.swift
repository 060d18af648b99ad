import Foundation
import Testing
import TunetStorage
@testable import TunetStoreSQLite

@Suite("Audit timestamps")
struct AuditClockTests {
    private func formatted(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    @Test("are ISO 8601 in UTC to the millisecond, as Foundation's formatter writes them, before and after 1970 and across leap days")
    func matchFoundation() {
        let instants: [TimeInterval] = [0, 0.001, 59.999, 86_399.5, 951_782_400.25, 1_709_164_799.999, 1_795_000_000.123, -86_400, -1.5,
                                        4_102_444_800]
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(AuditClock.timestamp(date) == formatted(date), "\(seconds)")
        }
        #expect(AuditClock.timestamp(Date(timeIntervalSince1970: 1_795_000_000.123)) == "2026-11-18T11:06:40.123Z")
    }

    @Test("truncate to the millisecond rather than round up into the next second")
    func truncate() {
        #expect(AuditClock.timestamp(Date(timeIntervalSince1970: 59.9996)) == "1970-01-01T00:00:59.999Z")
    }
}
