import Foundation
import PostgresNIO
import Testing
import TunetDomain
@testable import TunetStorePostgres
import TunetTestSupport

/// Against a real PostgreSQL server, started for the suite by an unprivileged user and removed after it.
@Suite("The PostgreSQL schema on a real server", .serialized)
final class PostgresSchemaTests {
    let cluster: PostgresCluster

    init() throws { cluster = try PostgresCluster() }

    deinit { cluster.stop() }

    @Test("A new database gets every migration once; two instances migrating at once apply each once; a newer schema is refused")
    func migrations() async throws {
        try cluster.createDatabase("ipt")
        let address = try PostgresAddress.parse(cluster.url(database: "ipt"), environment: [:]).get()
        let sessions = try (0..<2).map { _ in try PostgresSession.open(address) }
        defer { sessions.forEach { $0.close() } }
        let applied = try await withThrowingTaskGroup(of: [String].self) { group in
            for session in sessions { group.addTask { try PostgresSchema.migrate(session) } }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(applied == PostgresSchema.migrations.map(\.name))
        #expect(try PostgresSchema.migrate(sessions[0]).isEmpty)
        let tables = try sessions[0].run("SELECT count(*)::int FROM information_schema.tables WHERE table_schema = 'public'")
        #expect(try tables.first?.decode(Int.self) == 26, "the tables, the migrations and the numbers, web_session, participant_journey and checked_invoice")

        try sessions[0].run("INSERT INTO tunet_schema_migration (name) VALUES ('p99-from-the-future')")
        let refused = #expect(throws: TunetError.self) { try PostgresSchema.migrate(sessions[1]) }
        #expect(refused?.english == "The database was upgraded by a newer Tunet (the migration 'p99-from-the-future' is unknown to this version).")
    }

    @Test("Money is whole øre, days are dates, and a moment not written as Tunet writes it is refused by the schema")
    func types() throws {
        try cluster.createDatabase("typer")
        let session = try PostgresSession.open(try PostgresAddress.parse(cluster.socketURL(database: "typer"), environment: [:]).get())
        defer { session.close() }
        _ = try PostgresSchema.migrate(session)
        let columns = try session.run("""
            SELECT table_name || '.' || column_name, data_type FROM information_schema.columns
            WHERE table_schema = 'public' AND (column_name LIKE '%_ore' OR column_name LIKE '%date' OR column_name = 'expires_on')
            """).map { try $0.decode((String, String).self) }
        #expect(!columns.isEmpty)
        for (column, type) in columns {
            #expect(type == (column.hasSuffix("_ore") ? "bigint" : "date"), "\(column) is \(type)")
        }
        #expect(throws: TunetError.self) {
            try session.run("INSERT INTO audit_event (at, actor, action, entity, entity_id) VALUES ('2026-12-02 10:00', 'x', 'y', 'z', '1')")
        }
        try session.run("INSERT INTO audit_event (at, actor, action, entity, entity_id) VALUES ('2026-12-02T10:00:00.000Z', 'x', 'y', 'z', '1')")
    }

    @Test("A wrong password is refused as unauthorized, and neither message names the password")
    func login() throws {
        let wrong = try PostgresAddress.parse(cluster.url().replacingOccurrences(of: cluster.password, with: "feil-passord"), environment: [:]).get()
        let refused = #expect(throws: TunetError.self) { try PostgresSession.open(wrong) }
        #expect(refused?.category == .unauthorized)
        #expect(refused?.english.contains("feil-passord") == false)
        #expect(refused?.english.contains("postgres://tunet@127.0.0.1:\(cluster.port)/postgres") == true)
        let closed = try PostgresAddress.parse("postgres://tunet:x@127.0.0.1:\(try PostgresCluster.freePort())/ipt?sslmode=disable", environment: [:]).get()
        let unreachable = #expect(throws: TunetError.self) { try PostgresSession.open(closed) }
        #expect(unreachable?.english.contains("cannot reach the PostgreSQL server") == true)
        #expect(unreachable?.english.contains(":x@") == false)
    }
}
