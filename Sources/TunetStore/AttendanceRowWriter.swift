import GRDB
import GRDBSQLite
import TunetDomain

/// Writes priced attendance days through one prepared statement, binding each value with SQLite's
/// C API. GRDB's `execute(arguments:)` boxes ten values per row into an argument array first, which
/// was a third of the write time of a national import (BENCHMARKS.md).
struct AttendanceRowWriter {
    private let db: Database
    private let statement: Statement

    /// - Parameter replacing: whether some rows replace stored days; when none do (the caller compared
    ///   them with the stored days in this transaction), a plain insert skips the conflict check, and a
    ///   day stored after all fails the transaction instead of being overwritten.
    init(_ db: Database, replacing: Bool) throws {
        self.db = db
        let insert = """
            INSERT INTO attendance (placement_id, date, status, hours_tenths, transport_trips, extra_day, day_price_ore, transport_ore,
                                    planned_cost_ore, submission_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        statement = try db.makeStatement(sql: replacing ? insert + """

            ON CONFLICT(placement_id, date) DO UPDATE SET status = excluded.status, hours_tenths = excluded.hours_tenths,
                transport_trips = excluded.transport_trips, extra_day = excluded.extra_day, day_price_ore = excluded.day_price_ore,
                transport_ore = excluded.transport_ore, planned_cost_ore = excluded.planned_cost_ore, submission_id = excluded.submission_id
            """ : insert)
    }

    /// Writes in primary-key order, so that SQLite appends to its pages instead of splitting them.
    func write(_ rows: [StoredAttendance], submission: Int64) throws {
        let handle = statement.sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        let ordered = rows.sorted { ($0.entry.placementId, $0.entry.date) < ($1.entry.placementId, $1.entry.date) }
        for row in ordered {
            let entry = row.entry
            sqlite3_reset(handle)
            var result = sqlite3_bind_int64(handle, 1, entry.placementId)
            result |= bindText(entry.date.iso, at: 2)
            result |= bindText(entry.status.rawValue, at: 3)
            result |= bindInteger(entry.hoursTenths, at: 4)
            result |= bindInteger(entry.transportTrips, at: 5)
            result |= sqlite3_bind_int64(handle, 6, entry.extraDay ? 1 : 0)
            result |= sqlite3_bind_int64(handle, 7, row.dayPrice.ore)
            result |= sqlite3_bind_int64(handle, 8, row.transport.ore)
            result |= sqlite3_bind_int64(handle, 9, row.plannedCost.ore)
            result |= sqlite3_bind_int64(handle, 10, submission)
            // SQLITE_OK is 0, so any failed bind leaves a bit set.
            if result != SQLITE_OK { try fail(sqlite3_errcode(db.sqliteConnection)) }
            let step = sqlite3_step(handle)
            if step != SQLITE_DONE { try fail(step) }
        }
    }

    private func bindText(_ text: String, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { utf8 in
            sqlite3_bind_text(statement.sqliteStatement, index, utf8.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                              Int32(utf8.count), transient)
        }
    }

    private func bindInteger(_ value: Int?, at index: Int32) -> Int32 {
        guard let value else { return sqlite3_bind_null(statement.sqliteStatement, index) }
        return sqlite3_bind_int64(statement.sqliteStatement, index, Int64(value))
    }

    private func fail(_ code: Int32) throws -> Never {
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
    }
}

/// SQLite copies a value bound with this destructor, so the Swift string may go away at once.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
