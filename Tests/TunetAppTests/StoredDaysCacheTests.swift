import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

/// The service keeps each farm's stored days as its last upload left them, and compares the farm's
/// next upload with them. Every result must be what comparing with the database would have given.
@Suite("A farm's stored days kept between its uploads")
struct StoredDaysCacheTests {
    /// The farm's days of a month (`2025-01`) as file lines.
    private func days(_ farm: SyntheticFarm, _ month: String) throws -> [String] {
        try farm.lines().dropFirst().filter { $0.split(separator: ";")[2].hasPrefix(month) }.map(String.init)
    }

    /// One farm's uploads in a row: January; January with every day corrected; January as it was,
    /// less its first day, with February; a dozen days of February corrected.
    private func uploads(_ farm: SyntheticFarm) throws -> [URL] {
        let january = try days(farm, "2025-01"), february = try days(farm, "2025-02")
        return [
            try farm.file("january.csv", january),
            try farm.file("january-corrected.csv", january.map(SyntheticFarm.corrected)),
            try farm.file("january-february.csv", Array(january.dropFirst()) + february),
            try farm.file("february-corrected.csv", february.prefix(12).map(SyntheticFarm.corrected)),
        ]
    }

    private func farmNumber(_ farm: SyntheticFarm) throws -> String {
        String(try farm.lines()[1].split(separator: ";")[0])
    }

    /// A farm with two placements whose January was uploaded, with its number and its uploads.
    private func januaryUploaded() throws -> (farm: SyntheticFarm, number: String, files: [URL]) {
        let farm = try SyntheticFarm(placements: 2)
        let number = try farmNumber(farm)
        let files = try uploads(farm)
        _ = try AttendanceImportDesk(farm.context).run(file: files[0], provider: number)
        return (farm, number, files)
    }

    /// What a report says of the days, and what the submission's audit event kept of the days it replaced.
    private struct Outcome: Equatable {
        let new, changed, unchanged: Int
        let replaced: String?
    }

    private func outcome(_ report: AttendanceImportView, _ context: TunetContext) throws -> Outcome {
        let event = try context.read { try $0.auditEvents(AuditQuery(entity: AttendanceSubmission.auditEntity)) }.last
        return Outcome(new: report.new, changed: report.changed, unchanged: report.unchanged, replaced: event?.before)
    }

    @Test("a farm's next upload is compared with the days its last one left, and finds what reading them back would")
    func sameAsReading() throws {
        let kept = try SyntheticFarm(placements: 3)
        let read = try SyntheticFarm(placements: 3)
        let number = try farmNumber(kept)
        for (keptFile, readFile) in zip(try uploads(kept), try uploads(read)) {
            let keptReport = try AttendanceImportDesk(kept.context).run(file: keptFile, provider: number)
            // A context of its own for each upload: nothing is kept, every day is read.
            let fresh = TunetContext(store: read.context.store, actor: .atServer("test"), today: read.context.today)
            let readReport = try AttendanceImportDesk(fresh).run(file: readFile, provider: number)
            #expect(try outcome(keptReport, kept.context) == outcome(readReport, read.context), "\(keptFile.lastPathComponent)")
        }
        #expect(try kept.context.allStoredDays() == read.context.allStoredDays())
        // The corrected January and the corrected February found the days kept; the file that reached
        // into February read them, since only January's were kept.
        #expect(kept.context.caches.storedDays.hits == 2)
    }

    @Test("are read again after the farm submitted another way, as from a command beside the service")
    func readAgainAfterAnotherSubmission() throws {
        let (farm, number, files) = try januaryUploaded()
        let service = farm.context
        let command = TunetContext(store: service.store, actor: .atServer("kommandolinje"), today: service.today)
        let corrected = try AttendanceImportDesk(command).run(file: files[1], provider: number)

        // January as it was, less its first day: every day differs from the corrected ones now stored.
        let january = try farm.file("january-less-a-day.csv", Array(days(farm, "2025-01").dropFirst()))
        let report = try AttendanceImportDesk(service).run(file: january, provider: number)
        #expect(report.changed == corrected.changed - 1)
        #expect(service.caches.storedDays.hits == 0)
    }

    @Test("are read again after any audited change other than a submission, and kept again")
    func readAgainAfterAnotherChange() throws {
        let (farm, number, files) = try januaryUploaded()
        let context = farm.context
        _ = try ProviderDesk(context).add(liaGard)
        let report = try AttendanceImportDesk(context).run(file: files[1], provider: number)
        #expect(report.changed == report.rows)
        #expect(context.caches.storedDays.hits == 0)

        let january = try farm.file("january-less-a-day.csv", days(farm, "2025-01").dropLast())
        let back = try AttendanceImportDesk(context).run(file: january, provider: number)
        #expect(back.changed == back.rows)
        #expect(context.caches.storedDays.hits == 1)
    }

    @Test("are read again after a restore, however near the moment its backup was made")
    func readAgainAfterRestore() throws {
        let farms = try SyntheticFarm(farms: 2, placements: 4)
        let context = farms.context
        let lines = try farms.lines().dropFirst().map(String.init)
        let numbers = Array(Set(lines.map { String($0.split(separator: ";")[0]) })).sorted()
        func january(_ farm: String, lessADay: Bool = false) throws -> URL {
            let days = lines.filter { $0.hasPrefix(farm + ";") && $0.split(separator: ";")[2].hasPrefix("2025-01") }
            return try farms.file("\(farm)-january\(lessADay ? "-less-a-day" : "").csv", lessADay ? Array(days.dropFirst()) : days)
        }
        let backup = farms.workspace.folder.appendingPathComponent("kopi.sqlite").path
        _ = try context.store.backup(to: backup)
        // One event after the backup, then the first farm's upload. A restore that numbered its own event
        // as the backup's next would give it the number the kept days were stamped with, and the other
        // farm's upload after it the number of the first farm's submission.
        _ = try ProviderDesk(context).add(liaGard)
        _ = try AttendanceImportDesk(context).run(file: january(numbers[0]), provider: numbers[0])
        _ = try context.store.restore(from: backup, actor: .atServer("test"))
        _ = try AttendanceImportDesk(context).run(file: january(numbers[1]), provider: numbers[1])

        let report = try AttendanceImportDesk(context).run(file: january(numbers[0], lessADay: true), provider: numbers[0])
        #expect(report.new == report.rows, "the backup had none of the farm's attendance")
        #expect(context.caches.storedDays.hits == 0)
    }

