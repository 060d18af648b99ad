import Foundation
import Synchronization
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

/// A large file (a national year) is read and checked on one thread, compared and priced on another,
/// and stored by the writer as each farm's plan comes, in one transaction. These take that way with
/// small files and hold it to what the import one step at a time does.
@Suite("A large attendance file checked, planned and stored side by side")
struct AttendancePipelineTests {
    /// Three farms with three placements each; their file comes farm by farm.
    private func farms() throws -> SyntheticFarm {
        try SyntheticFarm(farms: 3, placements: 9)
    }

    private func importer(_ context: TunetContext, sideBySide: Bool) -> AttendanceImportDesk {
        var importer = AttendanceImportDesk(context)
        importer.pipelinedFromBytes = sideBySide ? 0 : .max
        return importer
    }

    /// The side-by-side import alone, and how many times it read the file's rows.
    private func sideBySideCounting(_ context: TunetContext, _ file: URL,
                                    provider: OrganisationNumber? = nil) throws -> (report: AttendanceImportView, readings: Int) {
        let readings = Mutex(0)
        let job = AttendanceImportJob(context: context, revealOtherProviders: true, data: try Data(contentsOf: file),
                                      fileName: file.lastPathComponent, submitter: provider, dryRun: false,
                                      onReadingRows: { readings.withLock { $0 += 1 } })
        let report = try PipelinedImport().run(job)
        return (report, readings.withLock { $0 })
    }

    private func sideBySide(_ context: TunetContext, _ file: URL, provider: OrganisationNumber? = nil) throws -> AttendanceImportView {
        try sideBySideCounting(context, file, provider: provider).report
    }

    private func storedDays(_ context: TunetContext) throws -> [StoredAttendance] {
        try context.allStoredDays()
    }

    private func lastAuditEvent(_ context: TunetContext) throws -> Int64 {
        try context.read { try $0.lastAuditEventId() }
    }

    /// What a report says, without the file's name.
    private func summary(_ report: AttendanceImportView) -> String {
        return "\(report.providers) \(report.months) rows \(report.rows) new \(report.new) changed \(report.changed) "
            + "unchanged \(report.unchanged) submissions \(report.submissions)"
    }

    /// A file line's `field` set to `value`.
    private static func spoil(_ lines: inout [String], _ index: Int, field: Int, with value: String) {
        var fields = lines[index].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        fields[field] = value
        lines[index] = fields.joined(separator: ";")
    }

    /// The problems an import of `file` is refused with, side by side or one step at a time.
    private func problems(_ context: TunetContext, _ file: URL, sideBySide: Bool) throws -> [FieldProblem] {
        do {
            _ = try importer(context, sideBySide: sideBySide).run(file: file)
            Issue.record("a file with problems was stored")
            return []
        } catch let error as TunetError {
            return error.problems
        }
    }

