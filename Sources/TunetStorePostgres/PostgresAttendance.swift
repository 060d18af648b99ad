import PostgresNIO
import TunetDomain
import TunetStorage

/// Attendance files as submitted, the days they brought, and the stamps caches keep of them.
extension PostgresReader {
    /// The farm's newest submission of this exact file: a file applied again (`--again`) is submitted more than once.
    public func submission(provider: OrganisationNumber, contentHash: String) throws -> AttendanceSubmission? {
        try submissions(provider: provider.digits, contentHash: contentHash).last
    }

    /// Every farm's submission of this exact file (a file naming several farms is one submission per farm).
    public func submissions(contentHash: String) throws -> [AttendanceSubmission] {
        try submissions(provider: nil, contentHash: contentHash)
    }

    public func submissions(provider: OrganisationNumber? = nil) throws -> [AttendanceSubmission] {
        try submissions(provider: provider?.digits, contentHash: nil)
    }

    /// The newest submission's number (0 when there is none).
    public func lastSubmissionId() throws -> Int64 {
        try value("SELECT COALESCE(MAX(id), 0) FROM attendance_submission", as: Int64.self) ?? 0
    }

    /// Whether any of these farms submitted attendance after submission `id`: their stored days may
    /// have changed since.
    public func hasSubmissions(after id: Int64, from farms: [OrganisationNumber]) throws -> Bool {
        guard !farms.isEmpty else { return false }
        return try value("""
            SELECT EXISTS (SELECT 1 FROM attendance_submission s JOIN provider p ON p.id = s.provider_id
                           WHERE s.id > \(id) AND p.organisation_number = ANY(\(farms.map(\.digits))))
            """, as: Bool.self) ?? false
    }

    /// Whether submission `id` is still this farm's submission of the file with this content hash: after
    /// a restore it may be gone, or its number another's.
    public func isSubmission(_ id: Int64, of farm: OrganisationNumber, contentHash: String) throws -> Bool {
        try value("""
            SELECT EXISTS (SELECT 1 FROM attendance_submission s JOIN provider p ON p.id = s.provider_id
                           WHERE s.id = \(id) AND p.organisation_number = \(farm.digits) AND s.content_hash = \(contentHash))
            """, as: Bool.self) ?? false
    }

    /// Submissions, oldest first; each condition holds when its value is absent.
    private func submissions(provider: String?, contentHash: String?) throws -> [AttendanceSubmission] {
        try rows("""
            SELECT s.id, s.received_at, s.actor, p.organisation_number, s.file_name, s.content_hash, s.months, s.row_count, s.new_rows,
                   s.changed_rows, s.unchanged_rows, s.applied_again_of
            FROM attendance_submission s JOIN provider p ON p.id = s.provider_id
            WHERE (\(provider)::text IS NULL OR p.organisation_number = \(provider))
              AND (\(contentHash)::text IS NULL OR s.content_hash = \(contentHash))
            ORDER BY s.id
            """).map { row in
            let cells = row.cells
            return AttendanceSubmission(id: try cells(0), receivedAt: try cells(1), actor: try cells(2),
                                        provider: try StoredValue.organisationNumber(try cells(3)), fileName: try cells(4),
                                        contentHash: try cells(5), months: try cells(6, as: String.self).split(separator: ",").map(String.init),
                                        rows: Int(try cells(7, as: Int32.self)), newRows: Int(try cells(8, as: Int32.self)),
                                        changedRows: Int(try cells(9, as: Int32.self)), unchangedRows: Int(try cells(10, as: Int32.self)),
                                        appliedAgainOf: try cells(11))
        }
    }

