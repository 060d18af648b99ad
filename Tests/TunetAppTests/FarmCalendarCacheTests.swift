import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
@testable import TunetStore

/// The service keeps each farm's placements and agreements between its uploads, and must never check
/// an upload against ones that have changed since.
@Suite("A farm's calendars kept between uploads")
struct FarmCalendarCacheTests {
    private func month(_ lines: [Substring], header: Substring, _ prefix: String) -> Data {
        Data(([header] + lines.filter { $0.split(separator: ";")[2].hasPrefix(prefix) }).joined(separator: "\n").appending("\n").utf8)
    }

    @Test("are loaded once for a farm's uploads, and again after any change to farms, placements, agreements or calendars")
    func reloadsAfterChanges() throws {
        let workspace = try TestWorkspace()
        let context = workspace.context
        let scale = SyntheticNation.Scale(farms: 1, placements: 2)
        _ = try SyntheticNation.build(context, scale: scale)
        let year = workspace.folder.appendingPathComponent("year.csv")
        _ = try SyntheticNation.writeAttendance(context, to: year, scale: scale)
        let lines = try String(contentsOf: year, encoding: .utf8).split(separator: "\n")
        let farm = String(lines[1].split(separator: ";")[0])
        let cache = context.caches.farmCalendars

        _ = try AttendanceImport(context).run(data: month(Array(lines.dropFirst()), header: lines[0], "2025-01"), fileName: "jan.csv", provider: farm)
        _ = try AttendanceImport(context).run(data: month(Array(lines.dropFirst()), header: lines[0], "2025-02"), fileName: "feb.csv", provider: farm)
        #expect(cache.loads == 1, "the second upload found the first one's calendars current")

        // A placement cancelled between uploads: the next upload is checked against the change.
        let placement = try context.read { try $0.placements() }[0]
        _ = try PlacementDesk(context).cancel(placement.id, reason: "Registrert ved en feil")
        let march = month(Array(lines.dropFirst()), header: lines[0], "2025-03")
        #expect(throws: TunetError.self) {
            try AttendanceImport(context).run(data: march, fileName: "mar.csv", provider: farm)
        }
        #expect(cache.loads == 2)
    }
}
