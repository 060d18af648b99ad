import Foundation
@testable import TunetApp
import TunetFixtures
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

/// Synthetic farms (one unless told) with their placements, and their year of attendance as a file, farm
/// by farm, in a fresh workspace.
struct SyntheticFarm {
    let workspace: TestWorkspace
    let file: URL
    let rows: Int

    init(farms: Int = 1, placements: Int) throws {
        workspace = try TestWorkspace()
        let scale = SyntheticNation.Scale(farms: farms, placements: placements)
        _ = try SyntheticNation.build(workspace.context, scale: scale)
        file = workspace.folder.appendingPathComponent("year.csv")
        rows = try SyntheticNation.writeAttendance(workspace.context, to: file, scale: scale)
    }

    var context: TunetContext { workspace.context }

    /// Only the days of one month (`2025-05`) of the file imported, for tests of a month's reading.
    func importMonth(_ month: String) throws -> Int {
        let lines = try lines().dropFirst().filter { $0.split(separator: ";")[2].hasPrefix(month) }.map(String.init)
        _ = try AttendanceImportDesk(context).run(file: try file("\(month).csv", lines))
        return lines.count
    }

    /// The file's lines, the header first.
    func lines() throws -> [Substring] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
    }

    /// A file of the header and these lines, in the workspace.
    func file(_ name: String, _ lines: [String]) throws -> URL {
        let url = workspace.folder.appendingPathComponent(name)
        try (try [String(self.lines()[0])] + lines).joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The year imported, then one stored day's status overwritten with one Tunet does not know
    /// ("holiday"), as a change from outside Tunet would leave it.
    func importedWithUnknownStatus() throws {
        _ = try AttendanceImportDesk(context).run(file: file)
        try context.sqlite.pool.write { db in
            try db.execute(sql: "UPDATE attendance SET status = 'holiday' WHERE (placement_id, date) = (SELECT placement_id, MAX(date) FROM attendance)")
        }
    }

    /// Whether `error` reports the unknown status that `importedWithUnknownStatus` stored.
    static func namesUnknownStatus(_ error: any Error) -> Bool {
        (error as? TunetError).map { "\($0)".contains("holiday") } ?? false
    }

    /// A file line with its status changed (and its hours dropped), so that the day reads differently.
    static func corrected(_ line: some StringProtocol) -> String {
        var fields = String(line).split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        fields[3] = fields[3] == "FU" ? "FM" : "FU"
        fields[4] = ""
        return fields.joined(separator: ";")
    }
}

extension TunetContext {
    /// Every stored attendance day of every placement, as the database holds it.
    func allStoredDays() throws -> [StoredAttendance] {
        try read { try $0.attendance(placements: $0.placements().map(\.id), from: LocalDate(year: 2000, month: 1, day: 1)!,
                                      to: LocalDate(year: 2100, month: 1, day: 1)!) }
    }
}
