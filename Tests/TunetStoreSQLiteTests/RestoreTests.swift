import Foundation
import GRDB
import Testing
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

@Suite("A restored database")
struct RestoreTests {
    @Test("hands out no id again that the database it replaced had used: its restore comes after every event before it")
    func idsGoOn() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path)
        // The backup has numbered a farm and its event already; the database goes on to number two more.
        try database.writeSQLite(actor: .atServer("test")) { tx in try tx.insert(sampleProvider("974760673", name: "Lia gård")) }
        let backup = file.folder.appendingPathComponent("kopi.sqlite").path
        _ = try database.backup(to: backup)
        for (number, name) in [("971526920", "Berg gård"), ("923609016", "Nes gård")] {
            try database.writeSQLite(actor: .atServer("test")) { tx in try tx.insert(sampleProvider(number, name: name)) }
        }
        let (lastEvent, lastProvider) = try database.readSQLite { (reader: SQLiteReader) in
            (try reader.lastAuditEventId(), try Int64.fetchOne(reader.db, sql: "SELECT MAX(id) FROM provider") ?? 0)
        }

        _ = try database.restore(from: backup, actor: .atServer("test"))
        let restore = try database.readSQLite { try $0.auditEvents(AuditQuery(entity: "database")) }.last
        #expect((restore?.id ?? 0) > lastEvent)
        try database.writeSQLite(actor: .atServer("test")) { tx in try tx.insert(sampleProvider("971526920", name: "Berg gård")) }
        #expect(try database.readSQLite { try Int64.fetchAll($0.db, sql: "SELECT id FROM provider ORDER BY id") } == [1, lastProvider + 1])
    }
}
