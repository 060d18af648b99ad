import Foundation
import Synchronization
import TunetDomain
import TunetFiles
import TunetStorage

/// A large file checked, planned and stored side by side, in one write transaction: one thread reads
/// and checks the rows, one compares and prices each farm once the file has moved past it, and the
/// writer stores each farm's plan as it comes. A national file uses the machine's cores instead of
/// one (BENCHMARKS.md). It stays all or nothing: a problem anywhere in the file, or any failure,
/// rolls back every farm already stored, and the error names every problem of the file.
///
/// Both helpers read in snapshots taken while this holds the writer, so they see exactly what the
/// writer started from, and a farm's stored days change only by its own submission, stored after
/// its plan was made.
///
/// A file whose farm's rows resume after another farm's (sorted by date, by participant, or not at
/// all) is rolled back as soon as that is seen and read again farm by farm (`AttendanceRowOrder`), the
/// same way, side by side. Read so, the file's first problem stops it: the import inside the writer
/// (`WriterImport`) then tells every problem in the file's own order, as it also takes any file that
/// cannot be read farm by farm. Such a file is read at most three times, and scanned once for its order.
struct PipelinedImport: AttendanceImportRoute {
    func run(_ job: AttendanceImportJob) throws -> AttendanceImportView {
        if let done = try attempt(job) { return done }
        if let regrouped = try job.inFarmOrder() {
            do {
                if let done = try attempt(regrouped) { return done }
            } catch let error as TunetError where error.category == .invalidInput {
                // The file's own fault, found out of its order: told below as the file's order finds it.
            }
        }
        return try WriterImport().run(job)
    }

    /// The import side by side, or nil (with nothing stored) when it is given up: the file's farms are
    /// not grouped, or it is read in another order than its own and has problems.
    private func attempt(_ job: AttendanceImportJob) throws -> AttendanceImportView? {
        // The store reports an error it does not know as a fault of its own: the flag tells them apart.
        var givenUp = false
        do {
            return try job.context.write { tx in
                if let earlier = try job.earlierImport(tx) { return earlier }
                do {
                    return try pipelined(job, tx)
                } catch is GivenUp {
                    givenUp = true
                    throw GivenUp()
                }
            }
        } catch where givenUp {
            return nil
        }
    }

    /// The rows of a farm resume after another farm's, or a file read out of its order has problems.
    private struct GivenUp: Error {}

    private func pipelined(_ job: AttendanceImportJob, _ tx: StoreTransaction) throws -> AttendanceImportView {
        let context = job.context
        let stamp = try tx.lastAuditEventId()
        let farmsToPlan = Handoff<FarmSubmission>(capacity: 4)
        let plansToStore = Handoff<(farm: OrganisationNumber, plan: FarmSubmission.Plan)>(capacity: 4)
        let checkFailure = Mutex<(any Error)?>(nil)
        let planFailure = Mutex<(any Error)?>(nil)
        let stopAll: @Sendable () -> Void = {
            farmsToPlan.cancel()
            plansToStore.cancel()
        }
        /// A snapshot taken while the writer is held; the audit log's newest event proves it is the writer's own starting point.
        let inWritersSnapshot: @Sendable (_ body: (StoreReader) throws -> Bool) throws -> Bool = { body in
            try context.read { reader in
                guard try reader.lastAuditEventId() == stamp else {
                    throw TunetError.internalFault("an import's helper saw another state of the database than its writer")
                }
                return try body(reader)
            }
        }

        let givenUp = Mutex(false)
        let rowsLeftEmpty = Mutex(0)
        let checking = Worker(name: "tunet-import-check") {
            do {
                // False when given up (an error would not survive the reader).
                let completed = try inWritersSnapshot { reader in
                    var batch = try job.batch(reader)
                    var handedOver = 0
                    // Once nothing will be stored, the rest of the file is still checked: its problems are the answer.
                    var handingOver = true
                    func handOver(upTo end: Int) {
                        while handingOver && handedOver < end {
                            handingOver = farmsToPlan.put(batch.takePlanner(handedOver))
                            handedOver += 1
                        }
                    }
                    do {
                        try job.readRows { row in
                            try batch.add(row, reader: reader)
                            if job.rowOrder != nil && batch.hasProblems { throw GivenUp() }
                            guard handingOver else { return }
                            if batch.revisitsFarms { throw GivenUp() }
                            if batch.hasProblems {
                                handingOver = false
                                stopAll()
                            } else {
                                handOver(upTo: batch.farmsPassed)
                            }
                        }
                    } catch is GivenUp {
                        // Read again another way, where every problem of the file is found.
                        return false
                    }
                    try batch.checkProblems()
                    rowsLeftEmpty.withLock { $0 = batch.rowsLeftEmpty }
                    handOver(upTo: batch.farmCount)
                    farmsToPlan.finish()
                    return true
                }
                if !completed {
                    givenUp.withLock { $0 = true }
                    stopAll()
                }
            } catch {
                checkFailure.withLock { $0 = error }
                stopAll()
            }
        }
        let planning = Worker(name: "tunet-import-plan") {
            do {
                _ = try inWritersSnapshot { reader in
                    while let planner = farmsToPlan.take() {
                        let plan = try planner.plan(using: reader)
                        guard plansToStore.put((planner.provider, plan)) else { return false }
                    }
                    plansToStore.finish()
                    return true
                }
            } catch {
                planFailure.withLock { $0 = error }
                stopAll()
            }
        }

        var farms: [OrganisationNumber] = []
        var counts: [FarmSubmission.Counts] = []
        var ids: [Int64] = []
        var storeFailure: (any Error)?
        do {
            while let (farm, plan) = plansToStore.take() {
                ids.append(try job.store(farm, plan, tx))
                farms.append(farm)
                counts.append(plan.counts)
            }
        } catch {
            storeFailure = error
            stopAll()
        }
        checking.join()
        planning.join()
        // The file's own problems first, as an import without helpers reports them.
        if let error = checkFailure.withLock({ $0 }) { throw error }
        if givenUp.withLock({ $0 }) { throw GivenUp() }
        if let error = planFailure.withLock({ $0 }) { throw error }
        if let storeFailure { throw storeFailure }
        return job.report(farms, counts, ids, rowsLeftEmpty: rowsLeftEmpty.withLock { $0 })
    }
}
