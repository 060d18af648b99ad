import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

/// A farm sends its file again with corrections: the corrected days replace the stored ones, the rest
/// stay, and the audit event keeps what was replaced.
@Suite("A corrected attendance file")
struct AttendanceCorrectionTests {
    @Test("replaces every corrected day, however many, keeps the others, and adds the new ones")
    func replacesCorrectedDays() throws {
        let farm = try SyntheticFarm(placements: 2)
        let context = farm.context
        let rows = try farm.lines().dropFirst()
        try #require(rows.count >= 200)

        // 150 days first; then 130 of them corrected (more than one statement's worth), 20 as they were, 30 new.
        _ = try AttendanceImportDesk(context).run(file: farm.file("first.csv", rows.prefix(150).map(String.init)))
        let before = try storedDays(context)

        let changed = rows.prefix(130).map(SyntheticFarm.corrected)
        let kept = rows.dropFirst(130).prefix(20).map(String.init)
        let added = rows.dropFirst(150).prefix(30).map(String.init)
        let report = try AttendanceImportDesk(context).run(file: farm.file("second.csv", changed + kept + added))
        #expect(report.changed == 130 && report.unchanged == 20 && report.new == 30)

        let after = try storedDays(context)
        #expect(after.count == 180)
        #expect(before.keys.allSatisfy(after.keys.contains), "no stored day is lost")
        for line in changed + kept + added {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            let day = after.values.first { $0.entry.participant.text == fields[1] && $0.entry.date.iso == fields[2] }
            #expect(day?.entry.status.code == String(fields[3]), "\(fields[1]) on \(fields[2])")
        }
        #expect(after.filter { key, day in before[key].map { !$0.entry.reportsSame(as: day.entry) } ?? false }.count == 130)

        // The replaced days are in the submission's audit event, with their earlier status.
        let event = try #require(try context.read { try $0.auditEvents(AuditQuery(entity: AttendanceSubmission.auditEntity)) }.last)
        let snapshot = try #require(event.before)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(snapshot.utf8)) as? [String: Any])
        let placements = try #require(document["placements"] as? [[String: Any]])
        #expect(placements.reduce(0) { $0 + (($1["days"] as? [Any])?.count ?? 0) } == 130)
    }

    private func storedDays(_ context: TunetContext) throws -> [String: StoredAttendance] {
        let days = try context.allStoredDays()
        return Dictionary(uniqueKeysWithValues: days.map { ("\($0.entry.placementId) \($0.entry.date.iso)", $0) })
    }
}

@Suite("Stored attendance read back")
struct StoredAttendanceReadingTests {
    @Test("A stored day whose status Tunet does not know is reported as damage, never skipped")
    func damagedStatus() throws {
        let farm = try SyntheticFarm(placements: 1)
        try farm.importedWithUnknownStatus()
        #expect(performing: { try farm.context.allStoredDays() }, throws: SyntheticFarm.namesUnknownStatus)
    }
}
