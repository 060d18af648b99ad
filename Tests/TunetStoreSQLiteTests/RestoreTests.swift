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

    @Test("ends every session the backup holds: one signed out since does not open again")
    func sessionsEnd() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path)
        let hash = String(repeating: "c", count: 64)
        try database.writeSQLite(actor: .atServer("test")) { tx in
            try tx.insert(sampleProvider("974760673", name: "Lia gård"))
            let token = try tx.insertToken(AccessToken(id: 0, role: .provider, provider: OrganisationNumber.parse("974760673").get(), label: nil,
                                                       createdAt: "", expiresOn: LocalDate(year: 2099, month: 1, day: 1)!),
                                           hash: String(repeating: "d", count: 64))
            _ = try tx.insertWebSession(WebSession(id: 0, tokenId: token.id, createdAt: "2026-06-10T08:00:00.000Z", expiresAt: "2099-01-01T00:00:00.000Z"),
                                        hash: hash)
        }
        let backup = file.folder.appendingPathComponent("kopi.sqlite").path
        _ = try database.backup(to: backup)
        let session = try #require(try database.readSQLite { try $0.webSession(hash: hash) })
        try database.writeSQLite(actor: .atServer("test")) { tx in try tx.endWebSession(session.session.id) }
        _ = try database.restore(from: backup, actor: .atServer("test"))
        #expect(try database.readSQLite { try $0.webSession(hash: hash) } == nil)
    }
}
