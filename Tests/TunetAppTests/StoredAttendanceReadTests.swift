import Foundation
import GRDB
import Testing
@testable import TunetApp
import TunetDomain
@testable import TunetStoreSQLite

/// A month's stored days of many placements are read in parts, bound and stepped with SQLite's C API;
/// they must be the rows the table holds, whatever the size of the parts.
@Suite("Stored days of many placements, read in parts")
struct StoredAttendanceReadTests {
    @Test("Read in parts of any size, the days are the table's rows for those placements and that month, in placement and date order")
    func partsOfAnySize() throws {
        let farms = try SyntheticFarm(farms: 12, placements: 240)
        let mayDays = try farms.importMonth("2025-05")
        let from = try #require(LocalDate(year: 2025, month: 5, day: 1)), to = try #require(LocalDate(year: 2025, month: 5, day: 31))
        try farms.context.sqlite.readSQLite { (reader: SQLiteReader) throws in
            let ids = try Int64.fetchAll(reader.db, sql: "SELECT id FROM placement ORDER BY id")
            #expect(ids.count == 240)
            let table = try Row.fetchAll(reader.db, sql: """
                SELECT a.placement_id, a.date, a.status, a.day_price_ore, a.transport_ore, p.participant_code
                FROM attendance a JOIN placement p ON p.id = a.placement_id
                WHERE a.date BETWEEN '2025-05-01' AND '2025-05-31' ORDER BY a.placement_id, a.date
                """).map { "\($0[0] as Int64) \($0[1] as String) \($0[2] as String) \($0[3] as Int64) \($0[4] as Int64) \($0[5] as String)" }
            #expect(table.count == mayDays)
            for perRead in [1, 7, 239, 240, 500] {
                let read = try reader.attendance(placements: ids, from: from, to: to, perRead: perRead).map {
                    "\($0.entry.placementId) \($0.entry.date.iso) \($0.entry.status.rawValue) \($0.dayPrice.ore) \($0.transport.ore) \($0.entry.participant.text)"
                }
                #expect(read == table, "parts of \(perRead)")
            }
            // The same placements asked for again (a statement kept prepared) and a few of them alone.
            #expect(try reader.attendance(placements: ids, from: from, to: to, perRead: 7).count == table.count)
            #expect(try reader.attendance(placements: [ids[3]], from: from, to: to).allSatisfy { $0.entry.placementId == ids[3] })
        }
    }
}
