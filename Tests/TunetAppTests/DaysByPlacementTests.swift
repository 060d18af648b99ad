import Testing
@testable import TunetApp
import TunetDomain

/// The invoice basis looks a month's days up by placement (`DaysByPlacement`): the same days as grouping
/// them would give, in the order they came, whatever order the store returned them in.
@Suite("A month's days by placement")
struct DaysByPlacementTests {
    static func day(_ placement: Int64, _ date: Int, _ status: AttendanceStatus = .present) -> StoredAttendance {
        StoredAttendance(entry: AttendanceEntry(placementId: placement, participant: ParticipantCode(stored: "P-2025-000\(placement)"),
                                                date: LocalDate(year: 2025, month: 5, day: date)!, status: status, hoursTenths: nil,
                                                transportTrips: nil, extraDay: false),
                         dayPrice: Money(ore: 100 * Int64(date)), transport: .zero, plannedCost: .zero, submissionId: 1)
    }

    @Test("Days in placement order, days in any order and no days at all give each placement exactly its own days, as grouping does",
          arguments: [
              [day(1, 2), day(1, 5), day(2, 2), day(4, 9), day(4, 12)],
              [day(4, 12), day(1, 5), day(2, 2), day(1, 2, .absentWithNotice), day(4, 9)],
              [day(3, 1)],
              [],
          ])
    func sameAsGrouping(days: [StoredAttendance]) {
        let looked = DaysByPlacement(days)
        let grouped = Dictionary(grouping: days, by: \.entry.placementId)
        for placement in Int64(0)...5 {
            #expect(Array(looked[placement]) == (grouped[placement] ?? []), "placement \(placement)")
        }
    }
}
