import Foundation
import Testing
@testable import TunetDomain
import TunetStorage
@testable import TunetStorePostgres
import TunetTestSupport

/// A store on a fresh database of the suite's shared throwaway server.
func freshPostgresStore(busyTimeout: TimeInterval = 5, connections: Int = 8) throws -> PostgresStore {
    let url = try PostgresCluster.shared().freshDatabase()
    return try PostgresStore(address: try PostgresAddress.parse(url, environment: [:]).get(), busyTimeout: busyTimeout, connections: connections)
}

private func farm(_ number: String = "974760673", name: String = "Lia gård") throws -> Provider {
    try ProviderForm([
        .organisationNumber: number, .name: name, .municipalityNumber: "3303",
        .targetGroups: "pupils,dementia", .placesPerDay: "4", .openWeekdays: "mon-fri",
        .iptApprovalDate: "2025-05-02", .nextExternalAuditDate: "2027-05-02",
    ]).provider()
}

@Suite("The PostgreSQL store")
struct PostgresStoreTests {
    @Test("A change writes its audit event in the same transaction, with the state after; the farm reads back as it was stored")
    func auditsInTheSameTransaction() throws {
        let store = try freshPostgresStore()
        defer { try? store.close() }
        let provider = try farm()
        try store.writePostgres(actor: .atServer("kari")) { tx in
            try tx.insert(provider)
            #expect(try tx.auditEventCount() == 1)
        }
        #expect(try store.readPostgres { try $0.provider(provider.organisationNumber) } == provider)
        let events = try store.readPostgres { try $0.auditEvents(AuditQuery(entity: "provider")) }
        #expect(events.count == 1)
        #expect(events.first?.actor == "kari" && events.first?.action == "create" && events.first?.entityId == "974760673")
        #expect(events.first?.actorRole == .operator && events.first?.actorScope == .every)
        let after = try JSONDecoder().decode(Provider.self, from: Data(try #require(events.first?.after).utf8))
        #expect(after == provider)
    }

    @Test("An update records the states before and after; one that changes nothing records nothing")
    func auditsUpdates() throws {
        let store = try freshPostgresStore()
        defer { try? store.close() }
        var provider = try farm()
        try store.writePostgres(actor: .atServer("kari")) { try $0.insert(provider) }
        provider.placesPerDay = 6
        provider.insuranceExpiry = LocalDate(year: 2027, month: 2, day: 28)
        try store.writePostgres(actor: .atServer("per")) { try $0.update(provider) }
        try store.writePostgres(actor: .atServer("per")) { try $0.update(provider) }
        let events = try store.readPostgres { try $0.auditEvents(AuditQuery(entityId: "974760673")) }
        #expect(events.map(\.action) == ["create", "update"])
        #expect(events.last?.before?.contains("\"places_per_day\":4") == true)
        #expect(events.last?.after?.contains("\"places_per_day\":6") == true)
        #expect(try store.readPostgres { try $0.provider(provider.organisationNumber) }?.insuranceExpiry == LocalDate(year: 2027, month: 2, day: 28))
    }

    @Test("An error inside a write rolls back the change and its audit event, and the connection serves the next write")
    func rollsBack() throws {
        let store = try freshPostgresStore(connections: 1)
        defer { try? store.close() }
        #expect(throws: TunetError.self) {
            try store.writePostgres(actor: .atServer("kari")) { tx in
                try tx.insert(farm())
                throw TunetError.conflict(Message("error.internal", ["text": "refused"]))
            }
        }
        #expect(try store.readPostgres { try $0.providerCount() } == 0)
        #expect(try store.readPostgres { try $0.auditEventCount() } == 0)
        try store.writePostgres(actor: .atServer("kari")) { try $0.insert(farm()) }
        #expect(try store.readPostgres { try $0.providerCount() } == 1)
    }

    @Test("The same organisation number cannot be stored twice")
    func uniqueOrganisationNumber() throws {
        let store = try freshPostgresStore()
        defer { try? store.close() }
        try store.writePostgres(actor: .atServer("kari")) { try $0.insert(farm()) }
        #expect(throws: TunetError.self) {
            try store.writePostgres(actor: .atServer("kari")) { try $0.insert(farm(name: "En annen")) }
        }
        #expect(try store.readPostgres { try $0.providerCount() } == 1)
    }

    @Test("Farms are listed by name as SQLite lists them, upper and lower case alike")
    func providerOrder() throws {
        let store = try freshPostgresStore()
        defer { try? store.close() }
        try store.writePostgres(actor: .atServer("kari")) { tx in
            try tx.insert(farm("974760673", name: "berg gård"))
            try tx.insert(farm("923609016", name: "Aas gård"))
            try tx.insert(farm("914778271", name: "Øvre Lia"))
        }
        #expect(try store.readPostgres { try $0.allProviders() }.map(\.name) == ["Aas gård", "berg gård", "Øvre Lia"])
    }

