import GRDB
import TunetDomain
import TunetStorage

/// A reported participant-day with the amounts fixed when it was reported.
extension SQLiteReader {
    /// The farm's newest submission of this exact file: a file applied again (`--again`) is submitted more than once.
    public func submission(provider: OrganisationNumber, contentHash: String) throws -> AttendanceSubmission? {
        try submissions(where: "p.organisation_number = ? AND s.content_hash = ?", [provider.digits, contentHash]).last
    }

    /// Every farm's submission of this exact file (a file naming several farms is one submission per farm).
    public func submissions(contentHash: String) throws -> [AttendanceSubmission] {
        try submissions(where: "s.content_hash = ?", [contentHash])
    }

    /// The newest submission's number (0 when there is none).
    public func lastSubmissionId() throws -> Int64 {
        try Int64.fetchOne(try cached("SELECT MAX(id) FROM attendance_submission")) ?? 0
    }

    /// Whether any of these farms submitted attendance after submission `id`: their stored days may
    /// have changed since.
    public func hasSubmissions(after id: Int64, from farms: [OrganisationNumber]) throws -> Bool {
        guard !farms.isEmpty else { return false }
        let sql = """
            SELECT EXISTS (SELECT 1 FROM attendance_submission s JOIN provider p ON p.id = s.provider_id
                           WHERE s.id > ? AND p.organisation_number IN (\(Self.marks(farms.count))))
            """
        // A farm's own upload, the service's every one, asks for one farm: that statement is prepared once.
        let statement = farms.count == 1 ? try cached(sql) : try db.makeStatement(sql: sql)
        return try Bool.fetchOne(statement, arguments: StatementArguments([id] + farms.map(\.digits))) ?? false
    }

    /// Whether submission `id` is still this farm's submission of the file with this content hash: after
    /// a restore it may be gone, or its number another's.
    public func isSubmission(_ id: Int64, of farm: OrganisationNumber, contentHash: String) throws -> Bool {
        try Bool.fetchOne(try cached("""
            SELECT EXISTS (SELECT 1 FROM attendance_submission s JOIN provider p ON p.id = s.provider_id
                           WHERE s.id = ? AND p.organisation_number = ? AND s.content_hash = ?)
            """), arguments: [id, farm.digits, contentHash]) ?? false
    }

    public func submissions(provider: OrganisationNumber? = nil) throws -> [AttendanceSubmission] {
        if let provider { return try submissions(where: "p.organisation_number = ?", [provider.digits]) }
        return try submissions(where: "1 = 1", [])
    }

    private func submissions(where condition: String, _ arguments: StatementArguments) throws -> [AttendanceSubmission] {
        try Row.fetchAll(try cached("""
            SELECT s.*, p.organisation_number FROM attendance_submission s JOIN provider p ON p.id = s.provider_id
            WHERE \(condition) ORDER BY s.id
            """), arguments: arguments).map { row in
            AttendanceSubmission(id: row["id"], receivedAt: row["received_at"], actor: row["actor"],
                                 provider: try StoredValue.organisationNumber(row["organisation_number"]), fileName: row["file_name"],
                                 contentHash: row["content_hash"], months: (row["months"] as String).split(separator: ",").map(String.init),
                                 rows: row["row_count"], newRows: row["new_rows"], changedRows: row["changed_rows"], unchangedRows: row["unchanged_rows"],
                                 appliedAgainOf: row["applied_again_of"])
        }
    }

    /// Reported days of these placements from `from` to `to`, keyed by placement and day number. Read
    /// in parts of 500 placements through statements prepared once, the numbers bound and the rows read
    /// with SQLite's C API: preparing, boxing the arguments and GRDB's rows were a quarter of a national
    /// month's read (BENCHMARKS.md).
    public func attendance(placements: [Int64], from: LocalDate, to: LocalDate) throws -> [StoredAttendance] {
        try attendance(placements: placements, from: from, to: to, perRead: Self.placementsPerRead)
    }

    func attendance(placements: [Int64], from: LocalDate, to: LocalDate, perRead: Int) throws -> [StoredAttendance] {
        guard !placements.isEmpty else { return [] }
        var result: [StoredAttendance] = []
        for start in stride(from: 0, to: placements.count, by: perRead) {
            let part = placements[start..<min(start + perRead, placements.count)]
            // The participant codes from their column: decoding each placement's document for one field cost as much as the rest.
            let codes = try statement("SELECT id, participant_code FROM placement WHERE id IN (\(Self.marks(part.count)))", full: part.count == perRead)
            try codes.bind(numbers: part)
            var participants: [Int64: ParticipantCode] = [:]
            participants.reserveCapacity(part.count)
            try codes.step(table: "placement") { row in
                guard let code = row.text(1) else { throw row.damaged("participant_code", 1) }
                participants[row.int64(0)] = ParticipantCode(stored: code)
            }
            let days = try statement("""
                SELECT \(AttendanceRowReader.columns)
                FROM attendance WHERE date >= ? AND date <= ? AND placement_id IN (\(Self.marks(part.count)))
                ORDER BY placement_id, date
                """, full: part.count == perRead)
            try days.bind(texts: [from.iso, to.iso], numbers: part)
            try AttendanceRowReader().read(days, participants: participants, into: &result)
        }
        return result
    }

