import Foundation
import Testing
import TunetDomain
import TunetStorage
@testable import TunetStorePostgres
import TunetTestSupport

/// Trondheim (5001) and Bodø (1804) share a joint agreement; Bodø has one of its own. Lia and Haugen
/// are in Trondheim, Berg in Bodø; Malvik (5059) is in Trondheim's team, Steigen (1837) in Bodø's pilot.
@Suite("Scoped reads in PostgreSQL: what lies outside a token's municipalities is never read", .serialized)
final class PostgresScopedQueryTests {
    let database: PostgresFixture
    var placements: [Placement] = []
    let bodo = MunicipalityScope.only(["1804"]), trondheim = MunicipalityScope.only(["5001"])

    init() throws {
        database = try PostgresFixture()
        try database.withAgreements()
        placements = try database.write { tx in
            [try tx.placeForTest { Samples.placement($0, participant: "P-2026-0001", agreement: "2026/12", provider: Samples.lia, municipality: "5001") },
             try tx.placeForTest { Samples.placement($0, participant: "P-2026-0002", agreement: "2026/12", provider: Samples.berg, municipality: "1804") },
             try tx.placeForTest { Samples.placement($0, participant: "P-2026-0003", agreement: "2025/7", provider: Samples.berg, municipality: "1804",
                                                     kind: .pupil) },
             try tx.placeForTest { id in
                 var cancelled = Samples.placement(id, participant: "P-2026-0004", agreement: "2026/12", provider: Samples.lia, municipality: "5001")
                 cancelled.cancel(reason: .typed("flyttet"))
                 return cancelled
             }]
        }
        let ids = placements.map(\.id)
        try database.write { tx in
            try tx.reportForTest(Samples.days(ids[0], ["2026-03-02", "2026-03-03"]) + Samples.days(ids[3], ["2026-03-02"]), provider: Samples.lia,
                                 dayPrice: Money(ore: 120_000), transport: Money(ore: 60_000), plannedCost: Money(ore: 180_000))
            try tx.reportForTest(Samples.days(ids[1], ["2026-03-02"], .absentWithoutNotice) + Samples.days(ids[2], ["2026-03-03"]),
                                 provider: Samples.berg, dayPrice: Money(ore: 110_000), transport: .zero, plannedCost: Money(ore: 110_000))
            _ = try tx.insertProcurement { Samples.procurement($0, municipalities: ["1804", "1837"]) }
            _ = try tx.insertProcurement { Samples.procurement($0, municipalities: ["5001"]) }
            let bodoTeam = try tx.insert(Team(id: 0, name: "Bodø", municipalityNumber: "1804", owner: "kommunedirektøren"))
            let region = try tx.insert(Team(id: 0, name: "Trondheimsregionen", municipalities: ["5059", "5001"], owner: "rådmannsforum"))
            _ = try tx.insertTask { Samples.task($0, team: bodoTeam.id, due: nil, ruleKey: nil) }
            _ = try tx.insertTask { Samples.task($0, team: region.id, due: "2026-05-01", ruleKey: nil) }
            _ = try tx.insertPilot { Samples.pilot($0, municipalities: ["1804", "1837"]) }
            _ = try tx.insertPilot { Samples.pilot($0, municipalities: ["1804"]) }
        }
    }

    @Test("Placements in the scope's municipalities, oldest first, and only one farm's when asked")
    func placementsInScope() throws {
        #expect(try database.read { try $0.placements(in: bodo, provider: nil) } == [placements[1], placements[2]])
        #expect(try database.read { try $0.placements(in: trondheim, provider: nil) } == [placements[0], placements[3]])
        #expect(try database.read { try $0.placements(in: bodo, provider: Samples.lia) }.isEmpty)
        #expect(try database.read { try $0.placements(in: .every, provider: Samples.berg) } == [placements[1], placements[2]])
        #expect(try database.read { try $0.placements(in: .every, provider: nil) } == placements)
        #expect(try database.read { try $0.placements(in: .only([]), provider: nil) }.isEmpty)
    }

