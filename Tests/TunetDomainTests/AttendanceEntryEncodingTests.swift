import Foundation
import Testing
@testable import TunetDomain

/// A reported day's JSON text must not change with how it is written.
@Suite("A reported day as JSON")
struct AttendanceEntryEncodingTests {
    private func json(_ entry: AttendanceEntry) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entry), as: UTF8.self)
    }

    @Test("its fields by their snake-case names, the code, date and status as text, hours and trips left out when not reported")
    func encodesAsBefore() throws {
        let day = try #require(LocalDate(year: 2026, month: 3, day: 2))
        let code = ParticipantCode(stored: "P-2026-0001")
        let full = AttendanceEntry(placementId: 7, participant: code, date: day, status: .absentWithNotice, hoursTenths: 45, transportTrips: 2,
                                   extraDay: true)
        #expect(try json(full) == #"{"date":"2026-03-02","extra_day":true,"hours_tenths":45,"participant":"P-2026-0001","placement_id":7,"status":"absent_with_notice","transport_trips":2}"#)
        let bare = AttendanceEntry(placementId: 7, participant: code, date: day, status: .present, hoursTenths: nil, transportTrips: nil,
                                   extraDay: false)
        #expect(try json(bare) == #"{"date":"2026-03-02","extra_day":false,"participant":"P-2026-0001","placement_id":7,"status":"present"}"#)
        #expect(try JSONDecoder().decode(AttendanceEntry.self, from: Data(json(full).utf8)) == full)
    }
}
