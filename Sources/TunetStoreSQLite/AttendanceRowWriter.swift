import GRDB
import GRDBSQLite
import TunetDomain
import TunetStorage

/// Writes priced attendance days through prepared statements that insert many rows each, binding
/// every value with SQLite's C API. GRDB's `execute(arguments:)` boxes ten values per row into an
/// argument array first, which was a third of the write time of a national import; and a statement
/// per row paid SQLite's per-statement work (a statement journal for the foreign keys, opening and
/// closing cursors) two thousand times for an upload that held the writer (BENCHMARKS.md).
struct AttendanceRowWriter {
    /// 64 rows of 10 values stay under the 999 variables older SQLite builds allow in one statement.
    static let rowsPerStatement = 64
    private static let columns = 10

    private let db: Database
    private let many: Statement
    private let one: Statement

    /// - Parameter replacing: whether some rows replace stored days; when none do (the caller compared
    ///   them with the stored days in this transaction), a plain insert skips the conflict check, and a
    ///   day stored after all fails the transaction instead of being overwritten.
    init(_ db: Database, replacing: Bool) throws {
        self.db = db
        // Cached on the connection: the writer prepares each once, not once per upload.
        many = try db.cachedStatement(sql: Self.insert(rows: Self.rowsPerStatement, replacing: replacing))
        one = try db.cachedStatement(sql: Self.insert(rows: 1, replacing: replacing))
    }

    private static func insert(rows: Int, replacing: Bool) -> String {
        let values = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
        let insert = """
            INSERT INTO attendance (placement_id, date, status, hours_tenths, transport_trips, extra_day, day_price_ore, transport_ore,
                                    planned_cost_ore, submission_id)
            VALUES \(values)
            """
        guard replacing else { return insert }
        return insert + """

            ON CONFLICT(placement_id, date) DO UPDATE SET status = excluded.status, hours_tenths = excluded.hours_tenths,
                transport_trips = excluded.transport_trips, extra_day = excluded.extra_day, day_price_ore = excluded.day_price_ore,
                transport_ore = excluded.transport_ore, planned_cost_ore = excluded.planned_cost_ore, submission_id = excluded.submission_id
            """
    }

    /// Writes in primary-key order, so that SQLite appends to its pages instead of splitting them.
    /// Refused, with nothing written, when `submission` does not exist.
    func write(_ rows: [StoredAttendance], submission: Int64) throws {
        guard !rows.isEmpty else { return }
        try checkExists(submission)
        // A plan's rows are usually in this order already; sorting copied them all.
        let ordered = rows.inDayOrder()
        // A statement's dates are written into this buffer and bound where they lie; SQLite reads them
        // during the step, and the bindings are cleared before the buffer goes.
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.rowsPerStatement * LocalDate.isoLength) { dates in
            defer {
                for statement in [many, one] {
                    sqlite3_reset(statement.sqliteStatement)
                    sqlite3_clear_bindings(statement.sqliteStatement)
                }
            }
            var start = 0
            while start < ordered.count {
                let statement = ordered.count - start >= Self.rowsPerStatement ? many : one
                let count = statement === many ? Self.rowsPerStatement : 1
                let handle = statement.sqliteStatement
                sqlite3_reset(handle)
                var result = SQLITE_OK
                for offset in 0..<count {
                    result |= bind(ordered[start + offset], submission: submission, from: Int32(offset * Self.columns), to: handle,
                                   dates: dates, dateAt: offset * LocalDate.isoLength)
                }
                // SQLITE_OK is 0, so any failed bind leaves a bit set.
                if result != SQLITE_OK { try fail(sqlite3_errcode(db.sqliteConnection), statement) }
                let step = sqlite3_step(handle)
                if step != SQLITE_DONE { try fail(step, statement) }
                start += count
            }
        }
    }

    /// Binds one row's ten values after the first `base` parameters; its date is written into `dates`
    /// at `dateAt` and bound from there.
    private func bind(_ row: StoredAttendance, submission: Int64, from base: Int32, to handle: OpaquePointer?,
                      dates: UnsafeMutableBufferPointer<UInt8>, dateAt: Int) -> Int32 {
        let entry = row.entry
        var result = sqlite3_bind_int64(handle, base + 1, entry.placementId)
        if entry.date.writeISO(into: dates, at: dateAt) {
            result |= sqlite3_bind_text(handle, base + 2, UnsafeRawPointer(dates.baseAddress! + dateAt).assumingMemoryBound(to: CChar.self),
                                        Int32(LocalDate.isoLength), readWhereItLies)
        } else {
            result |= bindText(entry.date.iso, at: base + 2, to: handle)
        }
        let status = entry.status.storedName
        result |= sqlite3_bind_text(handle, base + 3, UnsafeRawPointer(status.utf8Start).assumingMemoryBound(to: CChar.self),
                                    Int32(status.utf8CodeUnitCount), readWhereItLies)
        result |= bindInteger(entry.hoursTenths, at: base + 4, to: handle)
        result |= bindInteger(entry.transportTrips, at: base + 5, to: handle)
        result |= sqlite3_bind_int64(handle, base + 6, entry.extraDay ? 1 : 0)
        result |= sqlite3_bind_int64(handle, base + 7, row.dayPrice.ore)
        result |= sqlite3_bind_int64(handle, base + 8, row.transport.ore)
        result |= sqlite3_bind_int64(handle, base + 9, row.plannedCost.ore)
        result |= sqlite3_bind_int64(handle, base + 10, submission)
        return result
    }

    /// A status as it is stored (its raw value), in memory that lasts as long as the program, so that
    /// SQLite may read it where it lies instead of copying it for every row.

    private func bindInteger(_ value: Int?, at index: Int32, to handle: OpaquePointer?) -> Int32 {
        guard let value else { return sqlite3_bind_null(handle, index) }
        return sqlite3_bind_int64(handle, index, Int64(value))
    }

    /// Every day of a write names this one submission: it is looked up once, where a foreign key looked
    /// it up for every day (Schema, v23).
    private func checkExists(_ submission: Int64) throws {
        let sql = "SELECT EXISTS (SELECT 1 FROM attendance_submission WHERE id = ?)"
        guard try Bool.fetchOne(try db.cachedStatement(sql: sql), arguments: [submission]) == true else {
            throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                                message: "reported days name submission \(submission), which does not exist", sql: sql)
        }
    }

    private func fail(_ code: Int32, _ statement: Statement) throws -> Never {
        let error = DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                  sql: statement.sql)
        // A cached statement must not keep a failed step's state or its bound values for the next writer.
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
        throw error
    }
}

/// SQLite reads a value bound with this destructor (none) where it lies, which must outlast the binding.
private let readWhereItLies: sqlite3_destructor_type? = nil
