import NIOCore
import PostgresNIO
import TunetDomain
import TunetStorage

/// Writes priced attendance days, many per statement. New days are held by the transaction and go
/// to the table with the other new days of the transaction in one COPY (`PostgresTransaction.hold`):
/// a national file's 1,100 farms are a few statements, not 1,100. Days that replace stored ones go,
/// when few, as one statement whose columns are bound as arrays (`unnest` turns them back into rows),
/// and when many through COPY into a temporary table of the session, from which one statement
/// inserts or rewrites them: COPY parses no arrays and plans no statement.
struct PostgresAttendanceRows {
    /// Days per statement: the arrays of one batch stay a few hundred kilobytes.
    static let rowsPerStatement = 5000

    /// From this many days, COPY streams them (BENCHMARKS.md, "PostgreSQL").
    static let copiedFrom = 1000

    /// How the days reach the table: a plain insert of arrays, or COPY for many days.
    enum Way {
        case insert
        case copy
    }

    private let transaction: PostgresTransaction
    private let replacing: Bool
    private let way: Way?

    /// - Parameter replacing: whether some rows replace stored days; when none do (the caller compared
    ///   them with the stored days in this transaction), a plain insert skips the conflict check, and a
    ///   day stored after all fails the transaction instead of being overwritten.
    /// - Parameter way: unless a test names it, new days are held for the transaction's next COPY and
    ///   days that replace stored ones take the way their number calls for.
    init(_ transaction: PostgresTransaction, replacing: Bool, way: Way? = nil) {
        self.transaction = transaction
        self.replacing = replacing
        self.way = way
    }

    /// Writes in primary-key order, as the SQLite store does.
    func write(_ rows: [StoredAttendance], submission: Int64) throws {
        var ordered = rows.inDayOrder()
        // SQLite upserts a statement's rows one after another, so of one day given twice the later
        // stays; PostgreSQL refuses to update a row twice in one statement.
        if replacing { ordered = Self.laterOfEachDay(ordered) }
        if !replacing && way == nil {
            return try transaction.hold(ordered, submission: submission)
        }
        if (way ?? (ordered.count >= Self.copiedFrom ? .copy : .insert)) == .copy {
            return try replacing ? staged(ordered, submission: submission) : copy(ordered, into: "attendance", submission: submission)
        }
        var start = 0
        while start < ordered.count {
            let batch = ordered[start..<min(start + Self.rowsPerStatement, ordered.count)]
            try insert(batch, submission: submission)
            start += batch.count
        }
    }

    /// Days that replace stored ones: copied into the session's temporary table, then taken out of it
    /// (it is empty again for the next farm of the transaction) and inserted or rewritten in one statement.
    private func staged(_ ordered: [StoredAttendance], submission: Int64) throws {
        try transaction.rows("""
            CREATE TEMPORARY TABLE IF NOT EXISTS tunet_days_given (
                placement_id bigint NOT NULL, date date NOT NULL, status text NOT NULL, hours_tenths integer, transport_trips integer,
                extra_day boolean NOT NULL, day_price_ore bigint NOT NULL, transport_ore bigint NOT NULL, planned_cost_ore bigint NOT NULL,
                submission_id bigint NOT NULL
            ) ON COMMIT DELETE ROWS
            """)
        try copy(ordered, into: "tunet_days_given", submission: submission)
        try transaction.rows("""
            WITH given AS (DELETE FROM tunet_days_given RETURNING *)
            INSERT INTO attendance (placement_id, date, status, hours_tenths, transport_trips, extra_day, day_price_ore, transport_ore,
                                    planned_cost_ore, submission_id)
            SELECT placement_id, date, status, hours_tenths, transport_trips, extra_day, day_price_ore, transport_ore, planned_cost_ore,
                   submission_id
            FROM given
            \(unescaped: Self.replace)
            """)
    }

