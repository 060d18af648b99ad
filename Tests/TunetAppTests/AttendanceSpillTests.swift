import Foundation
import Synchronization
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

/// A file whose farms' rows are mixed is read farm by farm out of a temporary file it is sorted into;
/// what it stores, and every message about it, are what reading it in its own order gives.
@Suite("A shuffled attendance file, read farm by farm through a temporary file, as its own order reads it")
struct AttendanceSpillTests {
    /// Four farms with five placements each: a year's file of some 2,000 rows, shuffled.
    private func shuffledYear() throws -> (farms: SyntheticFarm, lines: [String]) {
        let farms = try SyntheticFarm(farms: 4, placements: 20)
        let lines = try farms.lines().dropFirst().map(String.init)
        let shuffled = lines.enumerated().sorted { ($0.offset &* 2_654_435_761) % 7_919 < ($1.offset &* 2_654_435_761) % 7_919 }.map(\.element)
        return (farms, shuffled)
    }

    private func job(_ context: TunetContext, _ file: URL, onReadingRows: (@Sendable () -> Void)? = nil) throws -> AttendanceImportJob {
        AttendanceImportJob(context: context, revealOtherProviders: true, data: try Data(contentsOf: file), fileName: file.lastPathComponent,
                            submitter: nil, dryRun: false, onReadingRows: onReadingRows)
    }

    /// The import side by side, farm by farm, or the import inside the writer in the file's own order:
    /// its report or its error, its workspace, and how many times it read the file's rows.
    private func imported(_ lines: [String], farmByFarm: Bool) throws -> (report: AttendanceImportView?, error: TunetError?,
                                                                          farms: SyntheticFarm, readings: Int) {
        let (farms, _) = try shuffledYear()
        let readings = Mutex(0)
        let job = try job(farms.context, try farms.file("shuffled.csv", lines), onReadingRows: { readings.withLock { $0 += 1 } })
        do {
            let report = try farmByFarm ? PipelinedImport().run(job) : WriterImport().run(job)
            return (report, nil, farms, readings.withLock { $0 })
        } catch let error as TunetError {
            return (nil, error, farms, readings.withLock { $0 })
        }
    }

    private func audit(_ context: TunetContext) throws -> [String] {
        try context.read { try $0.auditEvents(AuditQuery(entity: AttendanceSubmission.auditEntity)) }.map {
            "\($0.before ?? "") \($0.after ?? "")".replacingOccurrences(of: #""received_at":"[^"]*""#, with: "", options: .regularExpression)
        }
    }

    @Test("stores every farm's days, submissions and their audit as the import in the file's own order does")
    func storesTheSame() throws {
        let (farms, lines) = try shuffledYear()
        #expect(try job(farms.context, try farms.file("shuffled.csv", lines)).inFarmOrder() != nil, "the file is put in farm order")
        let spilled = try imported(lines, farmByFarm: true), plain = try imported(lines, farmByFarm: false)
        #expect(spilled.readings == 2, "given up in the file's order, then read farm by farm to the end")
        let report = try #require(spilled.report), plainReport = try #require(plain.report)
        #expect(report.new == lines.count && report.submissions.count == 4)
        #expect(report.providers == plainReport.providers && report.rows == plainReport.rows && report.months == plainReport.months)
        #expect(try spilled.farms.context.allStoredDays() == plain.farms.context.allStoredDays())
        #expect(try audit(spilled.farms.context) == audit(plain.farms.context))
    }

    @Test("refuses a file with problems with every one named at its row in the file, as the file's own order does, and stores nothing")
    func refusesTheSame() throws {
        var (_, lines) = try shuffledYear()
        // Problems past the point where the file is seen to mix its farms, so that it is read farm by farm.
        let spoilt = [700, 1_300, lines.count - 1]
        for (index, value) in zip(spoilt, ["X", "2025-02-30", ""]) {
            var fields = lines[index].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            fields[value.contains("-") ? 2 : value.isEmpty ? 1 : 3] = value
            lines[index] = fields.joined(separator: ";")
        }
        let spilled = try imported(lines, farmByFarm: true), plain = try imported(lines, farmByFarm: false)
        let error = try #require(spilled.error, "a file with problems was stored")
        let plainError = try #require(plain.error)
        #expect(error.problems == plainError.problems)
        #expect(spoilt.allSatisfy { index in error.problems.contains { $0.row == index + 2 } }, "each problem at its row in the file")
        #expect(error.problems.compactMap(\.row) == error.problems.compactMap(\.row).sorted(), "told in the file's order")
        #expect(try spilled.farms.context.allStoredDays().isEmpty)
        #expect(try audit(spilled.farms.context).isEmpty)
    }
}