    @Test("A token is kept by its hash; a revocation is audited and a second one refused")
    func tokens() throws {
        let store = try freshPostgresStore()
        defer { try? store.close() }
        let hash = String(repeating: "ab", count: 32)
        let issued = try store.writePostgres(actor: .atServer("kari")) { tx in
            try tx.insert(farm())
            return try tx.insertToken(AccessToken(id: 0, role: .provider, provider: try farm().organisationNumber, label: "Lia",
                                                  createdAt: "", expiresOn: LocalDate(year: 2027, month: 1, day: 1)!), hash: hash)
        }
        let found = try #require(try store.readPostgres { try $0.token(hash: hash) })
        #expect(found.0 == issued && found.storedHash == hash)
        _ = try store.writePostgres(actor: .atServer("kari")) { try $0.revokeToken(issued.id) }
        #expect(throws: TunetError.self) { try store.writePostgres(actor: .atServer("kari")) { try $0.revokeToken(issued.id) } }
        #expect(try store.readPostgres { try $0.auditEvents(AuditQuery(entity: "token")) }.map(\.action) == ["issue", "revoke"])
    }

    @Test("The price index: a month set twice to the same value is written once")
    func priceIndex() throws {
        let store = try freshPostgresStore()
        defer { try? store.close() }
        let month = try YearMonth.parse("2026M10").get()
        #expect(try store.writePostgres(actor: .atServer("kari")) { try $0.setConsumerPriceIndex(month, IndexValue(tenths: 1375)) })
        #expect(try !store.writePostgres(actor: .atServer("kari")) { try $0.setConsumerPriceIndex(month, IndexValue(tenths: 1375)) })
        #expect(try store.readPostgres { try $0.allConsumerPriceIndexes() }.map(\.1) == [IndexValue(tenths: 1375)])
    }

    @Test("Two stores on one database write one at a time: the second waits for the first, then sees its change")
    func oneWriterAtATime() async throws {
        let url = try PostgresCluster.shared().freshDatabase()
        let address = try PostgresAddress.parse(url, environment: [:]).get()
        let first = try PostgresStore(address: address, busyTimeout: 10)
        let second = try PostgresStore(address: address, busyTimeout: 10)
        defer { try? first.close(); try? second.close() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in [first, second].enumerated() {
                group.addTask {
                    for _ in 0..<20 {
                        // Each write reads the count and writes a farm named after it: two writers at once would repeat a count.
                        try store.writePostgres(actor: .atServer("instans \(index)")) { tx in
                            let count = try tx.providerCount()
                            var candidate = 90_000_000 + count * 100
                            while OrganisationNumber.completing(String(candidate)) == nil { candidate += 1 }
                            try tx.insert(try farm(OrganisationNumber.completing(String(candidate))!.digits, name: "Gård \(count)"))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let names = try first.readPostgres { try $0.allProviders() }.map(\.name)
        #expect(names.count == 40 && Set(names).count == 40)
        let ids = try first.readPostgres { try $0.auditEvents(AuditQuery()) }.map(\.id)
        #expect(ids == ids.sorted())
    }

    @Test("A writer kept waiting past the busy timeout is told the database is busy, and nothing of it is written")
    func busy() throws {
        let url = try PostgresCluster.shared().freshDatabase()
        let address = try PostgresAddress.parse(url, environment: [:]).get()
        let holder = try PostgresStore(address: address, busyTimeout: 10)
        let waiter = try PostgresStore(address: address, busyTimeout: 0.3)
        defer { try? holder.close(); try? waiter.close() }
        try holder.writePostgres(actor: .atServer("kari")) { _ in
            let refused = #expect(throws: TunetError.self) { try waiter.writePostgres(actor: .atServer("per")) { try $0.insert(farm()) } }
            #expect(refused.map { if case .busy = $0 { true } else { false } } == true)
        }
        #expect(try waiter.readPostgres { try $0.providerCount() } == 0)
    }

    @Test("A process's connections are bounded: a use case that finds them all in use waits, then is told the database is busy")
    func boundedConnections() throws {
        let store = try freshPostgresStore(busyTimeout: 0.3, connections: 1)
        defer { try? store.close() }
        try store.readPostgres { _ in
            let refused = #expect(throws: TunetError.self) { try store.readPostgres { try $0.providerCount() } }
            #expect(refused.map { if case .busy = $0 { true } else { false } } == true)
        }
        #expect(try store.readPostgres { try $0.providerCount() } == 0)
    }

    @Test("A backup is pg_dump's, readable by pg_restore; a restore is refused with the explanation, changing nothing")
    func backupAndRestore() throws {
        let store = try freshPostgresStore()
        defer { try? store.close() }
        try store.writePostgres(actor: .atServer("kari")) { try $0.insert(farm()) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-pg-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tunet.dump").path
        let check = try store.backup(to: path)
        #expect(check.providers == 1 && check.auditEvents == 1 && check.migrations == PostgresSchema.migrations.map(\.name))
        let header = try #require(FileManager.default.contents(atPath: path)).prefix(5)
        #expect(String(decoding: header, as: UTF8.self) == "PGDMP")
        let refused = #expect(throws: TunetError.self) { try store.restore(from: path, actor: .atServer("kari")) }
        #expect(refused?.english.contains("pg_restore") == true)
        #expect(try store.readPostgres { try $0.auditEventCount() } == 1)
    }
}
