import Foundation
import GRDB
import Testing
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite
import TunetTestSupport

/// A fresh database file in its own temporary folder, removed afterwards.
final class TemporaryDatabaseFile {
    let folder: URL
    var path: String { folder.appendingPathComponent("tunet.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

func sampleProvider(_ number: String = "974760673", name: String = "Lia gård") throws -> Provider {
    try ProviderForm([
        .organisationNumber: number, .name: name, .municipalityNumber: "3303",
        .targetGroups: "pupils,dementia", .placesPerDay: "4", .openWeekdays: "mon-fri",
        .iptApprovalDate: "2025-05-02", .nextExternalAuditDate: "2027-05-02",
    ]).provider()
}

@Suite("The SQLite store")
struct SQLiteStoreTests {
    @Test("A new file is migrated from empty, in WAL mode with foreign keys on")
    func migratesFromEmpty() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path)
        #expect(try database.appliedMigrations() == Schema.migrator.migrations)
        #expect(Schema.migrator.migrations.first == "v1-providers-and-audit")
        try database.readSQLite { (reader: SQLiteReader) throws in
            #expect(try String.fetchOne(reader.db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Int.fetchOne(reader.db, sql: "PRAGMA foreign_keys") == 1)
            #expect(try reader.providerCount() == 0)
        }
    }

    @Test("Opening an existing file again keeps its data and applies nothing twice")
    func reopens() throws {
        let file = try TemporaryDatabaseFile()
        try SQLiteStore(path: file.path).write(actor: .atServer("test")) { try $0.insert(sampleProvider()) }
        let reopened = try SQLiteStore(path: file.path)
        #expect(try reopened.read { try $0.providerCount() } == 1)
        #expect(try reopened.appliedMigrations() == Schema.migrator.migrations)
    }

    @Test("A database from an older Tunet is upgraded in place and keeps its data")
    func upgradesInPlace() throws {
        let file = try TemporaryDatabaseFile()
        let old = try DatabaseQueue(path: file.path)
        try Schema.migrator.migrate(old, upTo: "v1-providers-and-audit")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO provider (organisation_number, name, municipality_number, target_groups, places_per_day, open_weekdays, status)
                VALUES ('974760673', 'Lia gård', '3303', 'pupils', 4, 'mon,tue', 'active')
                """)
        }
        try old.close()
        let upgraded = try SQLiteStore(path: file.path)
        #expect(try upgraded.appliedMigrations() == Schema.migrator.migrations)
        let provider = try upgraded.read { try $0.provider(try OrganisationNumber.parse("974760673").get()) }
        #expect(provider?.name == "Lia gård")
        #expect(provider?.openWeekdays == WeekdaySet([.monday, .tuesday]))
    }

    @Test("Upgrading keeps every token: a leader's from before scopes sees every municipality; earlier audit events have no role")
    func tokensBeforeScopes() throws {
        let file = try TemporaryDatabaseFile()
        let old = try DatabaseQueue(path: file.path)
        try Schema.migrator.migrate(old, upTo: "v15-team-municipalities")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO provider (organisation_number, name, municipality_number, target_groups, places_per_day, open_weekdays, status)
                VALUES ('974760673', 'Lia gård', '3303', 'pupils', 4, 'mon,tue', 'active');
                INSERT INTO access_token (token_hash, role, provider_id, label, created_at, expires_on)
                VALUES ('\(String(repeating: "a", count: 64))', 'leader', NULL, 'leder', '2026-01-01T00:00:00.000Z', '2026-12-31'),
                       ('\(String(repeating: "b", count: 64))', 'provider', 1, NULL, '2026-01-01T00:00:00.000Z', '2026-12-31');
                INSERT INTO audit_event (at, actor, action, entity, entity_id) VALUES ('2026-01-01T00:00:00.000Z', 'kari', 'issue', 'token', '1');
                """)
        }
        try old.close()
        let upgraded = try SQLiteStore(path: file.path)
        let tokens = try upgraded.read { try $0.tokens() }
        #expect(tokens.map(\.role) == [.leader, .provider])
        #expect(tokens.map(\.municipalities) == [.every, nil])
        #expect(tokens[1].provider?.digits == "974760673")
        let before = try #require(try upgraded.readSQLite { try $0.auditEvents(AuditQuery(entity: "token")) }.first)
        #expect(before.actorRole == nil && before.actorScope == nil)
        let issued = try upgraded.write(actor: AuditActor(name: "kari", role: .operator, scope: .every)) { tx in
            try tx.insertToken(AccessToken(id: 0, role: .workTeam, provider: nil, label: nil, municipalities: .only(["3303", "1804"]),
                                           createdAt: "", expiresOn: LocalDate(year: 2027, month: 1, day: 1)!), hash: String(repeating: "c", count: 64))
        }
        #expect(issued.id == 3)
        let after = try #require(try upgraded.readSQLite { try $0.auditEvents(AuditQuery(entity: "token", entityId: "3")) }.first)
        #expect(after.actorRole == .operator && after.actorScope == .every)
        #expect(try upgraded.read { try $0.tokens() }.last?.municipalities == .only(["1804", "3303"]))
    }

    @Test("A change writes its audit event in the same transaction, with the state after")
    func auditsInTheSameTransaction() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path)
        let provider = try sampleProvider()
        try database.writeSQLite(actor: .atServer("kari")) { tx in
            try tx.insert(provider)
            #expect(try tx.auditEventCount() == 1)
        }
        let events = try database.readSQLite { try $0.auditEvents(AuditQuery(entity: "provider")) }
        #expect(events.count == 1)
        #expect(events[0].actor == "kari")
        #expect(events[0].action == "create")
        #expect(events[0].entityId == "974760673")
        #expect(events[0].before == nil)
        let after = try JSONDecoder().decode(Provider.self, from: Data(try #require(events[0].after).utf8))
        #expect(after == provider)
    }

    @Test("An update records both the state before and after; an update that changes nothing records nothing")
    func auditsUpdates() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path)
        var provider = try sampleProvider()
        try database.writeSQLite(actor: .atServer("kari")) { try $0.insert(provider) }
        provider.placesPerDay = 6
        try database.writeSQLite(actor: .atServer("per")) { try $0.update(provider) }
        try database.writeSQLite(actor: .atServer("per")) { try $0.update(provider) }
        let events = try database.readSQLite { try $0.auditEvents(AuditQuery(entityId: "974760673")) }
        #expect(events.map(\.action) == ["create", "update"])
        #expect(events[1].before?.contains("\"places_per_day\":4") == true)
        #expect(events[1].after?.contains("\"places_per_day\":6") == true)
    }

    @Test("An error inside a write rolls back the change and its audit event")
    func rollsBack() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path)
        struct Refused: Error {}
        #expect(throws: TunetError.self) {
            try database.writeSQLite(actor: .atServer("kari")) { tx in
                try tx.insert(sampleProvider())
                throw TunetError.conflict(Message("error.internal", ["text": "refused"]))
            }
        }
        try database.readSQLite { (reader: SQLiteReader) throws in
            #expect(try reader.providerCount() == 0)
            #expect(try reader.auditEventCount() == 0)
        }
    }

    @Test("The same organisation number cannot be stored twice")
    func uniqueOrganisationNumber() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path)
        try database.writeSQLite(actor: .atServer("kari")) { try $0.insert(sampleProvider()) }
        #expect(throws: TunetError.self) {
            try database.writeSQLite(actor: .atServer("kari")) { try $0.insert(sampleProvider(name: "Another")) }
        }
        #expect(try database.readSQLite { try $0.providerCount() } == 1)
    }

    @Test("A database written by a newer Tunet is refused with a clear message and left unchanged")
    func refusesNewerDatabase() throws {
        let file = try TemporaryDatabaseFile()
        _ = try SQLiteStore(path: file.path)
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        try queue.close()
        do {
            _ = try SQLiteStore(path: file.path)
            Issue.record("opened a newer database")
        } catch {
            #expect(error.category == .incompatibleDatabase)
            #expect(error.english.contains("newer version of Tunet"))
            #expect(error.english.contains("v99-from-the-future"))
        }
    }

    @Test("An SQLite file that is not Tunet's, and a file that is not SQLite, are refused")
    func refusesForeignFiles() throws {
        let file = try TemporaryDatabaseFile()
        let foreign = try DatabaseQueue(path: file.path)
        try foreign.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER)") }
        try foreign.close()
        #expect(throws: TunetError.self) { try SQLiteStore(path: file.path) }

        let text = file.folder.appendingPathComponent("notes.sqlite")
        try Data("these are not the data you are looking for, and certainly not a database file".utf8).write(to: text)
        do {
            _ = try SQLiteStore(path: text.path)
            Issue.record("opened a text file")
        } catch {
            #expect(error.category == .incompatibleDatabase)
        }
    }

    @Test("Reading a database that does not exist is an error, not a new empty file")
    func mustExist() throws {
        let file = try TemporaryDatabaseFile()
        #expect(throws: TunetError.missingDatabase(path: file.path)) { try SQLiteStore(path: file.path, mustExist: true) }
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test("Audit events can be filtered by entity, id and time")
    func filtersAudit() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path)
        try database.writeSQLite(actor: .atServer("a"), at: Date(timeIntervalSince1970: 1_700_000_000)) { try $0.insert(sampleProvider()) }
        try database.writeSQLite(actor: .atServer("b"), at: Date(timeIntervalSince1970: 1_800_000_000)) {
            try $0.insert(sampleProvider("923609016", name: "Haugen"))
        }
        try database.readSQLite { (reader: SQLiteReader) throws in
            #expect(try reader.auditEvents(AuditQuery(entityId: "923609016")).map(\.actor) == ["b"])
            #expect(try reader.auditEvents(AuditQuery(since: "2025-01-01T00:00:00.000Z")).map(\.actor) == ["b"])
            #expect(try reader.auditEvents(AuditQuery(limit: 1)).map(\.actor) == ["a"])
        }
    }

    /// An upload is checked in a snapshot and stored in the writer; it is checked again when anything
    /// but another submission was recorded in between.
    @Test("Whether anything but a given kind of change was recorded since an earlier moment")
    func changesSince() throws {
        let file = try TemporaryDatabaseFile()
        let database = try SQLiteStore(path: file.path)
        #expect(try database.readSQLite { try $0.lastAuditEventId() } == 0)
        try database.writeSQLite(actor: .atServer("a"), at: Date()) { try $0.insert(sampleProvider()) }
        let stamp = try database.readSQLite { try $0.lastAuditEventId() }
        #expect(stamp > 0)
        #expect(try database.readSQLite { try $0.hasAuditEvents(after: stamp, besides: "provider") } == false)
        try database.writeSQLite(actor: .atServer("b"), at: Date()) { try $0.insert(sampleProvider("923609016", name: "Haugen")) }
        try database.readSQLite { (reader: SQLiteReader) throws in
            #expect(try reader.hasAuditEvents(after: stamp, besides: "provider") == false)
            #expect(try reader.hasAuditEvents(after: stamp, besides: AttendanceSubmission.auditEntity) == true)
            #expect(try reader.hasAuditEvents(after: reader.lastAuditEventId(), besides: AttendanceSubmission.auditEntity) == false)
        }
    }
}
