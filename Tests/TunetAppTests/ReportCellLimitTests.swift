import Foundation
import GRDB
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetFiles
@testable import TunetStoreSQLite

@Suite("A report never fails on a stored value")
struct ReportCellLimitTests {
    /// Before names were cleaned, a 33,000-character upload name reached the audit log and every later
    /// audit export failed on libxlsxwriter's 32,767-character limit.
    @Test("An audit event stored with a 40 000-character value exports, the cell cut at 32 767 characters ending in …")
    func longStoredValueExports() throws {
        let farms = try SyntheticFarm(farms: 1, placements: 2)
        let context = farms.context
        _ = try AttendanceImportDesk(context).run(file: farms.file)
        let long = String(repeating: "a", count: 40_000)
        try context.sqlite.pool.write { db in
            try db.execute(sql: "UPDATE audit_event SET after_json = ? WHERE id = (SELECT MAX(id) FROM audit_event)",
                           arguments: ["{\"file_name\":\"\(long)\"}"])
        }
        let path = farms.workspace.folder.appendingPathComponent("audit.xlsx").path
        let result = try ReportDesk(context).write("audit", filters: ReportFilters(), to: path)
        let sheet = try #require(result.sheets.first)
        let cells = try XLSXReader(data: try Data(contentsOf: URL(fileURLWithPath: path))).records(sheet: sheet).flatMap(\.fields)
        let cut = try #require(cells.first { $0.hasPrefix("{\"file_name\":\"aaa") })
        #expect(cut.count == 32_767)
        #expect(cut.hasSuffix("a…"))
    }

    @Test("A file name given with control characters and 33 000 characters is stored cleaned and bounded, keeping its extension")
    func importedNameCleaned() throws {
        let farms = try SyntheticFarm(farms: 1, placements: 2)
        let data = try Data(contentsOf: farms.file)
        let view = try AttendanceImportDesk(farms.context).run(data: data, fileName: "\u{1B}]0;x\u{7}" + String(repeating: "n", count: 33_000) + "\n.csv")
        let stored = try #require(try AttendanceOverviewDesk(farms.context).submissions(provider: nil).first?.fileName)
        #expect(stored == view.file)
        #expect(stored.count == 255)
        #expect(stored.hasPrefix("]0;x nnn"), "\(stored.prefix(12))")
        #expect(stored.hasSuffix("nnn.csv"))
        #expect(!stored.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }
}