    private func insert(_ batch: ArraySlice<StoredAttendance>, submission: Int64) throws {
        // Days go as day numbers and the optional counts as array literals: PostgresNIO binds neither
        // arrays of dates nor arrays with NULLs in them.
        let insert: PostgresQuery = """
            INSERT INTO attendance (placement_id, date, status, hours_tenths, transport_trips, extra_day, day_price_ore, transport_ore,
                                    planned_cost_ore, submission_id)
            SELECT placement_id, DATE '1970-01-01' + day_number, status, hours_tenths, transport_trips, extra_day, day_price_ore, transport_ore,
                   planned_cost_ore, \(submission)
            FROM unnest(\(batch.map(\.entry.placementId))::bigint[], \(batch.map { Int32($0.entry.date.dayNumber) })::integer[],
                        \(batch.map(\.entry.status.rawValue))::text[], \(Self.arrayLiteral(batch.map(\.entry.hoursTenths)))::integer[],
                        \(Self.arrayLiteral(batch.map(\.entry.transportTrips)))::integer[], \(batch.map(\.entry.extraDay))::boolean[],
                        \(batch.map(\.dayPrice.ore))::bigint[], \(batch.map(\.transport.ore))::bigint[], \(batch.map(\.plannedCost.ore))::bigint[])
                 AS given (placement_id, day_number, status, hours_tenths, transport_trips, extra_day, day_price_ore, transport_ore, planned_cost_ore)
            ORDER BY placement_id, day_number
            \(unescaped: replacing ? Self.replace : "")
            """
        try transaction.rows(insert)
    }

    /// Days streamed with COPY.
    private func copy(_ ordered: [StoredAttendance], into table: String, submission: Int64) throws {
        var text = AttendanceCopyText()
        text.append(ordered, submission: submission)
        try transaction.session.copy(into: table, columns: Self.columns, chunks: text.take())
    }

    static let columns = ["placement_id", "date", "status", "hours_tenths", "transport_trips", "extra_day", "day_price_ore", "transport_ore",
                          "planned_cost_ore", "submission_id"]

    private static let replace = """
        ON CONFLICT (placement_id, date) DO UPDATE SET status = excluded.status, hours_tenths = excluded.hours_tenths,
            transport_trips = excluded.transport_trips, extra_day = excluded.extra_day, day_price_ore = excluded.day_price_ore,
            transport_ore = excluded.transport_ore, planned_cost_ore = excluded.planned_cost_ore, submission_id = excluded.submission_id
        """

    /// `{45,NULL,30}`: whole numbers only, so nothing in it needs quoting.
    static func arrayLiteral(_ values: [Int?]) -> String {
        "{" + values.map { $0.map(String.init) ?? "NULL" }.joined(separator: ",") + "}"
    }

    /// The days in order with only the last of each placement's day kept.
    static func laterOfEachDay(_ ordered: [StoredAttendance]) -> [StoredAttendance] {
        var kept: [StoredAttendance] = []
        kept.reserveCapacity(ordered.count)
        for row in ordered {
            if let last = kept.last, last.entry.placementId == row.entry.placementId, last.entry.date == row.entry.date {
                kept[kept.count - 1] = row
            } else {
                kept.append(row)
            }
        }
        return kept
    }
}

extension PostgresReader {
    /// Reported days of these placements from `from` to `to`, keyed by placement and day number.
    public func attendance(placements: [Int64], from: LocalDate, to: LocalDate) throws -> [StoredAttendance] {
        guard !placements.isEmpty else { return [] }
        var result: [StoredAttendance] = []
        // In chunks of 500 placements, each by placement and date, as the SQLite store reads them: a
        // caller that passes placements out of order gets the days in the same order from both.
        for chunk in stride(from: 0, to: placements.count, by: 500).map({ Array(placements[$0..<min($0 + 500, placements.count)]) }) {
            // The participant codes from their column: decoding each placement's document for one field cost as much as the rest.
            let rows = try rows("""
                SELECT at.placement_id, pl.participant_code, at.date, at.status, at.hours_tenths, at.transport_trips, at.extra_day,
                       at.day_price_ore, at.transport_ore, at.planned_cost_ore, at.submission_id
                FROM attendance at JOIN placement pl ON pl.id = at.placement_id
                WHERE at.date >= \(from) AND at.date <= \(to) AND at.placement_id = ANY(\(chunk))
                ORDER BY at.placement_id, at.date
                """)
            result.reserveCapacity(result.count + rows.count)
            for row in rows {
                let cells = row.cells
                let entry = AttendanceEntry(placementId: try cells(0), participant: ParticipantCode(stored: try cells(1)), date: try cells(2),
                                            status: try StoredValue.status(try cells(3)), hoursTenths: try cells(4, as: Int32?.self).map(Int.init),
                                            transportTrips: try cells(5, as: Int32?.self).map(Int.init), extraDay: try cells(6))
                result.append(StoredAttendance(entry: entry, dayPrice: Money(ore: try cells(7)), transport: Money(ore: try cells(8)),
                                               plannedCost: Money(ore: try cells(9)), submissionId: try cells(10)))
            }
        }
        return result
    }
}
