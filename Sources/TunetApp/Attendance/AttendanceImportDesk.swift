import Crypto
import Foundation
import TunetDomain
import TunetFiles
import TunetStorage

public struct AttendanceImportView: Sendable, Encodable {
    public let file: String
    /// The submitting farm; nil when the rows name several farms.
    public let provider: OrganisationNumber?
    /// Every farm whose rows the file holds, each stored as that farm's submission.
    public let providers: [OrganisationNumber]
    public let contentHash: String
    public let months: [String]
    public let rows: Int
    public let new: Int
    public let changed: Int
    public let unchanged: Int
    /// Rows without a status and with nothing else filled in (days not reported, left missing); nil for
    /// a file already imported, which is not read again.
    public let rowsLeftEmpty: Int?
    /// True when the same file was already imported: nothing was changed.
    public let identicalTo: Int64?
    public let submission: Int64?
    public let submissions: [Int64]
    public let dryRun: Bool

    /// What came of the file, one code per outcome, the same from the command line and the service:
    /// `imported`, `unchanged` (the same file again: nothing was read or stored), or `checked` (a dry run).
    public var outcome: String {
        if identicalTo != nil { return "unchanged" }
        return dryRun ? "checked" : "imported"
    }

    enum CodingKeys: String, CodingKey {
        case file, months, rows, new, changed, unchanged, submission, submissions
        case outcome = "status"
        case provider = "provider_organisation_number"
        case providers = "provider_organisation_numbers"
        case contentHash = "content_hash"
        case identicalTo = "identical_to_submission"
        case dryRun = "dry_run"
        case rowsLeftEmpty = "rows_left_empty"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(file, forKey: .file)
        try container.encode(provider, forKey: .provider)
        try container.encode(providers, forKey: .providers)
        try container.encode(contentHash, forKey: .contentHash)
        try container.encode(months, forKey: .months)
        try container.encode(rows, forKey: .rows)
        try container.encode(new, forKey: .new)
        try container.encode(changed, forKey: .changed)
        try container.encode(unchanged, forKey: .unchanged)
        try container.encode(rowsLeftEmpty, forKey: .rowsLeftEmpty)
        try container.encode(identicalTo, forKey: .identicalTo)
        try container.encode(submission, forKey: .submission)
        try container.encode(submissions, forKey: .submissions)
        try container.encode(dryRun, forKey: .dryRun)
    }
}

/// What an import did, in sentences for a person: the CLI prints them, the upload page shows them.
public enum AttendanceImportSentences {
    public static func lines(_ report: AttendanceImportView) -> [Message] {
        if let earlier = report.identicalTo {
            return [Message("attendance.import.identical", ["file": .text(report.file), "submission": .text(String(earlier))])]
        }
        let farm: MessageValue = report.provider.map { .text($0.digits) }
            ?? .message(Message("attendance.import.farms", ["farms": .integer(report.providers.count)]))
        let counts: [String: MessageValue] = [
            "rows": .integer(report.rows), "file": .text(report.file), "farm": farm, "months": .list(report.months.map(YearMonth.name)),
            "new": .integer(report.new), "changed": .integer(report.changed), "unchanged": .integer(report.unchanged),
        ]
        var lines = [report.dryRun ? Message("attendance.import.dry", counts) : Message("attendance.import.done", counts)]
        if let empty = report.rowsLeftEmpty, empty > 0 { lines.append(Message("attendance.import.left_empty", ["rows": .integer(empty)])) }
        if report.dryRun { lines.append(Message("attendance.import.dry_run")) }
        return lines
    }
}

/// Imports a farm's attendance file, all or nothing (format: Contracts/attendance-file.md).
public struct AttendanceImportDesk: Sendable {
    let context: TunetContext
    /// False for the providers' own service: another farm's participant is "unknown", never revealed.
    let revealOtherProviders: Bool
    /// Runs after the file is checked in its snapshot and before the writer is taken: lets tests put
    /// a change by someone else exactly there.
    var afterCheck: (@Sendable () throws -> Void)?

    public init(_ context: TunetContext, revealOtherProviders: Bool = true) {
        self.context = context
        self.revealOtherProviders = revealOtherProviders
    }

