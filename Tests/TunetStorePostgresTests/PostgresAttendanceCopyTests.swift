import Foundation
import Testing
@testable import TunetDomain
import TunetStorage
@testable import TunetStorePostgres
import TunetTestSupport

@Suite("Many new days streamed with COPY")
struct PostgresAttendanceCopyTests {
    /// The same placements and the same 1,500 days (every status, hours and trips present and absent,
    /// extra days, prices) stored through COPY in one database and through the plain insert in another.
    @Test("COPY stores exactly what the plain insert stores, and a day already there fails the whole submission in both")
    func sameAsThePlainInsert() throws {
        let placements = try (1...3).map { try PlacementStores.placement(Int64($0), sequence: $0, from: "2026-01-05", to: "2027-12-31") }
        let rows = placements.flatMap { placement in (0..<500).map { PostgresAttendanceTests.exportDay(placement, $0) } }
        var stored: [PostgresAttendanceRows.Way: [StoredAttendance]] = [:]
        for way in [PostgresAttendanceRows.Way.copy, .insert] {
            let stores = try PlacementStores()
            try stores.place(placements)
            let submission = PostgresAttendanceTests.submission(PlacementStores.lia, file: "år.csv", hash: "år", rows: rows, new: rows.count)
            try stores.write { tx in
                let id = try tx.storeSubmission(submission, rows: [], replaced: []).id
                try PostgresAttendanceRows(tx, replacing: false, way: way).write(rows, submission: id)
            }
            stored[way] = try stores.read { try $0.attendance(placements: placements.map(\.id), from: try placementDay("2026-01-01"), to: try placementDay("2028-01-01")) }

            let before = try stores.read { try $0.attendance(placements: [1], from: try placementDay("2026-01-01"), to: try placementDay("2028-01-01")) }
            #expect(throws: TunetError.self) {
                try stores.write { tx in
                    let id = try tx.storeSubmission(submission, rows: [], replaced: []).id
                    try PostgresAttendanceRows(tx, replacing: false, way: way).write([rows[0]], submission: id)
                }
            }
            #expect(try stores.read { try $0.attendance(placements: [1], from: try placementDay("2026-01-01"), to: try placementDay("2028-01-01")) } == before)
        }
        #expect(stored[.copy]?.count == rows.count)
        #expect(stored[.copy] == stored[.insert])
        #expect(stored[.copy]?.map(\.entry) == rows.inDayOrder().map(\.entry))
    }

    /// A farm's 1,500 stored days, then a correction of all of them (and of one day given twice, the
    /// later kept) plus new ones: through COPY and the session's temporary table in one database, through
    /// the arrays' upsert in another.
    @Test("Days that replace stored ones are stored alike through COPY and through the plain upsert, the later of a day given twice kept")
    func replacingSameAsThePlainUpsert() throws {
        let placements = try (1...3).map { try PlacementStores.placement(Int64($0), sequence: $0, from: "2026-01-05", to: "2027-12-31") }
        let first = placements.flatMap { placement in (0..<500).map { PostgresAttendanceTests.exportDay(placement, $0) } }
        let corrected = placements.flatMap { placement in (0..<600).map { offset in
            var day = PostgresAttendanceTests.exportDay(placement, offset)
            day.entry.status = offset % 3 == 0 ? .absentWithoutNotice : .present
            day.dayPrice = Money(ore: 90_000 + Int64(offset))
            return day
        } }
        var twice = corrected[7]
        twice.entry.hoursTenths = 99
        let given = corrected + [twice]
        var stored: [PostgresAttendanceRows.Way: [StoredAttendance]] = [:]
        for way in [PostgresAttendanceRows.Way.copy, .insert] {
            let stores = try PlacementStores()
            try stores.place(placements)
            try stores.write { tx in
                let id = try tx.storeSubmission(PostgresAttendanceTests.submission(PlacementStores.lia, file: "år.csv", hash: "år", rows: first,
                                                                                   new: first.count), rows: [], replaced: []).id
                try PostgresAttendanceRows(tx, replacing: false, way: way).write(first, submission: id)
            }
            // Twice in one transaction: the second correction finds the temporary table empty.
            try stores.write { tx in
                for file in ["rettet.csv", "rettet-igjen.csv"] {
                    let id = try tx.storeSubmission(PostgresAttendanceTests.submission(PlacementStores.lia, file: file, hash: file, rows: given,
                                                                                       new: 300, changed: 1500), rows: [], replaced: []).id
                    try PostgresAttendanceRows(tx, replacing: true, way: way).write(given, submission: id)
                }
            }
            stored[way] = try stores.read { try $0.attendance(placements: placements.map(\.id), from: try placementDay("2026-01-01"),
                                                                to: try placementDay("2028-01-01")) }
        }
        #expect(stored[.copy]?.count == corrected.count)
        #expect(stored[.copy] == stored[.insert])
        #expect(stored[.copy]?.first { $0.entry.placementId == twice.entry.placementId && $0.entry.date == twice.entry.date }?.entry.hoursTenths == 99)
        #expect(Set(stored[.copy]?.map(\.submissionId) ?? []).count == 1)
    }

    /// Three farms' worth of new days in one transaction, as a national file's import stores them.
    @Test("New days of several submissions wait for one COPY: a statement in the transaction sees them, the commit writes them, and a day stored twice fails the whole transaction")
    func heldDaysGoTogether() throws {
        let placements = try (1...3).map { try PlacementStores.placement(Int64($0), sequence: $0, from: "2026-01-05", to: "2027-12-31") }
        let days = placements.map { placement in (0..<400).map { PostgresAttendanceTests.exportDay(placement, $0) } }
        let stores = try PlacementStores()
        try stores.place(placements)
        let everything = { try stores.read { try $0.attendance(placements: placements.map(\.id), from: try placementDay("2026-01-01"),
                                                               to: try placementDay("2028-01-01")) } }
        let seenInside = try stores.write { tx in
            for (index, farmDays) in days.prefix(2).enumerated() {
                _ = try tx.storeSubmission(PostgresAttendanceTests.submission(PlacementStores.lia, file: "del-\(index).csv", hash: "del-\(index)",
                                                                              rows: farmDays, new: farmDays.count), rows: farmDays, replaced: [])
            }
            return try tx.attendance(placements: placements.map(\.id), from: try placementDay("2026-01-01"), to: try placementDay("2028-01-01")).count
        }
        #expect(seenInside == 800)
        try stores.write { tx in
            _ = try tx.storeSubmission(PostgresAttendanceTests.submission(PlacementStores.lia, file: "del-2.csv", hash: "del-2", rows: days[2],
                                                                          new: days[2].count), rows: days[2], replaced: [])
        }
        let stored = try everything()
        #expect(stored.map(\.entry) == days.flatMap { $0 }.inDayOrder().map(\.entry))
        #expect(Set(stored.map(\.submissionId)).count == 3)

        let auditBefore = try stores.auditEvents().count
        #expect(throws: TunetError.self) {
            try stores.write { tx in
                _ = try tx.storeSubmission(PostgresAttendanceTests.submission(PlacementStores.lia, file: "ny.csv", hash: "ny", rows: [], new: 1),
                                           rows: [PostgresAttendanceTests.exportDay(placements[0], 500)], replaced: [])
                _ = try tx.storeSubmission(PostgresAttendanceTests.submission(PlacementStores.lia, file: "igjen.csv", hash: "igjen", rows: [], new: 1),
                                           rows: [days[0][0]], replaced: [])
            }
        }
        #expect(try everything() == stored)
        #expect(try stores.auditEvents().count == auditBefore)
        #expect(try stores.read { try $0.submissions() }.count == 3)
    }
}
