import Foundation
import Synchronization
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

/// An import is checked and planned in a snapshot, outside the single writer, and stored inside it.
/// These put another writer's change exactly between the two.
@Suite("An import checked outside the writer notices what changed before it stores")
struct AttendanceImportSnapshotTests {
    /// One synthetic farm with two placements and its year of attendance as a file.
    private func farm() throws -> (workspace: TestWorkspace, file: URL, rows: Int) {
        let farm = try SyntheticFarm(placements: 2)
        return (farm.workspace, farm.file, farm.rows)
    }

    private func storedDays(_ context: TunetContext) throws -> Int {
        try context.allStoredDays().count
    }

    @Test("A placement cancelled meanwhile: the file is checked again, its rows refused, and nothing is stored")
    func checksAgain() throws {
        let (workspace, file, _) = try farm()
        let context = workspace.context
        let placement = try context.read { try $0.placements() }[0]
        var importing = AttendanceImportDesk(context)
        importing.afterCheck = { _ = try PlacementDesk(context).cancel(placement.id, reason: "Registrert ved en feil") }
        let readings = Mutex(0)
        importing.onReadingRows = { readings.withLock { $0 += 1 } }
        do {
            _ = try importing.run(file: file)
            Issue.record("the rows of a cancelled placement were stored")
        } catch let error as TunetError {
            #expect(error.problems.contains { $0.field == "participant" && $0.value == placement.participant.text })
        }
        #expect(try storedDays(context) == 0)
        #expect(readings.withLock { $0 } == 2, "read in the snapshot, and once more inside the writer")
    }

    @Test("The same farm submitting meanwhile: its days are compared again, so they count as unchanged instead of clashing")
    func comparesAgain() throws {
        let (workspace, file, rows) = try farm()
        let context = workspace.context
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        let firstTen = workspace.folder.appendingPathComponent("first-ten.csv")
        try (lines.prefix(11).joined(separator: "\n") + "\n").write(to: firstTen, atomically: true, encoding: .utf8)
        var importing = AttendanceImportDesk(context)
        importing.afterCheck = { _ = try AttendanceImportDesk(context).run(file: firstTen) }
        let readings = Mutex(0)
        importing.onReadingRows = { readings.withLock { $0 += 1 } }
        let report = try importing.run(file: file)
        #expect(readings.withLock { $0 } == 1, "the checked rows are compared again, not read again")
        #expect(report.rows == rows)
        #expect(report.unchanged == 10)
        #expect(report.new == rows - 10)
        #expect(try storedDays(context) == rows)
    }
}
