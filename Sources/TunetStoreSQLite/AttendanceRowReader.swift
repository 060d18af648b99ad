import GRDB
import GRDBSQLite
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

    let db: Database

    /// Steps `statement` (selecting `columns`) to its end; days of placements without a code in
    /// `participants` are not wanted.
    func read(_ statement: Statement, participants: [Int64: ParticipantCode], into result: inout [StoredAttendance]) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let step = sqlite3_step(handle)
            if step == SQLITE_DONE { return }
            guard step == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: step), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                    sql: statement.sql)
            }
            let placementId = sqlite3_column_int64(handle, 0)
            guard let participant = participants[placementId] else { continue }
            guard let date = text(handle, 1, LocalDate.init(isoBytes:)) else { throw damaged("date", handle, 1) }
            guard let status = text(handle, 2, AttendanceStatus.init(storedBytes:)) else { throw damaged("status", handle, 2) }
            let entry = AttendanceEntry(placementId: placementId, participant: participant, date: date, status: status,
                                        hoursTenths: integer(handle, 3), transportTrips: integer(handle, 4),
                                        extraDay: sqlite3_column_int64(handle, 5) != 0)
            result.append(StoredAttendance(entry: entry, dayPrice: Money(ore: sqlite3_column_int64(handle, 6)),
                                           transport: Money(ore: sqlite3_column_int64(handle, 7)),
                                           plannedCost: Money(ore: sqlite3_column_int64(handle, 8)),
                                           submissionId: sqlite3_column_int64(handle, 9)))
        }
    }

    private func text<Value>(_ handle: OpaquePointer?, _ column: Int32, _ decode: (UnsafeBufferPointer<UInt8>) -> Value?) -> Value? {
        guard let start = sqlite3_column_text(handle, column) else { return nil }
        return decode(UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column))))
    }

    private func integer(_ handle: OpaquePointer?, _ column: Int32) -> Int? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, column))
    }

    private func damaged(_ column: String, _ handle: OpaquePointer?, _ index: Int32) -> TunetError {
        let value = sqlite3_column_text(handle, index).map { String(cString: $0) }
        return .incompatibleDatabase(value.map { Message("files.store.unknown_value", ["column": .text("attendance.\(column)"), "value": .text($0)]) }
            ?? Message("files.store.empty_value", ["column": .text("attendance.\(column)")]))
    }
}
