import Crypto
import Foundation
import TunetDomain
import TunetFiles
import TunetStorage

/// One file's import, in the steps every route takes: the file imported before, the rows read and
/// checked, each farm's plan against its stored days, each plan stored.
struct AttendanceImportJob: Sendable {
    let context: TunetContext
    let revealOtherProviders: Bool
    let data: Data
    let fileName: String
    let hash: String
    let submitter: OrganisationNumber?
    let dryRun: Bool
    /// Import the file as a new submission even if the same content was imported before (`--again`).
    let again: Bool
    let onReadingRows: (@Sendable () -> Void)?
    /// The order to read the file's rows in, when not the file's own (`inFarmOrder()`).
    private(set) var rowOrder: AttendanceRowOrder?

    init(context: TunetContext, revealOtherProviders: Bool, data: Data, fileName: String, submitter: OrganisationNumber?, dryRun: Bool,
         again: Bool = false, onReadingRows: (@Sendable () -> Void)? = nil) {
        self.context = context
        self.revealOtherProviders = revealOtherProviders
        self.data = data
        self.fileName = fileName
        var hasher = SHA256()
        // In pieces: a mapped file's pages are let go of behind the hash.
        MappedFile.forEachPiece(of: data) { piece in
            hasher.update(bufferPointer: piece)
            return true
        }
        hash = hasher.finalize().hexDigits
        self.submitter = submitter
        self.dryRun = dryRun
        self.again = again
        self.onReadingRows = onReadingRows
    }

    /// The same import, reading the file's rows farm by farm (`AttendanceRowOrder`); nil for a file that
    /// cannot be read so (a workbook, one farm's file).
    func inFarmOrder() throws -> AttendanceImportJob? {
        guard let order = try AttendanceRowOrder.farmByFarm(in: data, fileName: fileName) else { return nil }
        var job = self
        job.rowOrder = order
        return job
    }

    /// The report for a file already imported, or nil; always nil when the file is to be applied again.
    /// When a later submission of the farm has changed days since, the file is read (once) to say how
    /// many of its days now differ from what is stored (`ResentFile`).
    func earlierImport(_ reader: StoreReader) throws -> AttendanceImportView? {
        if let submitter, try reader.provider(submitter) == nil {
            throw TunetError.notFound(kind: "provider", key: submitter.digits)
        }
        if again { return nil }
        let earlier = try identicalSubmissions(reader)
        guard let first = earlier.first else { return nil }
        let since = try changesSince(earlier, reader)
        return AttendanceImportView(file: fileName, provider: submitter ?? (earlier.count == 1 ? first.provider : nil),
                                      providers: earlier.map(\.provider), contentHash: hash,
                                      months: Array(Set(earlier.flatMap(\.months))).sorted(), rows: earlier.reduce(0) { $0 + $1.rows },
                                      new: 0, changed: 0, unchanged: earlier.reduce(0) { $0 + $1.rows }, rowsLeftEmpty: nil, identicalTo: first.id,
                                      submission: nil, submissions: [], dryRun: dryRun, differingDays: since?.differingDays,
                                      supersededBy: since?.supersededBy ?? [])
    }

    /// Each farm's newest submission of this very file, in the order they came.
    func identicalSubmissions(_ reader: StoreReader) throws -> [AttendanceSubmission] {
        if let submitter {
            return try reader.submission(provider: submitter, contentHash: hash).map { [$0] } ?? []
        }
        let all = try reader.submissions(contentHash: hash)
        let newest = Dictionary(all.map { ($0.provider, $0) }, uniquingKeysWith: { $0.id > $1.id ? $0 : $1 })
        return newest.values.sorted { $0.id < $1.id }
    }

    /// A batch for this file's rows, checked against the farms as `reader` sees them.
    func batch(_ reader: StoreReader) throws -> AttendanceBatch {
        try AttendanceBatch(reader: reader, submitter: submitter, today: context.today, revealOtherProviders: revealOtherProviders,
                            calendarCache: context.farmCalendarCache, problemLimit: context.problemLimit)
    }

    /// Every row checked against the farms' placements; throws every problem of the file.
    func validated(_ reader: StoreReader) throws -> AttendanceBatch {
        var batch = try batch(reader)
        try readRows { try batch.add($0, reader: reader) }
        try batch.checkProblems()
        return batch
    }

    /// The file's rows, one by one: the only place that reads them.
    func readRows(_ body: (AttendanceRow) throws -> Void) throws {
        onReadingRows?()
        let progress = context.progress
        guard !(progress is SilentProgress) else { return try AttendanceFile.rows(in: data, fileName: fileName, order: rowOrder, body) }
        progress.begin(.readingRows, total: AttendanceFile.isText(data) ? max(0, Int64(data.lineCount) - 1) : nil)
        var counter = ProgressCounter(progress)
        try AttendanceFile.rows(in: data, fileName: fileName, order: rowOrder) { row in
            try body(row)
            counter.add()
        }
        counter.finish()
    }

    /// The file read and checked against what `tx` holds, and each farm's plan stored as it is made.
    func checkedAndStored(_ tx: StoreTransaction) throws -> AttendanceImportView {
        var batch = try validated(tx)
        return try streamed(&batch, tx, tx)
    }

    /// Stores a farm's plan as its submission; a file applied again names the farm's earlier submission of it.
    func store(_ farm: OrganisationNumber, _ plan: FarmSubmission.Plan, _ tx: StoreTransaction) throws -> Int64 {
        let earlier = again ? try tx.submission(provider: farm, contentHash: hash)?.id : nil
        let submission = AttendanceSubmission(id: 0, receivedAt: "", actor: "", provider: farm, fileName: fileName, contentHash: hash,
                                              months: plan.months, rows: plan.rows, newRows: plan.new, changedRows: plan.replaced.count,
                                              unchangedRows: plan.unchanged, appliedAgainOf: earlier)
        return try tx.storeSubmission(submission, rows: plan.toWrite, replaced: plan.replaced, replacedAudit: plan.replacedAudit).id
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
        context.progress.begin(.storingFarms, total: Int64(plans.count))
        var stored = ProgressCounter(context.progress, every: 1)
        let ids = try plans.map { planned in
            defer { stored.add() }
            return try store(planned.farm, planned.plan, tx)
        }
        return report(plans.map(\.farm), plans.map(\.plan.counts), ids, rowsLeftEmpty: rowsLeftEmpty)
    }

    /// Each farm's plan against the days `reader` sees, stored (in a transaction) as it is made, so
    /// that a national file's plans are never all in memory at once.
    func streamed(_ batch: inout AttendanceBatch, _ reader: StoreReader, _ tx: StoreTransaction?) throws -> AttendanceImportView {
        var farms: [OrganisationNumber] = []
        var counts: [FarmSubmission.Counts] = []
        var ids: [Int64] = []
        context.progress.begin(.storingFarms, total: Int64(batch.farmCount))
        var stored = ProgressCounter(context.progress, every: 1)
        try batch.drainPlans(using: reader) { farm, plan in
            if let tx { ids.append(try store(farm, plan, tx)) }
            farms.append(farm)
            counts.append(plan.counts)
            stored.add()
        }
        return report(farms, counts, ids, rowsLeftEmpty: batch.rowsLeftEmpty)
    }
}