    public func run(file url: URL, provider: String? = nil, dryRun: Bool = false) throws -> AttendanceImportView {
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw TunetError.unreadableFile(path: url.path, reason: FileManager.default.fileExists(atPath: url.path)
                                            ? Message("attendance.file.unreadable") : Message("attendance.file.missing"))
        }
        return try run(data: data, fileName: url.lastPathComponent, provider: provider, dryRun: dryRun)
    }

    /// With `provider`, the file is that farm's and rows naming another farm are refused. Without it,
    /// each row's organisation number says whose attendance it is: a file may carry several farms'
    /// rows (a year's records moved from another system), and each farm's rows become its submission.
    public func run(data: Data, fileName: String, provider: String? = nil, dryRun: Bool = false) throws -> AttendanceImportView {
        let job = AttendanceImportJob(context: context, revealOtherProviders: revealOtherProviders, data: data, fileName: fileName,
                                      submitter: try provider.map(ProviderDesk.parseNumber), dryRun: dryRun)
        if dryRun {
            return try context.read { reader in
                if let earlier = try job.earlierImport(reader) { return earlier }
                var batch = try job.validated(reader)
                return try job.streamed(&batch, reader, nil)
            }
        }
        if context.store.capabilities.readsBesideTheWriter, data.count >= pipelinedFromBytes, let report = try job.pipelined() { return report }
        // The file is read, checked and (up to a farm's upload) compared and priced in a snapshot,
        // outside the single writer, so that uploads from several farms are worked on side by side and
        // each holds the writer only to store. Checking needs the farms, placements, agreements and
        // calendars; each change to those is an audit event, so if one was recorded meanwhile, the file
        // is checked again inside the writer. Comparing needs the farm's stored days, which only its
        // own submissions change.
        let snapshot = try context.read { reader -> Snapshot in
            let stamps = Stamps(audit: try reader.lastAuditEventId(), submission: try reader.lastSubmissionId())
            if let earlier = try job.earlierImport(reader) { return .alreadyImported(earlier) }
            let batch = try job.validated(reader)
            let plans = batch.rowCount <= Self.plannedInSnapshot ? try batch.plans(using: reader, of: context.store, cache: context.storedDaysCache) : nil
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
                    var again = try job.validated(tx)
                    return try job.streamed(&again, tx, tx)
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
            context.storedDaysCache?.remember(basis.storing(plan.toWrite, as: submission), of: farm, submission: submission,
                                               contentHash: job.hash, auditStamp: auditStamp)
        }
    }

    /// Files up to this many rows (a farm's month is a few hundred) are compared and priced outside the
    /// writer too; a larger one is planned inside, farm by farm, to keep its plans out of memory.
    static let plannedInSnapshot = 50_000

    /// Files from this size on (some 50,000 rows) are checked, planned and stored side by side in one
    /// write transaction (`AttendanceImportJob.pipelined`); tests lower it to take that way with small files.
    var pipelinedFromBytes = 2_000_000

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

/// One file's import: what every way of checking, planning and storing it shares.
struct AttendanceImportJob: Sendable {
    let context: TunetContext
    let revealOtherProviders: Bool
    let data: Data
    let fileName: String
    let hash: String
    let submitter: OrganisationNumber?
    let dryRun: Bool

    init(context: TunetContext, revealOtherProviders: Bool, data: Data, fileName: String, submitter: OrganisationNumber?, dryRun: Bool) {
        self.context = context
        self.revealOtherProviders = revealOtherProviders
        self.data = data
        self.fileName = fileName
        hash = SHA256.hash(data: data).hexDigits
        self.submitter = submitter
        self.dryRun = dryRun
    }

