import Foundation
import Synchronization
import TunetDomain
import TunetFiles
import TunetStore

extension AttendanceImportJob {
    /// A large file checked, planned and stored side by side, in one write transaction: one thread reads
    /// and checks the rows, one compares and prices each farm once the file has moved past it, and the
    /// writer stores each farm's plan as it comes. A national file uses the machine's cores instead of
    /// one (BENCHMARKS.md). It stays all or nothing: a problem anywhere in the file, or any failure,
    /// rolls back every farm already stored, and the error names every problem of the file.
    ///
    /// Both helpers read in snapshots taken while this holds the writer, so they see exactly what the
    /// writer started from, and a farm's stored days change only by its own submission, stored after
    /// its plan was made. Returns nil, having changed nothing, when a farm's rows resume after another
    /// farm's (its plan may already be stored): such a file is imported the usual way.
    func pipelined() throws -> AttendanceImportReport? {
        var fellBack = false
        do {
            return try context.write { tx in
                if let earlier = try earlierImport(tx) { return earlier }
                do {
                    return try pipelined(tx)
                } catch is FarmsNotGrouped {
                    fellBack = true
                    throw FarmsNotGrouped()
                }
            }
        } catch {
            if fellBack { return nil }
            throw error
        }
    }

    /// The rows of a farm resume after another farm's.
    private struct FarmsNotGrouped: Error {}

    private func pipelined(_ tx: StoreTransaction) throws -> AttendanceImportReport {
        let stamp = try tx.lastAuditEventId()
        let farmsToPlan = Handoff<AttendancePlanner>(capacity: 4)
        let plansToStore = Handoff<(farm: OrganisationNumber, plan: AttendancePlanner.Plan)>(capacity: 4)
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

        let farmsNotGrouped = Mutex(false)
        let checking = Worker(name: "tunet-import-check") {
            do {
                // False when a farm's rows resume after another farm's (an error would not survive the reader).
                let grouped = try inWritersSnapshot { reader in
                    var batch = try self.batch(reader)
                    var handedOver = 0
                    // Once nothing will be stored, the rest of the file is still checked: its problems are the answer.
                    var handingOver = true
                    func handOver(upTo end: Int) {
                        while handingOver && handedOver < end {
                            handingOver = farmsToPlan.put(batch.takePlanner(handedOver))
                            handedOver += 1
                        }
                    }
                    try AttendanceFile.rows(in: data, fileName: fileName) { row in
                        try batch.add(row, reader: reader)
                        guard handingOver else { return }
                        if batch.hasProblems || batch.revisitsFarms {
                            handingOver = false
                            stopAll()
                        } else {
                            handOver(upTo: batch.farmsPassed)
                        }
                    }
                    try batch.checkProblems()
                    if batch.revisitsFarms { return false }
                    handOver(upTo: batch.farmCount)
                    farmsToPlan.finish()
                    return true
                }
                if !grouped {
                    farmsNotGrouped.withLock { $0 = true }
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
        var counts: [AttendancePlanner.Counts] = []
        var ids: [Int64] = []
        var storeFailure: (any Error)?
        do {
            while let (farm, plan) = plansToStore.take() {
                ids.append(try store(farm, plan, tx))
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
        if farmsNotGrouped.withLock({ $0 }) { throw FarmsNotGrouped() }
        if let error = planFailure.withLock({ $0 }) { throw error }
        if let storeFailure { throw storeFailure }
        return report(farms, counts, ids)
    }
}

/// A bounded queue from one thread to the next. `finish` lets the taker empty it and stop; `cancel`
/// drops what it holds and stops both sides at once.
final class Handoff<Element: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var items: [Element] = []
    private var finished = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room; false, dropping the item, once the queue is finished or cancelled.
    func put(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !finished { condition.wait() }
        guard !finished else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Waits for the next item; nil once the queue is finished and empty.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !finished { condition.wait() }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        finished = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

/// Work on a thread of its own (not Swift concurrency's pool, whose threads must never wait), at a
/// lower priority than the thread that started it: the helpers of an import feed its single writer,
/// which nothing can share, so where cores are fewer than threads the writer should not wait for one.
final class Worker: Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [done] in
            #if os(Linux)
            // Linux keeps a nice value per thread, and "this process" (0) means the calling thread.
            let thisThread = __priority_which_t(PRIO_PROCESS.rawValue)
            _ = setpriority(thisThread, 0, getpriority(thisThread, 0) + 5)
            #endif
            body()
            done.signal()
        }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }

    func join() {
        done.wait()
    }
}