    @Test("A joint agreement is each party's; farms are those located in the scope or party to an agreement in it, by name as SQLite orders it")
    func agreementsAndFarms() throws {
        #expect(try database.read { try $0.agreements(in: bodo) }.map(\.reference) == ["2025/7", "2026/12"])
        #expect(try database.read { try $0.agreements(in: trondheim) } == [Samples.joint()])
        #expect(try database.read { try $0.agreements(in: .every) }.count == 2)
        #expect(try database.read { try $0.providers(in: bodo) }.map(\.name) == ["berg gård", "Lia gård"])
        #expect(try database.read { try $0.providers(in: trondheim) }.map(\.name) == ["berg gård", "Haugen", "Lia gård"])
        #expect(try database.read { try $0.providers(in: .only(["3301"])) }.isEmpty)
        #expect(try database.read { try $0.providers(in: .every) } == (try database.read { try $0.allProviders() }))
    }

    @Test("Competitions for any of the scope's municipalities; teams, their tasks and pilots only when all their municipalities are in it")
    func competitionsTeamsAndPilots() throws {
        #expect(try database.read { try $0.procurements(in: bodo) }.map(\.id) == [1])
        #expect(try database.read { try $0.procurements(in: .only(["1837", "5001"])) }.map(\.id) == [1, 2])
        #expect(try database.read { try $0.teams(in: bodo) }.map(\.name) == ["Bodø"])
        #expect(try database.read { try $0.teams(in: trondheim) }.isEmpty, "Malvik's part of the region's team is not Trondheim's to see")
        #expect(try database.read { try $0.teams(in: .only(["5001", "5059"])) }.map(\.name) == ["Trondheimsregionen"])
        #expect(try database.read { try $0.tasks(in: bodo) }.map(\.id) == [1])
        #expect(try database.read { try $0.tasks(in: .only(["5001", "5059"])) }.map(\.id) == [2])
        #expect(try database.read { try $0.tasks(in: .every) }.map(\.id) == [2, 1])
        #expect(try database.read { try $0.pilots(in: bodo) }.map(\.id) == [2], "Steigen's figures stay out of Bodø's sight")
        #expect(try database.read { try $0.pilots(in: .only(["1804", "1837"])) }.map(\.id) == [1, 2])
        #expect(try database.read { try $0.pilots(in: .every) }.count == 2)
    }

    @Test("Figures per municipality and kind: participants and placements not cancelled, reported days and what they cost, counted in the query")
    func figures() throws {
        let march = (from: Samples.date("2026-03-01"), to: Samples.date("2026-03-31"))
        let all = try database.read { try $0.figures(from: march.from, to: march.to, in: .every) }
        #expect(all == [
            MunicipalityTotals(municipality: "1804", kind: .dementia, participants: 1, placements: 1, presentDays: 0, absentDays: 1,
                               spent: Money(ore: 110_000)),
            MunicipalityTotals(municipality: "1804", kind: .pupil, participants: 1, placements: 1, presentDays: 1, absentDays: 0,
                               spent: Money(ore: 110_000)),
            // The cancelled placement's reported day still counts as spent.
            MunicipalityTotals(municipality: "5001", kind: .dementia, participants: 1, placements: 1, presentDays: 3, absentDays: 0,
                               spent: Money(ore: 540_000)),
        ])
        #expect(try database.read { try $0.figures(from: march.from, to: march.to, in: bodo) } == Array(all.prefix(2)))
        #expect(try database.read { try $0.figures(from: Samples.date("2026-07-01"), to: Samples.date("2026-07-31"), in: .every) }.isEmpty)
        let oneDay = try database.read { try $0.figures(from: Samples.date("2026-03-03"), to: Samples.date("2026-03-03"), in: trondheim) }
        #expect(oneDay == [MunicipalityTotals(municipality: "5001", kind: .dementia, participants: 1, placements: 1, presentDays: 1,
                                              spent: Money(ore: 180_000))])
    }
}
