import GRDB
import TunetDomain

/// A reported participant-day with the amounts fixed when it was reported.
public struct StoredAttendance: Hashable, Sendable, Codable {
    public var entry: AttendanceEntry
    public var dayPrice: Money
    public var transport: Money
    public var plannedCost: Money
    public var submissionId: Int64

    public init(entry: AttendanceEntry, dayPrice: Money, transport: Money, plannedCost: Money, submissionId: Int64) {
        self.entry = entry
        self.dayPrice = dayPrice
        self.transport = transport
        self.plannedCost = plannedCost
        self.submissionId = submissionId
    }

    public var billed: Money { dayPrice + transport }
}

extension [StoredAttendance] {
    /// Whether each day comes after the one before it, by placement and then date. Compares the keys
    /// where they lie: taking each pair of days whole copied two days per step.
    public var isInDayOrder: Bool {
        indices.dropFirst().allSatisfy { index in
            (self[index - 1].entry.placementId, self[index - 1].entry.date) < (self[index].entry.placementId, self[index].entry.date)
        }
    }

    /// The days in placement and date order: these days themselves when they are in that order already.
    public func inDayOrder() -> [StoredAttendance] {
        isInDayOrder ? self : sorted { ($0.entry.placementId, $0.entry.date) < ($1.entry.placementId, $1.entry.date) }
    }
}

public struct AttendanceSubmission: Hashable, Sendable, Codable {
    /// The entity of a submission's audit events.
    public static let auditEntity = "attendance_submission"

    /// The days a submission replaced, as its audit event keeps them (nil when it replaced none); may be
    /// made outside the writer and handed to `storeSubmission`.
    public static func auditSnapshot(ofReplaced replaced: [StoredAttendance]) -> String? {
        replaced.isEmpty ? nil : ReplacedDaysSnapshot.json(replaced)
    }

    public var id: Int64
    public var receivedAt: String
    public var actor: String
    public var provider: OrganisationNumber
    public var fileName: String
    public var contentHash: String
    public var months: [String]
    public var rows: Int
    public var newRows: Int
    public var changedRows: Int
    public var unchangedRows: Int

    public init(id: Int64, receivedAt: String, actor: String, provider: OrganisationNumber, fileName: String, contentHash: String,
                months: [String], rows: Int, newRows: Int, changedRows: Int, unchangedRows: Int) {
        self.id = id
        self.receivedAt = receivedAt
        self.actor = actor
        self.provider = provider
        self.fileName = fileName
        self.contentHash = contentHash
        self.months = months
        self.rows = rows
        self.newRows = newRows
        self.changedRows = changedRows
        self.unchangedRows = unchangedRows
    }

    enum CodingKeys: String, CodingKey {
        case id, actor, months, rows
        case receivedAt = "received_at"
        case provider = "provider_organisation_number"
        case fileName = "file_name"
        case contentHash = "content_hash"
        case newRows = "new_rows"
        case changedRows = "changed_rows"
        case unchangedRows = "unchanged_rows"
    }
}