    /// Every stored day in the period and the municipalities, farm by farm, participant by participant,
    /// day by day. The rows come through a cursor inside this snapshot, a batch at a time, so that a
    /// nation's years of days never sit in memory.
    public func forEachAttendance(from: LocalDate?, to: LocalDate?, in municipalities: MunicipalityScope,
                                  _ body: (AttendanceExportRow) throws -> Void) throws {
        // Codes are ordered byte by byte, as SQLite orders them, whatever the database's collation; two
        // placements of one participant with one farm on the same day come in the order they were made.
        try rows("""
            DECLARE tunet_attendance_export NO SCROLL CURSOR FOR
            SELECT p.organisation_number, pl.participant_code, a.reference, at.date, at.status, at.hours_tenths, at.transport_trips,
                   at.extra_day, at.day_price_ore, at.transport_ore, pl.municipality_number
            FROM provider p JOIN placement pl ON pl.provider_id = p.id JOIN attendance at ON at.placement_id = pl.id
            JOIN agreement a ON a.id = pl.agreement_id
            WHERE (\(from)::date IS NULL OR at.date >= \(from)) AND (\(to)::date IS NULL OR at.date <= \(to))
              AND (\(municipalities.numbers)::text[] IS NULL OR pl.municipality_number = ANY(\(municipalities.numbers)))
            ORDER BY p.organisation_number COLLATE "C", pl.participant_code COLLATE "C", at.date, pl.id
            """)
        do {
            while true {
                let batch = try rows("FETCH \(unescaped: String(Self.exportBatch)) FROM tunet_attendance_export")
                if batch.isEmpty { break }
                for row in batch {
                    let cells = row.cells
                    try body(AttendanceExportRow(
                        municipality: try cells(10), provider: try cells(0), participant: try cells(1), agreement: try cells(2), date: try cells(3),
                        status: try StoredValue.status(try cells(4)), hoursTenths: try cells(5, as: Int32?.self).map(Int.init),
                        transportTrips: try cells(6, as: Int32?.self).map(Int.init), extraDay: try cells(7),
                        dayPrice: Money(ore: try cells(8)), transport: Money(ore: try cells(9))))
                }
            }
        } catch {
            // The caller may go on in this transaction: the cursor must not stay open under its name.
            _ = try? rows("CLOSE tunet_attendance_export")
            throw error
        }
        try rows("CLOSE tunet_attendance_export")
    }

    /// How many days one fetch from the export's cursor brings.
    static let exportBatch = 5000
}

extension PostgresTransaction {
    /// Records a submission and writes its rows; rows for the same participant-day replace the earlier ones.
    /// - Parameter replacedAudit: `auditSnapshot(ofReplaced: replaced)` of the store, if it was made beforehand.
    public func storeSubmission(_ submission: AttendanceSubmission, rows: [StoredAttendance], replaced: [StoredAttendance],
                                replacedAudit: ReplacedDaysAudit? = nil) throws -> AttendanceSubmission {
        // The submission and its audit event touch no reported day: an earlier farm's held days wait behind them.
        guard let id = try keepingDaysHeld({ try value("""
            INSERT INTO attendance_submission (received_at, actor, provider_id, file_name, content_hash, months, row_count, new_rows,
                                               changed_rows, unchanged_rows, applied_again_of)
            VALUES (\(timestamp), \(actor.name), \(try providerId(submission.provider)), \(submission.fileName), \(submission.contentHash),
                    \(submission.months.joined(separator: ",")), \(submission.rows), \(submission.newRows), \(submission.changedRows),
                    \(submission.unchangedRows), \(submission.appliedAgainOf))
            RETURNING id
            """, as: Int64.self) }) else { throw TunetError.internalFault("PostgreSQL gave the submission no number") }
        var stored = submission
        stored.id = id
        stored.receivedAt = timestamp
        stored.actor = actor.name
        try PostgresAttendanceRows(self, replacing: !replaced.isEmpty).write(rows, submission: stored.id)
        // One event per submission; the values it replaced stay in the log.
        try keepingDaysHeld {
            try audit("import", entity: AttendanceSubmission.auditEntity, id: String(stored.id),
                      beforeJSON: replacedAudit?.json ?? (replaced.isEmpty ? nil : ReplacedDaysSnapshot.json(replaced)),
                      afterJSON: try AuditJSON.encode(stored),
                      note: .written(Self.importNote(submission)))
        }
        return stored
    }

    /// The audit note of a submission; a file imported again on purpose says so, naming the earlier submission.
    static func importNote(_ submission: AttendanceSubmission) -> Message {
        var arguments: [String: MessageValue] = ["file": .text(submission.fileName), "new": .integer(submission.newRows),
                                                 "changed": .integer(submission.changedRows), "unchanged": .integer(submission.unchangedRows)]
        guard let earlier = submission.appliedAgainOf else { return Message("audit.note.attendance_import", arguments) }
        arguments["earlier"] = .text(String(earlier))
        return Message("audit.note.attendance_import_again", arguments)
    }
}
