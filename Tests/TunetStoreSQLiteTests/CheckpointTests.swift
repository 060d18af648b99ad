import Foundation
import GRDB
import Testing
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

/// A service copies its write-ahead log into the database file itself, beside the writer.
@Suite("Checkpoints made by the caller")
struct CheckpointTests {
    /// Valid organisation numbers for `count` farms (mod-11 check digit).
    private func farms(_ count: Int) throws -> [Provider] {
        var result: [Provider] = []
        var base = 90_000_000
        while result.count < count {
            base += 1
            let digits = String(base).compactMap { $0.wholeNumberValue }
            let sum = zip(digits, [3, 2, 7, 6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
            let check = 11 - sum % 11
            guard check < 10 else { continue }
            result.append(try sampleProvider(String(base) + String(check == 11 ? 0 : check), name: "Gård \(result.count)"))
        }
        return result
    }

    @Test("leave the log to the caller, who copies it beside the writer and starts it again once it holds too much")
    func callerCheckpoints() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path, checkpoints: .byCaller)
        #expect(try database.readSQLite { try Int.fetchOne($0.db, sql: "PRAGMA wal_autocheckpoint") } == 0)
        let providers = try farms(60)
        for provider in providers.prefix(40) { try database.writeSQLite(actor: .atServer("test")) { try $0.insert(provider) } }
        let held = try database.checkpoint(restartAbove: .max)
        #expect(held > 0, "the commits left their pages in the log")

        // Above the limit the log is started again: the next commits write from its beginning.
        try database.checkpoint(restartAbove: 0)
        for provider in providers.dropFirst(40) { try database.writeSQLite(actor: .atServer("test")) { try $0.insert(provider) } }
        #expect(try database.checkpoint(restartAbove: .max) < held)
        #expect(try database.readSQLite { try $0.providerCount() } == 60)
    }

    @Test("are the writer's when a command opens the database, as SQLite does by default")
    func writerCheckpointsByDefault() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path)
        #expect(try database.readSQLite { try Int.fetchOne($0.db, sql: "PRAGMA wal_autocheckpoint") } == 1000)
        #expect(try database.checkpoint() == 0)
    }

    @Test("tell whether there was something to copy: after a commit yes, and no again until the next")
    func tidyTellsWork() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path, checkpoints: .byCaller)
        let providers = try farms(3)
        try database.writeSQLite(actor: .atServer("test")) { try $0.insert(providers[0]) }
        #expect(try database.tidy())
        #expect(try !database.tidy())
        #expect(try !database.tidy())
        try database.writeSQLite(actor: .atServer("test")) { try $0.insert(providers[1]) }
        #expect(try database.tidy())
        #expect(try !database.tidy())
    }
}
