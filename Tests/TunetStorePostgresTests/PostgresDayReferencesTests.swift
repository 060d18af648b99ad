import Foundation
import PostgresNIO
import Testing
import TunetDomain
import TunetStorage
@testable import TunetStorePostgres
import TunetTestSupport

/// The attendance table's references are checked once per statement (`PostgresDayReferences`): the
/// same promises as foreign keys, tried here with SQL that Tunet itself never writes.
@Suite("A reported day names a placement and a submission that exist")
struct PostgresDayReferencesTests {
    let stores: PlacementStores
    let submission: Int64
    let emptySubmission: Int64

    init() throws {
        stores = try PlacementStores()
        try stores.place([try PlacementStores.placement(1, sequence: 1, from: "2026-03-02", to: "2026-06-19"),
                          try PlacementStores.placement(2, sequence: 2, from: "2026-03-02", to: "2026-06-19")])
        let days = (0..<3).map { PostgresAttendanceTests.exportDay(try! PlacementStores.placement(1, sequence: 1, from: "2026-03-02", to: "2026-06-19"), $0) }
        (submission, emptySubmission) = try stores.write { tx in
            let withDays = try tx.storeSubmission(PostgresAttendanceTests.submission(PlacementStores.lia, file: "mars.csv", hash: "mars", rows: days,
                                                                                     new: days.count), rows: days, replaced: []).id
            let without = try tx.storeSubmission(PostgresAttendanceTests.submission(PlacementStores.lia, file: "tom.csv", hash: "tom", rows: [], new: 0),
                                                 rows: [], replaced: []).id
            return (withDays, without)
        }
    }

    private func refused(_ sql: String) throws {
        let before = try storedDays()
        let error = #expect(throws: TunetError.self, "\(sql)") { try stores.write { tx in try tx.rows(PostgresQuery(unsafeSQL: sql)) } }
        #expect(error?.english.contains("23503") == true, "\(sql): \(error?.english ?? "")")
        #expect(try storedDays() == before)
    }

    private func storedDays() throws -> [StoredAttendance] {
        try stores.read { try $0.attendance(placements: [1, 2], from: try placementDay("2026-01-01"), to: try placementDay("2027-01-01")) }
    }

    @Test("A day of an unknown placement or submission is refused, whether inserted, copied or changed, and nothing of the statement stays")
    func unknownReferencesRefused() throws {
        let columns = "placement_id, date, status, extra_day, day_price_ore, transport_ore, planned_cost_ore, submission_id"
        try refused("INSERT INTO attendance (\(columns)) VALUES (2, '2026-03-03', 'present', false, 1, 0, 1, \(submission)), (99, '2026-03-03', 'present', false, 1, 0, 1, \(submission))")
        try refused("INSERT INTO attendance (\(columns)) VALUES (2, '2026-03-03', 'present', false, 1, 0, 1, 999)")
        try refused("UPDATE attendance SET submission_id = 999 WHERE placement_id = 1")
        try refused("UPDATE attendance SET placement_id = 99 WHERE placement_id = 1")
        let copied = #expect(throws: TunetError.self) {
            try stores.write { tx in
                let id = try tx.storeSubmission(PostgresAttendanceTests.submission(PlacementStores.lia, file: "år.csv", hash: "år", rows: [], new: 0),
                                                rows: [], replaced: []).id
                var day = PostgresAttendanceTests.exportDay(try PlacementStores.placement(1, sequence: 1, from: "2026-03-02", to: "2026-06-19"), 40)
                day.entry.placementId = 99
                try PostgresAttendanceRows(tx, replacing: false, way: .copy).write([day], submission: id)
            }
        }
        #expect(copied?.english.contains("23503") == true)
        try stores.write { tx in
            try tx.rows(PostgresQuery(unsafeSQL: "INSERT INTO attendance (\(columns)) VALUES (2, '2026-03-03', 'present', false, 1, 0, 1, \(submission))"))
        }
        #expect(try storedDays().count == 4)
    }

    @Test("A placement or submission with reported days cannot be removed or renumbered; one without days can")
    func referencedRowsStay() throws {
        try refused("DELETE FROM placement WHERE id = 1")
        try refused("UPDATE placement SET id = 100 WHERE id = 1")
        try refused("DELETE FROM attendance_submission WHERE id = \(submission)")
        try refused("UPDATE attendance_submission SET id = 100 WHERE id = \(submission)")
        try stores.write { tx in
            try tx.rows(PostgresQuery(unsafeSQL: "UPDATE placement SET cancelled = cancelled WHERE id = 1"))
            try tx.rows(PostgresQuery(unsafeSQL: "DELETE FROM attendance_submission WHERE id = \(emptySubmission)"))
            try tx.rows(PostgresQuery(unsafeSQL: "UPDATE placement SET id = 200 WHERE id = 2"))
        }
        #expect(try storedDays().count == 3)
    }
}
