import Foundation
import Testing
import TunetDomain
import TunetStorage
@testable import TunetStorePostgres
import TunetTestSupport

@Suite("Agreements in PostgreSQL: parties, options and prices as tables, read and audited as SQLite's store does", .serialized)
struct PostgresAgreementTests {
    @Test("A joint agreement with ranked farms, options, price versions and a KPI clause reads back whole; the list is by start, then reference")
    func storesAndReadsBack() throws {
        let database = try PostgresFixture()
        try database.withAgreements()
        let joint = try database.read { try $0.agreement("2026/12") }
        #expect(joint == Samples.joint())
        #expect(joint?.parties.map(\.rank) == [1, 2], "ranked parties come in their order")
        var reordered = Samples.joint()
        reordered.reference = "2026/13"
        reordered.parties.reverse()
        try database.write { try $0.insert(reordered) }
        #expect(try database.read { try $0.agreement("2026/13") }?.parties == Samples.joint().parties, "whatever order they were given in")
        #expect(joint?.municipalities == ["5001", "1804"], "the municipalities keep the order they were given")
        #expect(try database.read { try $0.agreement("2025/7") } == Samples.bodo())
        #expect(try database.read { try $0.agreement("2026/99") } == nil)
        #expect(try database.read { try $0.allAgreements() }.map(\.reference) == ["2025/7", "2026/12", "2026/13"])
        let created = try database.read { try $0.auditEvents(AuditQuery(entity: "agreement")) }
        #expect(created.map(\.entityId) == ["2026/12", "2025/7", "2026/13"] && created.allSatisfy { $0.action == "create" && $0.before == nil })
        let jointJSON = try AuditJSON.encode(Samples.joint())
        #expect(created.first?.after == jointJSON && created.first?.note == .typed("vedtak 12/26"))
    }

    @Test("A change rewrites the parties, options and prices; the audit log holds the whole agreement before and after; no change, no event")
    func updatesAndAudits() throws {
        let database = try PostgresFixture()
        try database.withAgreements()
        var changed = Samples.joint()
        changed.parties = [AgreementParty(provider: Samples.lia, rank: nil), AgreementParty(provider: Samples.haugen, rank: nil)]
        changed.options[0].exercisedOn = Samples.date("2027-06-01")
        changed.prices.add(PriceVersion(provider: Samples.haugen, line: "half_day", unit: .halfDay, validFrom: Samples.date("2026-08-01"),
                                        amount: Money(ore: 65_000), source: "manual"))
        changed.priceAdjustment = nil
        changed.maximumParticipantDays = nil
        changed.terminatedOn = Samples.date("2027-12-01")
        changed.terminationReason = "Vesentlig mislighold"
        try database.write { try $0.update(changed, action: "terminate", note: .typed("brev 3. mai")) }
        let read = try database.read { try $0.agreement("2026/12") }
        var expected = changed
        // Unranked parties are listed by organisation number, as SQLite lists them.
        expected.parties = [AgreementParty(provider: Samples.haugen, rank: nil), AgreementParty(provider: Samples.lia, rank: nil)]
        #expect(read == expected)
        try database.write { try $0.update(expected, action: "terminate", note: nil) }
        let events = try database.read { try $0.auditEvents(AuditQuery(entity: "agreement", entityId: "2026/12")) }
        #expect(events.map(\.action) == ["create", "terminate"])
        let (beforeJSON, afterJSON) = (try AuditJSON.encode(Samples.joint()), try AuditJSON.encode(changed))
        #expect(events.last?.before == beforeJSON && events.last?.after == afterJSON)
        #expect(events.last?.note == .typed("brev 3. mai"))
    }

    @Test("Changing an agreement that is not stored is refused as not found; a party that is no farm here, too")
    func unknownAgreementOrFarm() throws {
        let database = try PostgresFixture()
        #expect(throws: TunetError.notFound(kind: "agreement", key: "2026/12")) {
            try database.write { try $0.update(Samples.joint(), action: "update") }
        }
        #expect(throws: TunetError.notFound(kind: "provider", key: Samples.berg.digits)) {
            try database.write { try $0.insert(Samples.bodo()) }
        }
        #expect(try database.read { try $0.allAgreements() }.isEmpty, "the refused transaction left nothing behind")
    }

    @Test("Committed value counts the projected cost of placements not cancelled; reported value the billed days, by the placement's municipality")
    func valuesByMunicipality() throws {
        let database = try PostgresFixture()
        try database.withAgreements()
        let ids = try database.write { tx in
            [try tx.placeForTest { Samples.placement($0, participant: "P-2026-0001", agreement: "2026/12", provider: Samples.lia, municipality: "5001") },
             try tx.placeForTest { Samples.placement($0, participant: "P-2026-0002", agreement: "2026/12", provider: Samples.berg, municipality: "1804",
                                                     cost: 700_000) },
             try tx.placeForTest { id in
                 var cancelled = Samples.placement(id, participant: "P-2026-0003", agreement: "2026/12", provider: Samples.lia, municipality: "5001")
                 cancelled.cancel(reason: .typed("flyttet"))
                 return cancelled
             },
             try tx.placeForTest { Samples.placement($0, participant: "P-2026-0004", agreement: "2025/7", provider: Samples.berg, municipality: "1804") }]
                .map(\.id)
        }
        try database.write { tx in
            try tx.reportForTest(Samples.days(ids[0], ["2026-03-02", "2026-03-03"]) + Samples.days(ids[2], ["2026-03-02"]), provider: Samples.lia,
                                 dayPrice: Money(ore: 120_000), transport: Money(ore: 60_000), plannedCost: Money(ore: 180_000))
            try tx.reportForTest(Samples.days(ids[1], ["2026-03-02"], .absentWithoutNotice) + Samples.days(ids[3], ["2026-03-03"]), provider: Samples.berg,
                                 dayPrice: Money(ore: 110_000), transport: .zero, plannedCost: Money(ore: 110_000))
        }
        #expect(try database.read { try $0.committedValueByMunicipality(agreement: "2026/12") } == ["5001": Money(ore: 1_000_000), "1804": Money(ore: 700_000)])
        // The cancelled placement's day stays billed, but what it had planned is no longer committed.
        #expect(try database.read { try $0.reportedValueByMunicipality(agreement: "2026/12") } == [
            "5001": ReportedValue(billed: Money(ore: 540_000), plannedCostOfActivePlacements: Money(ore: 360_000)),
            "1804": ReportedValue(billed: Money(ore: 110_000), plannedCostOfActivePlacements: Money(ore: 110_000)),
        ])
        #expect(try database.read { try $0.committedValueByMunicipality(agreement: "2024/1") }.isEmpty)
        #expect(try database.read { try $0.reportedValueByMunicipality(agreement: "2024/1") }.isEmpty)
    }
}
