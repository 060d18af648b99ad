import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

/// The service keeps each farm's placements and agreements between its uploads, and must never check
/// an upload against ones that have changed since.
@Suite("A farm's calendars kept between uploads")
struct FarmScheduleCacheTests {
    /// The farm's days of one month (`2025-01`) as a file.
    private func month(_ farm: SyntheticFarm, _ month: String) throws -> URL {
        try farm.file("\(month).csv", farm.lines().dropFirst().filter { $0.split(separator: ";")[2].hasPrefix(month) }.map(String.init))
    }

    @Test("are loaded once for a farm's uploads, and again after any change to farms, placements, agreements or calendars")
    func reloadsAfterChanges() throws {
        let farm = try SyntheticFarm(placements: 2)
        let context = farm.context
        let number = String(try farm.lines()[1].split(separator: ";")[0])
        let cache = context.caches.farmCalendars

        _ = try AttendanceImportDesk(context).run(file: month(farm, "2025-01"), provider: number)
        _ = try AttendanceImportDesk(context).run(file: month(farm, "2025-02"), provider: number)
        #expect(cache.loads == 1, "the second upload found the first one's calendars current")

        // A placement cancelled between uploads: the next upload is checked against the change.
        let placement = try context.read { try $0.placements() }[0]
        _ = try PlacementDesk(context).cancel(placement.id, reason: "Registrert ved en feil")
        let march = try month(farm, "2025-03")
        #expect(throws: TunetError.self) {
            try AttendanceImportDesk(context).run(file: march, provider: number)
        }
        #expect(cache.loads == 2)
    }
}
