import Foundation
import Testing

/// Programs are started by `ChildProcess` only (ARCHITECTURE.md, TunetChildProcess): Foundation's `Process`
/// can crash the whole process when it starts one on Linux (swift-corelibs-foundation #5472).
@Suite("Started programs")
struct StartedProgramsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("No source or test uses Foundation's Process; every program is started by ChildProcess")
    func noFoundationProcess() throws {
        var found: [String] = []
        for folder in ["Sources", "Tests"] {
            guard let files = FileManager.default.enumerator(at: Self.root.appendingPathComponent(folder), includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in files where url.pathExtension == "swift" && url.lastPathComponent != "StartedProgramsTests.swift" {
                let text = try String(contentsOf: url, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false)[0]
                    .contains(/(^|[^A-Za-z_.])(Foundation\.)?Process(?![A-Za-z_])/) {
                    found.append("\(url.path.replacingOccurrences(of: Self.root.path + "/", with: "")):\(number + 1): \(line)")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
