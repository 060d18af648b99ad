import Foundation
import GRDB
import Testing
@testable import TunetApp
import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

/// In the SQLite file a reported day's placement and submission are looked up once per write, not by
/// foreign keys for every day (Schema, v23 and v25); triggers keep what days name. Tried here with what
/// Tunet itself never does.
@Suite("A reported day in the SQLite file names a placement and a submission that exist")
struct SQLiteDayReferencesTests {
    let farms: SyntheticFarm

    init() throws { farms = try .mayInSQLite() }

    private var store: SQLiteStore { get throws { try farms.context.sqlite } }

    private func table() throws -> [String] { try store.attendanceTable().map(\.description) }

    /// The writer refuses `days`, saying why.
    private func writeRefused(_ days: [StoredAttendance], submission: Int64, saying reason: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let error = #expect(throws: TunetError.self, sourceLocation: sourceLocation) {
            try store.writeSQLite(actor: .atServer("test")) { tx in
                try AttendanceRowWriter(tx.db, replacing: true).write(days, submission: submission)
            }
        }
        #expect(error.map { "\($0)" }?.contains(reason) == true, sourceLocation: sourceLocation)
    }

    private func refused(_ sql: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try table()
        let error = #expect(throws: DatabaseError.self, "\(sql)", sourceLocation: sourceLocation) {
            try store.pool.write { db in try db.execute(sql: sql) }
        }
        #expect(error?.resultCode.primaryResultCode == .SQLITE_CONSTRAINT, "\(sql): \(error.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
        #expect(try table() == before, sourceLocation: sourceLocation)
    }

    @Test("Days written for a submission that does not exist are refused, and nothing of the write stays")
    func unknownSubmissionRefused() throws {
        let before = try table()
        var day = try #require(try farms.context.allStoredDays().last)
        day.entry.date = day.entry.date.adding(days: 1)
        try writeRefused([day], submission: 999_999, saying: "submission 999999, which does not exist")
        #expect(try table() == before)
    }

    @Test("Days written for a placement that does not exist are refused, and nothing of the write stays; moving a day to one is refused by the file")
    func unknownPlacementRefused() throws {
        let before = try table()
        let submission = try #require(try store.pool.read { try Int64.fetchOne($0, sql: "SELECT MAX(id) FROM attendance_submission") })
        let days = try farms.context.allStoredDays()
        var unknown = try #require(days.last)
        unknown.entry.placementId = 99_999
        // The unknown placement after known ones, in one write: none of it stays.
        try writeRefused(Array(days.prefix(300)) + [unknown], submission: submission, saying: "placement 99999, which does not exist")
        #expect(try table() == before)
        try refused("UPDATE attendance SET placement_id = 99999 WHERE date = '2025-05-02'")
    }

    @Test("A placement with reported days cannot be removed or renumbered; its other columns still change")
    func referencedPlacementsStay() throws {
        let placement = try #require(try store.pool.read { try Int64.fetchOne($0, sql: "SELECT MAX(placement_id) FROM attendance") })
        try refused("DELETE FROM placement WHERE id = \(placement)")
        try refused("UPDATE placement SET id = 999999 WHERE id = \(placement)")
        // The placement's other columns still change, as a changed placement's do.
        try store.pool.write { db in
            try db.execute(sql: "UPDATE placement SET document = document WHERE id = \(placement)")
        }
    }

    @Test("A submission with reported days cannot be removed or renumbered; one without days can")
    func referencedSubmissionsStay() throws {
        let submission = try #require(try store.pool.read { try Int64.fetchOne($0, sql: "SELECT MAX(submission_id) FROM attendance") })
        try refused("DELETE FROM attendance_submission WHERE id = \(submission)")
        try refused("UPDATE attendance_submission SET id = 999999 WHERE id = \(submission)")
        try store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO attendance_submission (received_at, actor, provider_id, file_name, content_hash, months, row_count, new_rows,
                                                   changed_rows, unchanged_rows)
                VALUES ('2026-01-01T00:00:00.000Z', 'test', 1, 'tom.csv', 'tom', '', 0, 0, 0, 0)
                """)
            let empty = db.lastInsertedRowID
            try db.execute(sql: "UPDATE attendance_submission SET file_name = 'omdøpt.csv' WHERE id = \(submission)")
            try db.execute(sql: "UPDATE attendance_submission SET id = 999999 WHERE id = \(empty)")
            try db.execute(sql: "DELETE FROM attendance_submission WHERE id = 999999")
        }
    }

    @Test("A file from before keeps every day when both keys become checks per write, with the triggers that keep what days name")
    func upgradedFileKeepsItsDays() throws {
        let before = try table()
        let path = try store.path
        try store.pool.write { db in
            // The file as a Tunet before v23 left it: the table with both keys, no triggers.
            try db.execute(sql: """
                DROP TRIGGER submission_removed_keeps_its_days;
                DROP TRIGGER submission_renumbered_keeps_its_days;
                DROP TRIGGER placement_removed_keeps_its_days;
                DROP TRIGGER placement_renumbered_keeps_its_days;
                DROP TRIGGER day_moved_to_a_placement_that_exists;
                CREATE TABLE attendance_before (
                    placement_id INTEGER NOT NULL REFERENCES placement(id), date TEXT NOT NULL, status TEXT NOT NULL, hours_tenths INTEGER,
                    transport_trips INTEGER, extra_day INTEGER NOT NULL, day_price_ore INTEGER NOT NULL, transport_ore INTEGER NOT NULL,
                    planned_cost_ore INTEGER NOT NULL, submission_id INTEGER NOT NULL REFERENCES attendance_submission(id),
                    PRIMARY KEY (placement_id, date)
                ) WITHOUT ROWID;
                INSERT INTO attendance_before SELECT * FROM attendance;
                DROP TABLE attendance;
                ALTER TABLE attendance_before RENAME TO attendance;
                DELETE FROM grdb_migrations WHERE identifier IN ('v23-day-submission-checked-per-write', 'v25-day-placement-checked-per-write');
                """)
        }
        try store.close()
        let upgraded = try SQLiteStore(path: path)
        defer { try? upgraded.close() }
        #expect(try upgraded.appliedMigrations() == Schema.migrator.migrations)
        try upgraded.pool.read { (db: Database) throws in
            #expect(try Row.fetchAll(db, sql: "SELECT * FROM attendance ORDER BY placement_id, date").map { $0.description } == before)
            #expect(try String.fetchAll(db, sql: "SELECT \"table\" FROM pragma_foreign_key_list('attendance')").isEmpty)
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")
                    == ["day_moved_to_a_placement_that_exists", "placement_removed_keeps_its_days", "placement_renumbered_keeps_its_days",
                        "submission_removed_keeps_its_days", "submission_renumbered_keeps_its_days"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }
}