    private static let placementsPerRead = 500

    /// A full part's statement is kept prepared for the next read; a shorter one (each farm's own number
    /// of placements) is not, so that a long-running service does not keep one for every length.
    private func statement(_ sql: String, full: Bool) throws -> Statement {
        full ? try cached(sql) : try db.makeStatement(sql: sql)
    }
}

extension SQLiteTransaction {
    /// Records a submission and writes its rows; rows for the same participant-day replace the earlier ones.
    /// - Parameter replacedAudit: `auditSnapshot(ofReplaced: replaced)` of the store, if it was made beforehand.
    public func storeSubmission(_ submission: AttendanceSubmission, rows: [StoredAttendance], replaced: [StoredAttendance],
                                replacedAudit: ReplacedDaysAudit? = nil) throws -> AttendanceSubmission {
        // A year's attendance touches pages all over the table: a 16 MB page cache for the writer (SQLite's
        // default is 2 MB) keeps a million-row import from rereading the same pages; 64 MB was no faster
        // and held a national import above 128 MB (BENCHMARKS.md). Readers keep the default.
        try db.execute(sql: "PRAGMA cache_size = -16384")
        try cached("""
            INSERT INTO attendance_submission (received_at, actor, provider_id, file_name, content_hash, months, row_count, new_rows,
                                               changed_rows, unchanged_rows, applied_again_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [timestamp, actor.name, try providerId(submission.provider), submission.fileName, submission.contentHash,
                             submission.months.joined(separator: ","), submission.rows, submission.newRows, submission.changedRows,
                             submission.unchangedRows, submission.appliedAgainOf])
        var stored = submission
        stored.id = db.lastInsertedRowID
        stored.receivedAt = timestamp
        stored.actor = actor.name
        try AttendanceRowWriter(db, replacing: !replaced.isEmpty).write(rows, submission: stored.id)
        // One event per submission; the values it replaced stay in the log.
        try audit("import", entity: AttendanceSubmission.auditEntity, id: String(stored.id),
                  before: StoredSnapshot.value(replacedAudit ?? SQLiteStore.auditSnapshot(ofReplaced: replaced)),
                  afterJSON: try AuditJSON.encode(stored),
                  note: .written(Self.importNote(submission)))
        return stored
    }
}

extension SQLiteReader {
    public func forEachAttendance(from: LocalDate?, to: LocalDate?, in municipalities: MunicipalityScope,
                                  _ body: (AttendanceExportRow) throws -> Void) throws {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let from { conditions.append("at.date >= ?"); arguments += [from.iso] }
        if let to { conditions.append("at.date <= ?"); arguments += [to.iso] }
        if let numbers = municipalities.numbers {
            conditions.append("pl.municipality_number IN (\(Self.marks(numbers.count)))")
            arguments += StatementArguments(numbers)
        }
        // CROSS JOIN fixes SQLite's loop order: farms in organisation-number order, their placements,
        // then each placement's days by primary key, which are already in date order. Left to itself
        // the planner reads the date index and sorts the whole period (four times slower for a year).
        let rows = try Row.fetchCursor(db, sql: """
            SELECT p.organisation_number, pl.participant_code, a.reference, at.date, at.status, at.hours_tenths, at.transport_trips,
                   at.extra_day, at.day_price_ore, at.transport_ore, pl.municipality_number
            FROM provider p CROSS JOIN placement pl ON pl.provider_id = p.id CROSS JOIN attendance at ON at.placement_id = pl.id
            JOIN agreement a ON a.id = pl.agreement_id
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY p.organisation_number, pl.participant_code, at.date
            """, arguments: arguments)
        while let row = try rows.next() {
            try body(AttendanceExportRow(
                municipality: row[10], provider: row[0], participant: row[1], agreement: row[2], date: try StoredValue.date(row[3], column: "attendance.date"),
                status: try StoredValue.status(row[4]), hoursTenths: row[5], transportTrips: row[6], extraDay: row[7],
                dayPrice: Money(ore: row[8]), transport: Money(ore: row[9])))
        }
    }
}

extension SQLiteTransaction {
    /// The audit note of a submission; a file imported again on purpose says so, naming the earlier submission.
    static func importNote(_ submission: AttendanceSubmission) -> Message {
        var arguments: [String: MessageValue] = ["file": .text(submission.fileName), "new": .integer(submission.newRows),
                                                 "changed": .integer(submission.changedRows), "unchanged": .integer(submission.unchangedRows)]
        guard let earlier = submission.appliedAgainOf else { return Message("audit.note.attendance_import", arguments) }
        arguments["earlier"] = .text(String(earlier))
        return Message("audit.note.attendance_import_again", arguments)
    }
}
