import GRDB
import TunetDomain
import TunetStorage

/// Reads stored attendance days with SQLite's C API, the counterpart of `AttendanceRowWriter`: an
/// upload reads back every stored day its file may replace, and GRDB's rows (a boxed value per
/// column, a string for each date and status) were an eighth of its work (BENCHMARKS.md).
struct AttendanceRowReader {
    /// The columns `read` expects, in this order.
    static let columns = """
        placement_id, date, status, hours_tenths, transport_trips, extra_day, day_price_ore, transport_ore, planned_cost_ore, submission_id
        """

    /// Steps `statement` (selecting `columns`) to its end; days of placements without a code in
    /// `participants` are not wanted.
    func read(_ statement: Statement, participants: [Int64: ParticipantCode], into result: inout [StoredAttendance]) throws {
        try statement.step(table: "attendance") { row in
            let placementId = row.int64(0)
            guard let participant = participants[placementId] else { return }
            guard let date = row.bytes(1, LocalDate.init(isoBytes:)) else { throw row.damaged("date", 1) }
            guard let status = row.bytes(2, AttendanceStatus.init(storedBytes:)) else { throw row.damaged("status", 2) }
            let entry = AttendanceEntry(placementId: placementId, participant: participant, date: date, status: status,
                                        hoursTenths: row.integer(3), transportTrips: row.integer(4),
                                        extraDay: row.int64(5) != 0)
            result.append(StoredAttendance(entry: entry, dayPrice: Money(ore: row.int64(6)), transport: Money(ore: row.int64(7)),
                                           plannedCost: Money(ore: row.int64(8)), submissionId: row.int64(9)))
        }
    }
}
