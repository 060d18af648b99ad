import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

/// Rows left without a status (and with nothing else filled in) report nothing, on every way a file is imported.
@Suite("A partly filled attendance file")
struct PartialFileImportTests {
    /// A file line with everything after the date emptied, as a farm leaves a template row.
    private static func leftEmpty(_ line: some StringProtocol) -> String {
        let fields = String(line).split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        return (fields.prefix(3) + fields.dropFirst(3).map { _ in "" }).joined(separator: ";")
    }

    private func run(_ context: TunetContext, _ file: URL, sideBySide: Bool) throws -> AttendanceImportView {
        var importer = AttendanceImportDesk(context)
        importer.pipelinedFromBytes = sideBySide ? 0 : .max
        return try importer.run(file: file)
    }

    @Test("every fourth row left empty: the others are stored, the empty ones counted, the same side by side as one step at a time")
    func countedBothWays() throws {
        let side = try SyntheticFarm(farms: 3, placements: 9), usual = try SyntheticFarm(farms: 3, placements: 9)
        let lines = try side.lines().dropFirst().map(String.init)
        let partial = lines.enumerated().map { $0.offset % 4 == 1 ? Self.leftEmpty($0.element) : $0.element }
        let empty = lines.indices.filter { $0 % 4 == 1 }.count
        try #require(empty > 50)
        let sideReport = try run(side.context, try side.file("partial.csv", partial), sideBySide: true)
        let usualReport = try run(usual.context, try usual.file("partial.csv", partial), sideBySide: false)
        for report in [sideReport, usualReport] {
            #expect(report.rowsLeftEmpty == empty)
            #expect(report.rows == lines.count - empty)
            #expect(report.new == lines.count - empty)
            #expect(report.submissions.count == 3)
        }
        #expect(try side.context.allStoredDays().count == lines.count - empty)
        #expect(try side.context.allStoredDays() == usual.context.allStoredDays())
    }

    @Test("a file of only empty rows is refused on every way, naming how many rows were left empty, and stores nothing")
    func onlyEmptyRows() throws {
        let farm = try SyntheticFarm(farms: 3, placements: 9)
        let lines = try farm.lines().dropFirst().map { Self.leftEmpty($0) }
        let file = try farm.file("empty.csv", lines)
        for sideBySide in [true, false] {
            #expect(throws: TunetError.invalid("status", nil, Message("attendance.file.nothing_reported", ["rows": .integer(lines.count)]))) {
                try run(farm.context, file, sideBySide: sideBySide)
            }
        }
        var dry = AttendanceImportDesk(farm.context)
        dry.pipelinedFromBytes = .max
        #expect(throws: TunetError.self) { try dry.run(file: file, dryRun: true) }
        #expect(try farm.context.allStoredDays().isEmpty)
        #expect(try farm.context.read { try $0.submissions() }.isEmpty)
    }
}
