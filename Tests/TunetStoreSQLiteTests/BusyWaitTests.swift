import Foundation
import GRDB
import Synchronization
import Testing
import TunetDomain
@testable import TunetStoreSQLite

@Suite("Waiting for another connection's lock")
struct BusyWaitTests {
    @Test("A wait goes on until the busy timeout has passed since it began, and each new wait has the whole timeout again")
    func untilTheTimeout() {
        let wait = BusyWait.polling(upTo: 0.05)
        #expect(wait(0))
        #expect(wait(1))
        Thread.sleep(forTimeInterval: 0.06)
        #expect(!wait(2), "the timeout has passed")
        #expect(wait(0), "a new wait")
    }

    @Test("Waits on different threads are timed apart")
    func perThread() {
        let wait = BusyWait.polling(upTo: 0.05)
        #expect(wait(0))
        Thread.sleep(forTimeInterval: 0.06)
        let other = Mutex(false)
        let ended = DispatchSemaphore(value: 0)
        Thread {
            other.withLock { $0 = wait(0) }
            ended.signal()
        }.start()
        ended.wait()
        #expect(other.withLock { $0 }, "the other thread's wait has just begun")
        #expect(!wait(1), "this thread's wait has gone on past the timeout")
    }

    @Test("A writer waits for another connection's write to end and then writes; one that waits too long is told the database is busy")
    func writersWait() throws {
        let file = try TemporaryDatabaseFile()
        let holder = try SQLiteStore(path: file.path)
        defer { try? holder.close() }
        let waiter = try SQLiteStore(path: file.path, busyTimeout: 5)
        defer { try? waiter.close() }
        let impatient = try SQLiteStore(path: file.path, busyTimeout: 0.05)
        defer { try? impatient.close() }
        let released = DispatchSemaphore(value: 0)
        let held = DispatchSemaphore(value: 0)
        let holding = Thread {
            try? holder.pool.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                held.signal()
                released.wait()
                try db.execute(sql: "CREATE TABLE held (x)")
                try db.execute(sql: "COMMIT")
            }
        }
        holding.start()
        held.wait()
        let error = #expect(throws: TunetError.self) {
            try impatient.writeSQLite(actor: .atServer("test")) { tx in try tx.db.execute(sql: "CREATE TABLE impatient (x)") }
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("busy"))
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { released.signal() }
        try waiter.writeSQLite(actor: .atServer("test")) { tx in try tx.db.execute(sql: "CREATE TABLE waited (x)") }
        let tables = try waiter.pool.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('held', 'waited', 'impatient') ORDER BY name") }
        #expect(tables == ["held", "waited"])
    }
}