    @Test("are not used once the farm's own last submission is no longer there as it was, as after a restore that raced the service")
    func notUsedWhenOwnSubmissionChanged() throws {
        let (farm, number, files) = try januaryUploaded()
        let context = farm.context
        // The number of the farm's last submission now names another file, with no audit event to tell.
        try context.sqlite.pool.write { db in
            try db.execute(sql: "UPDATE attendance_submission SET content_hash = 'annen' WHERE id = (SELECT MAX(id) FROM attendance_submission)")
        }
        let report = try AttendanceImportDesk(context).run(file: files[1], provider: number)
        #expect(report.changed == report.rows)
        #expect(context.caches.storedDays.hits == 0)
    }

    @Test("are not kept from a plan the writer had to make again, when the farm submitted between check and store")
    func notKeptWhenPlannedAgain() throws {
        let (farm, number, files) = try januaryUploaded()
        let context = farm.context
        var importing = AttendanceImportDesk(context)
        let other = TunetContext(store: context.store, actor: .atServer("kommandolinje"), today: context.today)
        importing.afterCheck = { _ = try AttendanceImportDesk(other).run(file: files[1], provider: number) }
        // Checked against January as first sent; stored after the corrected January, as what it is:
        // January as first sent, less its first day, changes every day but the first back.
        let report = try importing.run(file: files[2], provider: number)
        let januaryDays = report.rows - report.new + 1
        #expect(report.changed == januaryDays - 1)

        // Now the first day is corrected and the others are not. A kept plan from before the other
        // submission would take every day for uncorrected.
        let corrected = try farm.file("january-corrected-less-a-day.csv", days(farm, "2025-01").dropLast().map(SyntheticFarm.corrected))
        let last = try AttendanceImportDesk(context).run(file: corrected, provider: number)
        #expect(last.unchanged == 1)
        #expect(last.changed == januaryDays - 2)
    }

    @Test("a day written replaces the kept day of its placement and date, or is added in order, under its submission")
    func storing() throws {
        let code = ParticipantCode(stored: "P-1")
        func day(_ placement: Int64, _ date: String, _ status: AttendanceStatus, submission: Int64 = 0) -> StoredAttendance {
            StoredAttendance(entry: AttendanceEntry(placementId: placement, participant: code, date: LocalDate.parseExactly(date)!, status: status,
                                                    hoursTenths: nil, transportTrips: nil, extraDay: false),
                             dayPrice: Money(ore: 100), transport: .zero, plannedCost: .zero, submissionId: submission)
        }
        let kept = StoredDays(placements: [1, 2], from: LocalDate.parseExactly("2025-01-01")!, to: LocalDate.parseExactly("2025-01-31")!,
                              days: [day(1, "2025-01-06", .present, submission: 7), day(1, "2025-01-08", .present, submission: 7),
                                     day(2, "2025-01-06", .present, submission: 7)])
        let written = [day(2, "2025-01-07", .present), day(1, "2025-01-08", .absentWithNotice), day(1, "2025-01-07", .present)]
        let after = kept.storing(written, as: 9)
        #expect(after.days.map { "\($0.entry.placementId) \($0.entry.date.iso) \($0.entry.status.rawValue) \($0.submissionId)" } == [
            "1 2025-01-06 present 7", "1 2025-01-07 present 9", "1 2025-01-08 absent_with_notice 9",
            "2 2025-01-06 present 7", "2 2025-01-07 present 9",
        ])
        #expect(after.covers(placements: [1, 2], from: kept.from, to: kept.to))
        #expect(!after.covers(placements: [1], from: kept.from, to: kept.to))
    }

    @Test("keep at most their limit of days, letting go of the farms used longest ago")
    func limit() throws {
        let cache = StoredDaysCache(dayLimit: 5)
        let from = LocalDate.parseExactly("2025-01-01")!
        func days(_ count: Int) -> StoredDays {
            StoredDays(placements: [1], from: from, to: from, days: Array(repeating: StoredAttendance(
                entry: AttendanceEntry(placementId: 1, participant: ParticipantCode(stored: "P-1"), date: from, status: .present,
                                       hoursTenths: nil, transportTrips: nil, extraDay: false),
                dayPrice: .zero, transport: .zero, plannedCost: .zero, submissionId: 1), count: count))
        }
        let farms = ["900000006", "900000103", "900000200"].map { OrganisationNumber.parseDigits($0)! }
        cache.remember(days(2), of: farms[0], submission: 1, contentHash: "a", auditStamp: 1)
        cache.remember(days(2), of: farms[1], submission: 2, contentHash: "b", auditStamp: 1)
        #expect(cache.size.farms == 2)
        cache.remember(days(3), of: farms[2], submission: 3, contentHash: "c", auditStamp: 1)
        #expect(cache.size.farms == 2 && cache.size.days == 5, "the first farm's days went")
        cache.remember(days(6), of: farms[0], submission: 4, contentHash: "d", auditStamp: 1)
        #expect(cache.size.days == 5, "more days than the limit are not kept")
    }
}
