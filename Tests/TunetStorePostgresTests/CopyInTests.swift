import Foundation
import Testing
import TunetApp
import TunetDomain
import TunetFixtures
import TunetStorage
@testable import TunetStorePostgres
@testable import TunetStoreSQLite
import TunetTestSupport

@Suite("Copying a municipality's SQLite file into a shared PostgreSQL database")
struct CopyInTests {
    @Test("Every row of every table arrives, with its number; a second copy into the same database is refused and changes nothing")
    func copiesAllOrNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("kongsberg.sqlite").path
        _ = try DemoScenario.build(try TunetConfiguration(databaseOption: file, actorOption: "demo", environment: ["TUNET_TODAY": "2026-11-23"]), replace: false)
        let url = try PostgresCluster.shared().freshDatabase()
        let configuration = try TunetConfiguration(databaseOption: nil, actorOption: "it-drift", environment: [:])

        let copied = try CopyDesk.copy(from: file, to: url, configuration: configuration)
        let source = try SQLiteStore(path: file, mustExist: true)
        defer { try? source.close() }
        var expected: [String: Int] = [:]
        try source.copyOut { expected[$0.table, default: 0] += $0.rows.count }
        #expect(Dictionary(uniqueKeysWithValues: copied.tables.map { ($0.table, $0.rows) }) == expected)
        #expect(expected["attendance", default: 0] > 100 && expected["audit_event", default: 0] > 100)
        #expect(!copied.target.contains(try PostgresCluster.shared().password))

        let target = try PostgresStore(address: try PostgresAddress.parse(url, environment: [:]).get(), busyTimeout: 5)
        defer { try? target.close() }
        let events = try target.readPostgres { try $0.auditEvents(AuditQuery()) }
        let original = try source.readSQLite { try $0.auditEvents(AuditQuery()) }
        #expect(Array(events.dropLast()) == original)
        #expect(events.last?.action == "copy" && events.last?.actor == "it-drift")
        let snapshot = try PostgresCluster.shared().snapshot(of: url)

        let refused = #expect(throws: TunetError.self) { try CopyDesk.copy(from: file, to: url, configuration: configuration) }
        #expect(refused?.english.contains("provider.organisation_number") == true)
        #expect(try PostgresCluster.shared().snapshot(of: url) == snapshot)
    }

    @Test("The source must be a SQLite file and the target a PostgreSQL address")
    func refusesTheWrongWayRound() throws {
        let configuration = try TunetConfiguration(databaseOption: nil, actorOption: "it-drift", environment: [:])
        #expect(throws: TunetError.self) { try CopyDesk.copy(from: "postgres://a@b/c", to: "postgres://a@b/d", configuration: configuration) }
        #expect(throws: TunetError.self) { try CopyDesk.copy(from: "/tmp/a.sqlite", to: "/tmp/b.sqlite", configuration: configuration) }
    }
}
