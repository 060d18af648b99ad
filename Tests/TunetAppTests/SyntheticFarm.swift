import Foundation
@testable import TunetApp

/// One synthetic farm with its placements, and their year of attendance as a file, in a fresh workspace.
struct SyntheticFarm {
    let workspace: TestWorkspace
    let file: URL
    let rows: Int

    init(placements: Int) throws {
        workspace = try TestWorkspace()
        let scale = SyntheticNation.Scale(farms: 1, placements: placements)
        _ = try SyntheticNation.build(workspace.context, scale: scale)
        file = workspace.folder.appendingPathComponent("year.csv")
        rows = try SyntheticNation.writeAttendance(workspace.context, to: file, scale: scale)
    }

    var context: TunetContext { workspace.context }

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
}
