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
        func spoil(_ index: Int, field: Int, with value: String) {
            var fields = lines[index].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            fields[field] = value
            lines[index] = fields.joined(separator: ";")
        }
        spoil(0, field: 3, with: "X")
        spoil(lines.count - 1, field: 2, with: "2025-02-30")
        let file = try farm.file("spoilt.csv", lines)
        let before = try lastAuditEvent(farm.context)

        let problems = { (sideBySide: Bool) -> [FieldProblem] in
            do {
                _ = try importer(farm.context, sideBySide: sideBySide).run(file: file)
                Issue.record("a file with problems was stored")
                return []
            } catch let error as TunetError {
                return error.problems
            }
        }
        let found = try problems(true)
        #expect(found.contains { $0.row == 2 && $0.field == "status" })
        #expect(found.contains { $0.row == lines.count + 1 && $0.field == "date" })
        #expect(try found == problems(false), "the same problems as the import one step at a time")
        #expect(try storedDays(farm.context).isEmpty)
        #expect(try lastAuditEvent(farm.context) == before)
    }

    @Test("reads a file whose farm's rows resume after another farm's once more, inside the writer, and stores it as the usual way does")
    func farmsNotGrouped() throws {
        let side = try farms(), usual = try farms()
        var lines = try side.lines().dropFirst().map(String.init)
        lines.append(lines.removeFirst())

        let (report, readings) = try sideBySideCounting(side.context, try side.file("regrouped.csv", lines))
        #expect(readings == 2, "read once side by side, and once more inside the writer")
        #expect(report.new == lines.count && report.submissions.count == 3)
        let usualReport = try importer(usual.context, sideBySide: false).run(file: try usual.file("regrouped.csv", lines))
        #expect(summary(report) == summary(usualReport))
        #expect(try storedDays(side.context) == storedDays(usual.context))
        #expect(try storedDays(side.context).count == lines.count)
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