extension StoreReader {
    public func submission(provider: OrganisationNumber, contentHash: String) throws -> AttendanceSubmission? {
        try submissions(where: "p.organisation_number = ? AND s.content_hash = ?", [provider.digits, contentHash]).first
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
                                 rows: row["row_count"], newRows: row["new_rows"], changedRows: row["changed_rows"], unchangedRows: row["unchanged_rows"])
        }
    }

    /// Reported days of these placements from `from` to `to`, keyed by placement and day number.
    public func attendance(placements: [Int64], from: LocalDate, to: LocalDate) throws -> [StoredAttendance] {
        guard !placements.isEmpty else { return [] }
        var result: [StoredAttendance] = []
        for chunk in stride(from: 0, to: placements.count, by: 500).map({ Array(placements[$0..<min($0 + 500, placements.count)]) }) {
            // The participant codes from their column: decoding each placement's document for one field cost as much as the rest.
            let participants = Dictionary(uniqueKeysWithValues: try Row.fetchAll(
                db, sql: "SELECT id, participant_code FROM placement WHERE id IN (\(Self.marks(chunk.count)))", arguments: StatementArguments(chunk))
                .map { (row: Row) -> (Int64, ParticipantCode) in (row["id"], ParticipantCode(stored: row["participant_code"])) })
            let statement = try db.makeStatement(sql: """
                SELECT \(AttendanceRowReader.columns)
                FROM attendance WHERE date >= ? AND date <= ? AND placement_id IN (\(Self.marks(chunk.count)))
                ORDER BY placement_id, date
                """)
            try statement.setArguments(StatementArguments([from.iso, to.iso] + chunk))
            try AttendanceRowReader(db: db).read(statement, participants: participants, into: &result)
        }
        return result
    }

    /// What reported attendance means for an agreement's ceiling: billed (spent) and the planned cost it replaces.
    public func reportedValue(agreement reference: String) throws -> (billed: Money, plannedCostOfActivePlacements: Money) {
        let row = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(at.day_price_ore + at.transport_ore), 0) AS billed,
                   COALESCE(SUM(CASE WHEN pl.cancelled = 0 THEN at.planned_cost_ore ELSE 0 END), 0) AS planned
            FROM attendance at JOIN placement pl ON pl.id = at.placement_id JOIN agreement a ON a.id = pl.agreement_id
            WHERE a.reference = ?
            """, arguments: [reference])
        return (Money(ore: row?["billed"] ?? 0), Money(ore: row?["planned"] ?? 0))
    }
}

extension StoreTransaction {
    /// Records a submission and writes its rows; rows for the same participant-day replace the earlier ones.
    /// - Parameter replacedJSON: `AttendanceSubmission.auditSnapshot(ofReplaced: replaced)`, if it was made beforehand.
    public func storeSubmission(_ submission: AttendanceSubmission, rows: [StoredAttendance], replaced: [StoredAttendance],
                                replacedJSON: String? = nil) throws -> AttendanceSubmission {
        // A year's attendance touches pages all over the table: a 64 MB page cache for the writer (SQLite's
        // default is 2 MB) keeps a million-row import from rereading the same pages (BENCHMARKS.md).
        // Readers keep the default.
        try db.execute(sql: "PRAGMA cache_size = -65536")
        try cached("""
            INSERT INTO attendance_submission (received_at, actor, provider_id, file_name, content_hash, months, row_count, new_rows,
                                               changed_rows, unchanged_rows)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [timestamp, actor, try providerId(submission.provider), submission.fileName, submission.contentHash,
                             submission.months.joined(separator: ","), submission.rows, submission.newRows, submission.changedRows,
                             submission.unchangedRows])
        var stored = submission
        stored.id = db.lastInsertedRowID
        stored.receivedAt = timestamp
        stored.actor = actor
        try AttendanceRowWriter(db, replacing: !replaced.isEmpty).write(rows, submission: stored.id)
        // One event per submission; the values it replaced stay in the log.
        try audit("import", entity: AttendanceSubmission.auditEntity, id: String(stored.id),
                  beforeJSON: replacedJSON ?? AttendanceSubmission.auditSnapshot(ofReplaced: replaced),
                  afterJSON: try AuditJSON.encode(stored),
                  note: .written(Message("audit.note.attendance_import", ["file": .text(submission.fileName), "new": .integer(submission.newRows),
                                                                          "changed": .integer(submission.changedRows), "unchanged": .integer(submission.unchangedRows)])))
        return stored
    }
}

/// One reported day for a flat export, read through a cursor so millions of rows never sit in memory.
public struct AttendanceExportRow: Sendable {
    public let municipality: String
    public let provider: String
    public let participant: String
    public let agreement: String
    public let date: LocalDate
    public let status: AttendanceStatus
    public let hoursTenths: Int?
    public let transportTrips: Int?
    public let extraDay: Bool
    public let dayPrice: Money
    public let transport: Money
}

extension StoreReader {
    public func forEachAttendance(from: LocalDate?, to: LocalDate?, municipality: String?,
                                  _ body: (AttendanceExportRow) throws -> Void) throws {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let from { conditions.append("at.date >= ?"); arguments += [from.iso] }
        if let to { conditions.append("at.date <= ?"); arguments += [to.iso] }
        if let municipality { conditions.append("pl.municipality_number = ?"); arguments += [municipality] }
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