    @Test("stores every farm's days, prices, submissions and audit of replaced days as the import one step at a time does")
    func storesAsOneStepAtATime() throws {
        let side = try farms(), usual = try farms()
        let lines = try side.lines().dropFirst().map(String.init)
        try #require(lines.count > 300)
        // Two thirds of the year first; then the whole year, every fifth day corrected.
        let first = lines.enumerated().filter { $0.offset % 3 != 0 }.map(\.element)
        let second = lines.enumerated().map { $0.offset % 5 == 0 ? SyntheticFarm.corrected($0.element) : $0.element }
        for (name, rows) in [("first.csv", first), ("second.csv", second)] {
            let sideReport = try sideBySide(side.context, try side.file(name, rows))
            let usualReport = try importer(usual.context, sideBySide: false).run(file: try usual.file(name, rows))
            #expect(summary(sideReport) == summary(usualReport))
            #expect(sideReport.providers.count == 3)
        }
        #expect(try storedDays(side.context).count == lines.count)
        #expect(try storedDays(side.context) == storedDays(usual.context))
        // What each submission's audit event holds, but for when it was received.
        let audit = { (context: TunetContext) in
            try context.read { try $0.auditEvents(AuditQuery(entity: AttendanceSubmission.auditEntity)) }.map {
                "\($0.before ?? "") \($0.after ?? "")".replacingOccurrences(of: #""received_at":"[^"]*""#, with: "", options: .regularExpression)
            }
        }
        #expect(try audit(side.context) == audit(usual.context))
        #expect(try audit(side.context).contains { $0.contains("\"placements\"") }, "the corrections' replaced days are audited")
    }

    @Test("stores a file given with its farm as that farm's one submission")
    func oneFarmsFile() throws {
        let farm = try SyntheticFarm(placements: 3)
        let number = try #require(try farm.context.read { try $0.placements() }.first?.provider)
        let report = try sideBySide(farm.context, farm.file, provider: number)
        #expect(report.provider == number && report.submissions.count == 1 && report.new == farm.rows)
        #expect(try storedDays(farm.context).count == farm.rows)
    }

    @Test("refuses the whole file for problems in its first and last farms' rows, names every one, and stores nothing")
    func refusesWholeFile() throws {
        let farm = try farms()
        var lines = try farm.lines().dropFirst().map(String.init)
        Self.spoil(&lines, 0, field: 3, with: "X")
        Self.spoil(&lines, lines.count - 1, field: 2, with: "2025-02-30")
        let file = try farm.file("spoilt.csv", lines)
        let before = try lastAuditEvent(farm.context)

        let problems = { (sideBySide: Bool) in try self.problems(farm.context, file, sideBySide: sideBySide) }
        let found = try problems(true)
        #expect(found.contains { $0.row == 2 && $0.field == "status" })
        #expect(found.contains { $0.row == lines.count + 1 && $0.field == "date" })
        #expect(try found == problems(false), "the same problems as the import one step at a time")
        #expect(try storedDays(farm.context).isEmpty)
        #expect(try lastAuditEvent(farm.context) == before)
    }

    /// The import side by side, and for each reading of the file's rows, whether a helper read them
    /// (beside the writer) rather than the thread that holds the writer.
    private func sideBySideReadings(_ context: TunetContext, _ file: URL) throws -> (report: AttendanceImportView, byHelper: [Bool]) {
        let writer = pthread_self()
        let byHelper = Mutex<[Bool]>([])
        let job = AttendanceImportJob(context: context, revealOtherProviders: true, data: try Data(contentsOf: file),
                                      fileName: file.lastPathComponent, submitter: nil, dryRun: false,
                                      onReadingRows: { byHelper.withLock { $0.append(pthread_equal(pthread_self(), writer) == 0) } })
        let report = try PipelinedImport().run(job)
        return (report, byHelper.withLock { $0 })
    }

    /// The file's rows in other orders: sorted by date, by participant, and shuffled.
    private func otherOrders(_ lines: [String]) -> [(name: String, lines: [String])] {
        let field = { (line: String, index: Int) in line.split(separator: ";", omittingEmptySubsequences: false)[index] }
        let shuffled = lines.enumerated().sorted { ($0.offset &* 2_654_435_761) % 4_099 < ($1.offset &* 2_654_435_761) % 4_099 }.map(\.element)
        return [("by-date.csv", lines.sorted { field($0, 2) < field($1, 2) }),
                ("by-participant.csv", lines.sorted { field($0, 1) < field($1, 1) }),
                ("shuffled.csv", shuffled)]
    }

    @Test("stores a file sorted by date, by participant or shuffled as the import one step at a time does, reading it again farm by farm, side by side")
    func anyOrder() throws {
        let lines = try farms().lines().dropFirst().map(String.init)
        for (name, reordered) in otherOrders(lines) {
            let side = try farms(), usual = try farms()
            #expect(reordered != lines)
            let (report, byHelper) = try sideBySideReadings(side.context, try side.file(name, reordered))
            #expect(byHelper == [true, true], "\(name): given up in the file's order, then read farm by farm beside the writer")
            #expect(report.new == lines.count && report.submissions.count == 3)
            let usualReport = try importer(usual.context, sideBySide: false).run(file: try usual.file(name, reordered))
            #expect(summary(report) == summary(usualReport), "\(name)")
            #expect(try storedDays(side.context) == storedDays(usual.context), "\(name)")
        }
    }

    @Test("a file out of order with problems names every one, in the file's order, as the import one step at a time does, and stores nothing")
    func anyOrderRefused() throws {
        let farm = try farms()
        var lines = try farm.lines().dropFirst().map(String.init)
        lines.append(lines.removeFirst())
        Self.spoil(&lines, lines.count - 1, field: 3, with: "X")
        Self.spoil(&lines, 5, field: 3, with: "Y")
        lines.append(lines[7])
        let file = try farm.file("spoilt.csv", lines)
        let before = try lastAuditEvent(farm.context)
        let problems = { (sideBySide: Bool) in try self.problems(farm.context, file, sideBySide: sideBySide) }
        let found = try problems(true)
        #expect(found.count >= 3)
        #expect(found.compactMap(\.row) == found.compactMap(\.row).sorted(), "told in the file's order")
        #expect(found.contains { $0.row == lines.count + 1 && $0.field == "date" }, "the day given twice, at its second row")
        #expect(try found == problems(false))
        #expect(try storedDays(farm.context).isEmpty)
        #expect(try lastAuditEvent(farm.context) == before)
    }

    @Test("a file out of order with values under no heading names the row the file's order finds first")
    func anyOrderCellWithoutHeading() throws {
        let farm = try farms()
        var lines = try farm.lines().dropFirst().map(String.init)
        lines.append(lines.removeFirst())
        // The file's order meets row 8 first; farm by farm, the last farm's row would come first.
        lines[6] += ";x"
        lines[lines.count - 1] += ";y"
        let file = try farm.file("wide.csv", lines)
        let before = try lastAuditEvent(farm.context)
        let found = try problems(farm.context, file, sideBySide: true)
        #expect(found.map(\.row) == [8])
        #expect(try found == problems(farm.context, file, sideBySide: false))
        #expect(try storedDays(farm.context).isEmpty)
        #expect(try lastAuditEvent(farm.context) == before)
    }

    @Test("reads a file farm by farm only once")
    func readsOnce() throws {
        let farm = try farms()
        let (report, readings) = try sideBySideCounting(farm.context, farm.file)
        #expect(readings == 1)
        #expect(report.new == farm.rows)
    }

    @Test("reports a file imported before as such, and changes nothing")
    func alreadyImported() throws {
        let farm = try farms()
        let first = try importer(farm.context, sideBySide: true).run(file: farm.file)
        let before = try lastAuditEvent(farm.context)
        let again = try sideBySide(farm.context, farm.file)
        #expect(again.identicalTo == first.submissions.first && again.new == 0 && again.unchanged == farm.rows)
        #expect(try lastAuditEvent(farm.context) == before)
    }
}
