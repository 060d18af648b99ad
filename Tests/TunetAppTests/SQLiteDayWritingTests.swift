import Foundation
import GRDB
import GRDBSQLite
import Testing
@testable import TunetApp
import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

/// The SQLite writer takes a write's days in statements of 256, 16 and 1 rows, and replaces a stored day
/// with `INSERT OR REPLACE` (`AttendanceRowWriter`): every count of days is written whole, once, and a
/// replaced day is the new one in every column.
@Suite("Days as the SQLite writer stores them")
struct SQLiteDayWritingTests {
    let farms: SyntheticFarm

    init() throws { farms = try .mayInSQLite() }

    private var store: SQLiteStore { get throws { try farms.context.sqlite } }

    /// `count` days after every stored one, spread over the farm's placements, in the given submission.
    private func newDays(_ count: Int, from days: [StoredAttendance], submission: Int64) -> [StoredAttendance] {
        // One stored day of each placement, to take the participant and prices from.
        let placements = Dictionary(days.map { ($0.entry.placementId, $0) }) { first, _ in first }.sorted { $0.key < $1.key }.map(\.value)
        let first = LocalDate(year: 2030, month: 1, day: 1)!
        return (0..<count).map { index in
            var day = placements[index % placements.count]
            day.entry.date = first.adding(days: index / placements.count)
            day.submissionId = submission
            return day
        }
    }

    @Test("Every count of new days, across the statements' sizes, is stored whole and once, and their corrections replace them in every column",
          arguments: [1, 15, 16, 17, 255, 256, 257, 273, 600])
    func everyCount(count: Int) throws {
        let before = try store.attendanceTable()
        let days = try farms.context.allStoredDays()
        let submission = try #require(try store.pool.read { try Int64.fetchOne($0, sql: "SELECT MAX(id) FROM attendance_submission") })
        let added = newDays(count, from: days, submission: submission)
        try store.writeSQLite(actor: .atServer("test")) { tx in try AttendanceRowWriter(tx.db, replacing: false).write(added, submission: submission) }
        #expect(try store.attendanceTable().count == before.count + count)
        let corrected = added.map { day -> StoredAttendance in
            var day = day
            day.entry.status = day.entry.status == .present ? .absentWithNotice : .present
            day.dayPrice = Money(ore: day.dayPrice.ore + 1)
            return day
        }
        try store.writeSQLite(actor: .atServer("test")) { tx in try AttendanceRowWriter(tx.db, replacing: true).write(corrected, submission: submission) }
        let stored = try farms.context.allStoredDays()
        #expect(stored.count == before.count + count)
        #expect(Set(stored.filter { $0.entry.date.year == 2030 }) == Set(corrected))
        #expect(stored.filter { $0.entry.date.year != 2030 } == days)
    }

    @Test("A build that allows fewer variables in a statement gets statements of as many rows as fit")
    func statementSizes() throws {
        try store.pool.write { db in
            let connection = db.sqliteConnection
            let allowed = sqlite3_limit(connection, SQLITE_LIMIT_VARIABLE_NUMBER, -1)
            defer { sqlite3_limit(connection, SQLITE_LIMIT_VARIABLE_NUMBER, allowed) }
            #expect(AttendanceRowWriter.rowsPerStatement(connection) == [256, 16, 1])
            for (limit, sizes) in [(999, [99, 16, 1]), (160, [16, 1]), (100, [10, 1]), (10, [1]), (5, [1])] {
                sqlite3_limit(connection, SQLITE_LIMIT_VARIABLE_NUMBER, Int32(limit))
                #expect(AttendanceRowWriter.rowsPerStatement(connection) == sizes, "\(limit) variables")
            }
        }
    }
}
