import Foundation
import Testing
@testable import TunetApp
import TunetDomain
import TunetJSON

/// A month's invoice lines for every farm are worked out side by side; they must be the lines worked
/// out one placement after another.
@Suite("Every farm's invoice lines, worked out side by side")
struct InvoiceLinesSideBySideTests {
    @Test("Hundreds of placements split into parts give the same lines for each farm, in the same order, as one after another")
    func sameAsOneAfterAnother() throws {
        let farms = try SyntheticFarm(farms: 12, placements: 240)
        _ = try farms.importMonth("2025-05")
        let month = try YearMonth.parse("2025-05").get()
        let today = try #require(LocalDate(year: 2025, month: 6, day: 15))
        func lines(parts: Int) throws -> [UInt8] {
            let byProvider = try farms.context.read { try AttendanceOverviewDesk.linesByProvider(month: month, today: today, in: $0, parts: parts, threshold: 1) }
            return try SortedJSONEncoder().encode(Dictionary(uniqueKeysWithValues: byProvider.map { ($0.key.digits, $0.value) }))
        }
        let oneByOne = try lines(parts: 1)
        let byProvider = try farms.context.read { try AttendanceOverviewDesk.linesByProvider(month: month, today: today, in: $0, parts: 1) }
        #expect(byProvider.count == 12 && byProvider.values.reduce(0) { $0 + $1.count } >= 200)
        #expect(byProvider.values.contains { $0.contains { $0.reportedDays > 0 && $0.total.ore > 0 } })
        for parts in [2, 3, 4] {
            #expect(try lines(parts: parts) == oneByOne)
        }
    }
}
