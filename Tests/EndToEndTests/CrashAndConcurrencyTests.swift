import Foundation
import GRDB
import Testing

/// A year's attendance for four synthetic farms (40 320 rows), imported, killed, raced and backed up
/// by real `tunet` processes on a real SQLite file.
@Suite("Crash safety, concurrent writers and backups under load", .serialized)
struct CrashAndConcurrencyTests {
    struct Nation {
        let tunet: TunetProcess
        let file: String
        let rows: Int
    }

    struct DatabaseState: Equatable {
        let integrity: String
        let attendanceRows: Int
        let submissions: Int
        let placements: Int
    }

    /// Built once (`tunet synthetic`), then copied into each test's own folder.
    static let builtOnce: Result<Nation, any Error> = Result {
        let tunet = try TunetProcess()
        let built = try tunet.run(["synthetic", "--farms", "4", "--placements", "400", "--attendance", "year.csv", "--json"])
        guard built.status == 0, let rows = (try tunet.json(built) as? [String: Any])?["attendance_rows"] as? Int else {
            throw TunetProcess.Failure(message: "tunet synthetic failed: \(built.stderr)")
        }
        return Nation(tunet: tunet, file: tunet.folder.appendingPathComponent("year.csv").path, rows: rows)
    }

    func nation() throws -> Nation {
        let original = try Self.builtOnce.get()
        #expect(original.rows == 40_320)
        let tunet = try TunetProcess()
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: original.tunet.databasePath + suffix) {
            try FileManager.default.copyItem(atPath: original.tunet.databasePath + suffix, toPath: tunet.databasePath + suffix)
        }
        let file = tunet.folder.appendingPathComponent("year.csv").path
        try FileManager.default.copyItem(atPath: original.file, toPath: file)
        return Nation(tunet: tunet, file: file, rows: original.rows)
    }

    /// Opened as a fresh connection would after a crash: SQLite recovers from its write-ahead log first.
    func state(_ tunet: TunetProcess) throws -> DatabaseState {
        let queue = try DatabaseQueue(path: tunet.databasePath)
        defer { try? queue.close() }
        return try queue.read { db in
            DatabaseState(integrity: try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; "),
                          attendanceRows: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance") ?? -1,
                          submissions: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance_submission") ?? -1,
                          placements: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM placement") ?? -1)
        }
    }

    /// Puts the database back as it was before any import: the file, without journal files.
    func reset(_ tunet: TunetProcess, from pristine: String) throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: tunet.databasePath + suffix) }
        try FileManager.default.copyItem(atPath: pristine, toPath: tunet.databasePath)
    }

    /// The seconds an uninterrupted import takes on this machine, to spread the kill points over it
    /// (a measurement used to aim, never asserted).
    func timedImport(_ nation: Nation) throws -> TimeInterval {
        let started = Date()
        let result = try nation.tunet.run(["attendance", "import", nation.file])
        #expect(result.status == 0, "\(result.stderr)")
        return Date().timeIntervalSince(started)
    }

    @Test("An import killed with SIGKILL at any point leaves an intact database with all or none of its rows, and importing again succeeds")
    func killedImports() throws {
        let nation = try nation()
        let tunet = nation.tunet
        let pristine = tunet.folder.appendingPathComponent("pristine.sqlite").path
        #expect(try tunet.run(["backup", pristine]).status == 0)
        let duration = try timedImport(nation)
        var interrupted = 0
        for fraction in [0.05, 0.2, 0.4, 0.6, 0.8, 0.95] {
            try reset(tunet, from: pristine)
            let running = try tunet.start(["attendance", "import", nation.file])
            Thread.sleep(forTimeInterval: duration * fraction)
            running.kill()
            let after = try state(tunet)
            #expect(after.integrity == "ok", "killed at \(fraction)")
            let none = after.attendanceRows == 0 && after.submissions == 0
            let all = after.attendanceRows == nation.rows && after.submissions == 4
            #expect(none || all, "killed at \(fraction): \(after.attendanceRows) rows, \(after.submissions) submissions")
            if none { interrupted += 1 }
            let again = try tunet.run(["attendance", "import", nation.file])
            #expect(again.status == 0, "after the kill at \(fraction): \(again.stderr)")
            #expect(try state(tunet).attendanceRows == nation.rows)
        }
        #expect(interrupted >= 1, "at least the earliest kill lands before the import commits")
    }

    @Test("An import and a placement at the same time both succeed: the second writer waits for the first")
    func writersWait() throws {
        let nation = try nation()
        let tunet = nation.tunet
        let importing = try tunet.start(["attendance", "import", nation.file])
        try waitUntilWriting(tunet)
        let placing = try tunet.run(["placement", "add", "--agreement", "SYN-2025/1", "--provider", "900000006", "--kind", "dementia",
                                     "--municipality", "0301", "--weekdays", "fri", "--start", "2026-12-04", "--end", "2026-12-18",
                                     "--decision", "HO-77"])
        let imported = try importing.wait()
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(placing.status == 0, "\(placing.stderr)")
        let after = try state(tunet)
        #expect(after == DatabaseState(integrity: "ok", attendanceRows: nation.rows, submissions: 4, placements: 401))
    }

    /// The lock is held by the test itself, as an import holds it while it stores: an import checks
    /// its file before it takes the lock and holds it only to store, too briefly to aim at reliably.
    @Test("With a short wait, a second writer is told the database is busy and changes nothing")
    func busyWriterChangesNothing() throws {
        let nation = try nation()
        let tunet = nation.tunet
        let before = try state(tunet)
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true   // the transaction spans two accesses on purpose
        let holder = try DatabaseQueue(path: tunet.databasePath, configuration: configuration)
        defer { try? holder.close() }
        try holder.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        let placing = try tunet.run(["placement", "add", "--agreement", "SYN-2025/1", "--provider", "900000006", "--kind", "dementia",
                                     "--municipality", "0301", "--weekdays", "fri", "--start", "2026-12-04", "--end", "2026-12-18",
                                     "--decision", "HO-78"], environment: ["TUNET_BUSY_TIMEOUT": "0.05"])
        try holder.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        #expect(placing.status == 75)
        #expect(placing.stderr.contains("is busy with another writer; nothing was changed. Try again in a moment."))
        #expect(try state(tunet) == before)
    }

    /// Returns once another process holds the write lock (an import writes in one transaction from its first row).
    func waitUntilWriting(_ tunet: TunetProcess) throws {
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let probe = try DatabaseQueue(path: tunet.databasePath, configuration: configuration)
        defer { try? probe.close() }
        for _ in 0..<6_000 {
            do {
                try probe.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE; ROLLBACK") }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                return
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        Issue.record("the import never took the write lock")
    }

    @Test("A backup taken while an import writes is intact and holds all or none of the import")
    func backupDuringImport() throws {
        let nation = try nation()
        let tunet = nation.tunet
        let importing = try tunet.start(["attendance", "import", nation.file])
        try waitUntilWriting(tunet)
        let backup = tunet.folder.appendingPathComponent("during.sqlite").path
        let backedUp = try tunet.run(["backup", backup, "--json"])
        #expect(backedUp.status == 0, "\(backedUp.stderr)")
        #expect(try importing.wait().status == 0)
        let copy = try DatabaseQueue(path: backup)
        defer { try? copy.close() }
        try copy.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            let rows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance") ?? -1
            #expect(rows == 0 || rows == nation.rows)
        }
    }
}
