import TunetDomain
import TunetStorage

/// The usual way: the file is read, checked and (up to a farm's upload) compared and priced in a
/// snapshot, outside the single writer, so that uploads from several farms are worked on side by side
/// and each holds the writer only to store.
///
/// Checking needs the farms, placements, agreements and calendars; each change to those is an audit
/// event, so if one was recorded meanwhile, the file is read and checked again inside the writer (its
/// second and last reading). Comparing needs the farm's stored days, which only its own submissions
/// change: if one came meanwhile, the checked rows are compared again inside the writer.
struct SnapshotImport: AttendanceImportRoute {
    /// Runs between the snapshot and the writer (tests put someone else's change there).
    let afterCheck: (@Sendable () throws -> Void)?

    /// Files up to this many rows (a farm's month is a few hundred) are compared and priced outside the
    /// writer too; a larger one is planned inside, farm by farm, to keep its plans out of memory.
    static let plannedInSnapshot = 50_000

    func run(_ job: AttendanceImportJob) throws -> AttendanceImportView {
        let context = job.context
        let snapshot = try context.read { reader -> Snapshot in
            let stamps = Stamps(audit: try reader.lastAuditEventId(), submission: try reader.lastSubmissionId())
            if let earlier = try job.earlierImport(reader) { return .alreadyImported(earlier) }
            let batch = try job.validated(reader)
            let plans = batch.rowCount <= Self.plannedInSnapshot
                ? try batch.plans(using: reader, of: context.store, cache: context.storedDaysCache) : nil
            return .checked(stamps, batch, plans)
        }
        try afterCheck?()
        switch consume snapshot {
        case .alreadyImported(let earlier):
            return earlier
        case .checked(let stamps, var batch, let plans):
            var storedAsPlanned = false
            let report = try context.write { tx in
                // The same file may have been stored by a concurrent upload since.
                if let earlier = try job.earlierImport(tx) { return earlier }
                if try tx.hasAuditEvents(after: stamps.audit, besides: AttendanceSubmission.auditEntity) {
                    return try job.checkedAndStored(tx)
                }
                if let plans, try !tx.hasSubmissions(after: stamps.submission, from: batch.farms) {
                    storedAsPlanned = true
                    return try job.stored(plans, rowsLeftEmpty: batch.rowsLeftEmpty, tx)
                }
                return try job.streamed(&batch, tx, tx)
            }
            if storedAsPlanned, let plans { rememberStoredDays(plans, of: job, submissions: report.submissions, auditStamp: stamps.audit) }
            return report
        }
    }

    /// Keeps each farm's days as its committed submission left them, for the farm's next upload: its
    /// plan was made against the days of the snapshot, and nothing but this file changed them since.
    private func rememberStoredDays(_ plans: [(farm: OrganisationNumber, plan: FarmSubmission.Plan)], of job: AttendanceImportJob,
                                    submissions: [Int64], auditStamp: Int64) {
        for ((farm, plan), submission) in zip(plans, submissions) {
            guard let basis = plan.basis else { continue }
            job.context.storedDaysCache?.remember(basis.storing(plan.toWrite, as: submission), of: farm, submission: submission,
                                                   contentHash: job.hash, auditStamp: auditStamp)
        }
    }

    /// The newest audit event and submission when a file was checked in its snapshot.
    private struct Stamps {
        let audit: Int64
        let submission: Int64
    }

    /// What the snapshot found: the file imported before, or the file checked (and planned when small).
    private enum Snapshot {
        case alreadyImported(AttendanceImportView)
        case checked(Stamps, AttendanceBatch, [(farm: OrganisationNumber, plan: FarmSubmission.Plan)]?)
    }
}
