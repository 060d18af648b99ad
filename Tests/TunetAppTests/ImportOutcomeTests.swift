import Foundation
import Testing
@testable import TunetApp

@Suite("What came of an import, one code per outcome")
struct ImportOutcomeTests {
    @Test("A dry run is checked, the first import imported, the same file again unchanged; each says so in `status`")
    func outcomes() throws {
        let farm = try SyntheticFarm(placements: 3)
        let checked = try AttendanceImportDesk(farm.context).run(file: farm.file, dryRun: true)
        let imported = try AttendanceImportDesk(farm.context).run(file: farm.file)
        let again = try AttendanceImportDesk(farm.context).run(file: farm.file)
        #expect([checked, imported, again].map(\.outcome) == ["checked", "imported", "unchanged"])
        let encoded = try [checked, imported, again].map { report in
            try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
        }
        #expect(encoded.map { $0["status"] as? String } == ["checked", "imported", "unchanged"])
        #expect(Set(encoded[2].keys) == Set(encoded[1].keys))
    }
}
