import Foundation
import Synchronization
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetStorage

/// A farm sends a file, corrects some of its days with a later file, then sends the first file again.
@Suite("A file sent again after a later file changed some of its days")
struct ResentFileTests {
    /// An importer that counts how many times it reads the file's rows; `sideBySide` takes the pipelined route.
    private func importer(_ context: TunetContext, sideBySide: Bool = false) -> (AttendanceImportDesk, Readings) {
        let readings = Readings()
        var desk = AttendanceImportDesk(context)
        desk.pipelinedFromBytes = sideBySide ? 0 : .max
        desk.onReadingRows = { readings.count.withLock { $0 += 1 } }
        return (desk, readings)
    }

    /// How many times the file's rows were read.
    private final class Readings: Sendable {
        let count = Mutex(0)
        func withLock(_ body: (inout Int) -> Int) -> Int { count.withLock { body(&$0) } }
    }

    private func submissionCount(_ context: TunetContext) throws -> Int { try context.read { try $0.submissions().count } }

    /// 40 days sent, then 12 of them corrected by a later file.
    private func sentAndCorrected(_ farm: SyntheticFarm) throws -> (first: URL, firstReport: AttendanceImportView, correction: AttendanceImportView) {
        let rows = try farm.lines().dropFirst()
        let first = try farm.file("mars.csv", rows.prefix(40).map(String.init))
        let firstReport = try AttendanceImportDesk(farm.context).run(file: first)
        let correction = try AttendanceImportDesk(farm.context).run(file: farm.file("rettelse.csv", rows.prefix(12).map(SyntheticFarm.corrected)))
        #expect(correction.changed == 12)
        return (first, firstReport, correction)
    }

    @Test("is answered `superseded`: 12 of its days differ from what is stored, changed by the correction; the file is read once and nothing is stored",
          arguments: [false, true])
    func superseded(sideBySide: Bool) throws {
        let farm = try SyntheticFarm(placements: 2)
        let (first, firstReport, correction) = try sentAndCorrected(farm)
        let storedBefore = try farm.context.allStoredDays()
        let submissionsBefore = try submissionCount(farm.context)
        let (desk, readings) = importer(farm.context, sideBySide: sideBySide)

        let report = try desk.run(file: first)
        #expect(report.outcome == "superseded")
        #expect(report.identicalTo == firstReport.submission)
        #expect(report.differingDays == 12)
        #expect(report.supersededBy == [try #require(correction.submission)])
        #expect(report.submission == nil && report.submissions.isEmpty)
        #expect(readings.withLock { $0 } == 1, "read once to compare; never more than twice")
        #expect(try farm.context.allStoredDays() == storedBefore)
        #expect(try submissionCount(farm.context) == submissionsBefore)

        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
        #expect(json["status"] as? String == "superseded")
        #expect(json["differing_days"] as? Int == 12)
        #expect(json["superseded_by"] as? [Int] == [Int(try #require(correction.submission))])
        let sentence = AttendanceImportSentences.lines(report).map(\.key)
        #expect(sentence == ["attendance.import.superseded"])
    }

    @Test("stays `unchanged`, unread, when no later file changed a stored day; and `unchanged` when later files changed only other days")
    func unchangedWhenNothingOfItChanged() throws {
        let farm = try SyntheticFarm(placements: 2)
        let rows = try farm.lines().dropFirst()
        let first = try farm.file("mars.csv", rows.prefix(40).map(String.init))
        _ = try AttendanceImportDesk(farm.context).run(file: first)
        _ = try AttendanceImportDesk(farm.context).run(file: farm.file("april.csv", rows.dropFirst(40).prefix(10).map(String.init)))
        let (desk, readings) = importer(farm.context)
        let plain = try desk.run(file: first)
        #expect(plain.outcome == "unchanged" && plain.differingDays == nil && plain.supersededBy.isEmpty)
        #expect(readings.withLock { $0 } == 0, "no later file changed a stored day: the file is not read")

        // A correction of April's days only: the March file still says what is stored.
        _ = try AttendanceImportDesk(farm.context).run(file: farm.file("april-rettet.csv", rows.dropFirst(40).prefix(5).map(SyntheticFarm.corrected)))
        let after = try desk.run(file: first)
        #expect(after.outcome == "unchanged" && after.differingDays == nil)
        #expect(readings.withLock { $0 } == 1)
    }

    @Test("with `again` is imported as a new submission: the corrected days take the file's values back, the submission and its audit event say it was applied again, and the file sent once more is `unchanged`",
          arguments: [false, true])
    func appliedAgain(sideBySide: Bool) throws {
        let farm = try SyntheticFarm(placements: 2)
        let (first, firstReport, _) = try sentAndCorrected(farm)
        let (desk, readings) = importer(farm.context, sideBySide: sideBySide)

        let report = try desk.run(file: first, again: true)
        #expect(report.outcome == "imported")
        #expect(report.changed == 12 && report.unchanged == 28 && report.new == 0)
        #expect(readings.withLock { $0 } <= 2)
        let lines = try farm.lines().dropFirst().prefix(40)
        let stored = try farm.context.allStoredDays()
        for line in lines {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            let day = stored.first { $0.entry.participant.text == fields[1] && $0.entry.date.iso == fields[2] }
            #expect(day?.entry.status.code == String(fields[3]), "\(fields[1]) on \(fields[2])")
        }

        let submission = try #require(try farm.context.read { try $0.submissions() }.last)
        #expect(submission.id == report.submission)
        #expect(submission.appliedAgainOf == firstReport.submission)
        let event = try #require(try farm.context.read { try $0.auditEvents(AuditQuery(entity: AttendanceSubmission.auditEntity)) }.last)
        guard case .written(let note) = try #require(event.note) else { Issue.record("the note was not Tunet's"); return }
        #expect(note.key == "audit.note.attendance_import_again")
        #expect(note.arguments["earlier"] == .text(String(try #require(firstReport.submission))))
        #expect(event.after?.contains("\"applied_again_of\":\(try #require(firstReport.submission))") == true)

        let once = try desk.run(file: first)
        #expect(once.outcome == "unchanged" && once.identicalTo == report.submission)
    }

    @Test("with `again` for a file never imported is an ordinary import")
    func againFirstTime() throws {
        let farm = try SyntheticFarm(placements: 1)
        let report = try AttendanceImportDesk(farm.context).run(file: farm.file, again: true)
        #expect(report.outcome == "imported")
        #expect(try farm.context.read { try $0.submissions() }.map(\.appliedAgainOf) == [nil])
        let event = try #require(try farm.context.read { try $0.auditEvents(AuditQuery(entity: AttendanceSubmission.auditEntity)) }.last)
        #expect(event.after?.contains("applied_again_of") == false)
    }
}