    /// The report for a file already imported, or nil.
    func earlierImport(_ reader: StoreReader) throws -> AttendanceImportView? {
        if let submitter, try reader.provider(submitter) == nil {
            throw TunetError.notFound(kind: "provider", key: submitter.digits)
        }
        let earlier: [AttendanceSubmission]
        if let submitter {
            earlier = try reader.submission(provider: submitter, contentHash: hash).map { [$0] } ?? []
        } else {
            earlier = try reader.submissions(contentHash: hash)
        }
        guard let first = earlier.first else { return nil }
        return AttendanceImportView(file: fileName, provider: submitter ?? (earlier.count == 1 ? first.provider : nil),
                                      providers: earlier.map(\.provider), contentHash: hash,
                                      months: Array(Set(earlier.flatMap(\.months))).sorted(), rows: earlier.reduce(0) { $0 + $1.rows },
                                      new: 0, changed: 0, unchanged: earlier.reduce(0) { $0 + $1.rows }, rowsLeftEmpty: nil, identicalTo: first.id,
                                      submission: nil, submissions: [], dryRun: dryRun)
    }

    /// A batch for this file's rows, checked against the farms as `reader` sees them.
    func batch(_ reader: StoreReader) throws -> AttendanceBatch {
        try AttendanceBatch(reader: reader, submitter: submitter, today: context.today, revealOtherProviders: revealOtherProviders,
                            calendarCache: context.farmCalendarCache)
    }

    /// Every row checked against the farms' placements; throws every problem of the file.
    func validated(_ reader: StoreReader) throws -> AttendanceBatch {
        var batch = try batch(reader)
        try AttendanceFile.rows(in: data, fileName: fileName) { try batch.add($0, reader: reader) }
        try batch.checkProblems()
        return batch
    }

    /// Stores a farm's plan as its submission.
    func store(_ farm: OrganisationNumber, _ plan: FarmSubmission.Plan, _ tx: StoreTransaction) throws -> Int64 {
        let submission = AttendanceSubmission(id: 0, receivedAt: "", actor: "", provider: farm, fileName: fileName, contentHash: hash,
                                              months: plan.months, rows: plan.rows, newRows: plan.new, changedRows: plan.replaced.count,
                                              unchangedRows: plan.unchanged)
        return try tx.storeSubmission(submission, rows: plan.toWrite, replaced: plan.replaced, replacedJSON: plan.replacedJSON).id
    }

    func report(_ farms: [OrganisationNumber], _ counts: [FarmSubmission.Counts], _ submissionIds: [Int64],
                rowsLeftEmpty: Int) -> AttendanceImportView {
        AttendanceImportView(file: fileName, provider: submitter ?? (farms.count == 1 ? farms[0] : nil), providers: farms, contentHash: hash,
                               months: Array(Set(counts.flatMap(\.months))).sorted(), rows: counts.reduce(0) { $0 + $1.rows },
                               new: counts.reduce(0) { $0 + $1.new }, changed: counts.reduce(0) { $0 + $1.changed },
                               unchanged: counts.reduce(0) { $0 + $1.unchanged }, rowsLeftEmpty: rowsLeftEmpty, identicalTo: nil,
                               submission: submissionIds.count == 1 ? submissionIds[0] : nil, submissions: submissionIds, dryRun: dryRun)
    }

    /// Plans made beforehand, stored.
    func stored(_ plans: [(farm: OrganisationNumber, plan: FarmSubmission.Plan)], rowsLeftEmpty: Int,
                _ tx: StoreTransaction) throws -> AttendanceImportView {
        let ids = try plans.map { try store($0.farm, $0.plan, tx) }
        return report(plans.map(\.farm), plans.map(\.plan.counts), ids, rowsLeftEmpty: rowsLeftEmpty)
    }

    /// Each farm's plan against the days `reader` sees, stored (in a transaction) as it is made, so
    /// that a national file's plans are never all in memory at once.
    func streamed(_ batch: inout AttendanceBatch, _ reader: StoreReader, _ tx: StoreTransaction?) throws -> AttendanceImportView {
        var farms: [OrganisationNumber] = []
        var counts: [FarmSubmission.Counts] = []
        var ids: [Int64] = []
        try batch.drainPlans(using: reader) { farm, plan in
            if let tx { ids.append(try store(farm, plan, tx)) }
            farms.append(farm)
            counts.append(plan.counts)
        }
        return report(farms, counts, ids, rowsLeftEmpty: batch.rowsLeftEmpty)
    }
}
