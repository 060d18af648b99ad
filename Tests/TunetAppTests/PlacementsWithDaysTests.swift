import Foundation
import Testing
@testable import TunetApp
import TunetDomain
import TunetJSON
import TunetStorage

/// A month's invoice lines read the placements and their days in one go, and the SQLite store decodes
/// the one on the other cores while it reads the other; that must be what reading them one after the
/// other gives.
@Suite("Placements with their month's days, read side by side")
struct PlacementsWithDaysTests {
    @Test("Every municipality and one: the same placements in the same order, and the same days, as read one after the other")
    func sameAsOneAfterTheOther() throws {
        // Splitting the decoding itself is PlacementDocumentsTests' part; here, the two reads beside each other.
        let farms = try SyntheticFarm(farms: 12, placements: 240)
        _ = try farms.importMonth("2025-05")
        let from = try #require(LocalDate(year: 2025, month: 5, day: 1)), to = try #require(LocalDate(year: 2025, month: 5, day: 31))
        let encoder = SortedJSONEncoder()
        let municipalities = try farms.context.read { reader in Set(try reader.placements(in: .every).map(\.municipalityNumber)) }
        let one = try #require(municipalities.sorted().first)
        for scope in [MunicipalityScope.every, .only([one]), .only([])] {
            let (together, apart) = try farms.context.read { reader in
                let placements = try reader.placements(in: scope)
                return (try reader.placementsWithDays(in: scope, from: from, to: to),
                        (placements: placements, days: try reader.attendance(placements: placements.map(\.id), from: from, to: to)))
            }
            #expect(try encoder.encode(together.placements) == encoder.encode(apart.placements))
            #expect(together.days.count == apart.days.count, "\(together.days.count)")
            #expect(together.days.map(\.entry) == apart.days.map(\.entry))
            #expect(together.days.map(\.dayPrice) == apart.days.map(\.dayPrice))
            if scope == .every { #expect(together.placements.count == 240 && together.days.count > 1_000) }
        }
    }
}
