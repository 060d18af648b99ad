import GRDB
import GRDBSQLite
import TunetDomain
import TunetStorage

/// Writes priced attendance days through prepared statements that insert many rows each, binding
/// every value with SQLite's C API. GRDB's `execute(arguments:)` boxes ten values per row into an
/// argument array first, which was a third of the write time of a national import; and a statement
/// per row paid SQLite's per-statement work (a statement journal, opening and closing cursors) two
/// thousand times for an upload that held the writer (BENCHMARKS.md).
///
/// The placement and the submission a write's days name are looked up once per write, not by foreign
/// keys for every day (Schema, v23 and v25). A day that replaces a stored one is then written by
/// `INSERT OR REPLACE`, one step in the table where an upsert took two: the day's key is the table's
/// only unique key, nothing references a day and no trigger watches its removal, and every column is
/// written, so replacing the row is the same as updating it.
struct AttendanceRowWriter {
    private static let columns = 10

    private let db: Database
    /// Statements for 256 (or as many as the build's limit of variables allows), 16 and 1 rows: a write
    /// is taken in as few steps as its count allows.
    private let statements: [(rows: Int, statement: Statement)]

    /// - Parameter replacing: whether some rows replace stored days; when none do (the caller compared
    ///   them with the stored days in this transaction), a plain insert skips the conflict check, and a
    ///   day stored after all fails the transaction instead of being overwritten.
    init(_ db: Database, replacing: Bool) throws {
        self.db = db
        // Cached on the connection: the writer prepares each once, not once per upload.
        statements = try Self.rowsPerStatement(db.sqliteConnection).map { rows in
            (rows, try db.cachedStatement(sql: Self.insert(rows: rows, replacing: replacing)))
        }
    }

    /// 256, 16 and 1, or fewer rows where the build allows fewer variables (999 in builds before 3.32).
    static func rowsPerStatement(_ connection: OpaquePointer?) -> [Int] {
        // One row at least: a build that allows fewer than its ten values refuses that statement with its own error.
        let most = max(1, min(256, Int(sqlite3_limit(connection, SQLITE_LIMIT_VARIABLE_NUMBER, -1)) / columns))
        return [most, 16, 1].filter { $0 <= most }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    private static func insert(rows: Int, replacing: Bool) -> String {
        let values = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
        return """
            INSERT \(replacing ? "OR REPLACE " : "")INTO attendance (placement_id, date, status, hours_tenths, transport_trips, extra_day,
                day_price_ore, transport_ore, planned_cost_ore, submission_id)
            VALUES \(values)
            """
    }

    /// Writes in primary-key order, so that SQLite appends to its pages instead of splitting them.
    /// Refused, with nothing written, when `submission` or a day's placement does not exist.
    func write(_ rows: [StoredAttendance], submission: Int64) throws {
        guard !rows.isEmpty else { return }
        try checkExists(submission)
        // A plan's rows are usually in this order already; sorting copied them all.
        let ordered = rows.inDayOrder()
        try checkPlacementsExist(ordered)
        let largest = statements[0].rows
        // A statement's dates are written into this buffer and bound where they lie; SQLite reads them
        // during the step, and the bindings are cleared before the buffer goes.
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: largest * LocalDate.isoLength) { dates in
            defer {
                for (_, statement) in statements {
                    sqlite3_reset(statement.sqliteStatement)
                    sqlite3_clear_bindings(statement.sqliteStatement)
                }
            }
            var start = 0
            while start < ordered.count {
                let (count, statement) = statements.first { $0.rows <= ordered.count - start }!
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

    /// Each placement the days name, looked up once (Schema, v25): a farm's file names some dozens, a
    /// national year 10,000, where a foreign key looked one up for each of their days.
    private func checkPlacementsExist(_ ordered: [StoredAttendance]) throws {
        let sql = "SELECT EXISTS (SELECT 1 FROM placement WHERE id = ?)"
        let statement = try db.cachedStatement(sql: sql)
        var checked: Int64?
        for row in ordered where row.entry.placementId != checked {
            let placement = row.entry.placementId
            guard try Bool.fetchOne(statement, arguments: [placement]) == true else {
                throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                                    message: "reported days name placement \(placement), which does not exist", sql: sql)
            }
            checked = placement
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
