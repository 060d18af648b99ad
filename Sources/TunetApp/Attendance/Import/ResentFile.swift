import TunetDomain
import TunetStorage

/// A file sent again after later submissions of its farm changed some of its days: "unchanged" would hide
/// that what is stored no longer says what the file says.
struct ChangesSinceImport: Sendable {
    /// The file's days whose stored values now differ from the file's (or that are no longer stored).
    let differingDays: Int
    /// The later submissions whose days now stand where the file's did.
    let supersededBy: [Int64]
}

extension AttendanceImportJob {
    /// What differs between the file and the stored days, when a later submission of its farms changed
    /// days since the file's own submission; nil when none did (then the file is not read at all). Read
    /// here at most once: a file imported before is never checked or stored, so it is read no more.
    func changesSince(_ earlier: [AttendanceSubmission], _ reader: StoreReader) throws -> ChangesSinceImport? {
        var changedSince = false
        for submission in earlier where !changedSince {
            changedSince = try reader.submissions(provider: submission.provider)
                .contains { $0.id > submission.id && $0.changedRows > 0 }
        }
        guard changedSince else { return nil }
        var batch = try validated(reader)
        var differing = 0
        var superseding: Set<Int64> = []
        try batch.drainPlans(using: reader) { _, plan in
            differing += plan.replaced.count + plan.new
            superseding.formUnion(plan.replaced.map(\.submissionId))
        }
        guard differing > 0 else { return nil }
        return ChangesSinceImport(differingDays: differing, supersededBy: superseding.sorted())
    }
}
