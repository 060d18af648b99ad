import Foundation
import Testing
import TunetDomain
import TunetStorage
@testable import TunetStorePostgres
import TunetTestSupport

@Suite("Competitions, pilots and work teams in PostgreSQL: documents read back whole, numbered by the database, audited", .serialized)
struct PostgresWorkTeamTests {
    @Test("A competition gets its number before it is made; a change is audited, no change is not; the list is by number")
    func procurements() throws {
        let database = try PostgresFixture()
        let made = try database.write { tx in
            try tx.insertProcurement { Samples.procurement($0, municipalities: ["1804", "1837"]) }
        }
        #expect(made.id == 1 && made.municipalities == ["1804", "1837"])
        var opened = made
        opened.state = .open
        opened.criteria = [AwardCriterion(name: "Pris", weight: 60, isPrice: true), AwardCriterion(name: "Kvalitet", weight: 40, isPrice: false)]
        opened.tenderDeadline = Samples.date("2026-04-01")
        try database.write { try $0.update(opened, action: "open", note: .typed("kunngjort")) }
        try database.write { try $0.update(opened, action: "open") }
        let second = try database.write { tx in try tx.insertProcurement { Samples.procurement($0, municipalities: ["5001"]) } }
        #expect(try database.read { try $0.procurement(made.id) } == opened)
        #expect(try database.read { try $0.procurement(99) } == nil)
        #expect(try database.read { try $0.allProcurements() } == [opened, second])
        let events = try database.read { try $0.auditEvents(AuditQuery(entity: "procurement")) }
        #expect(events.map { "\($0.action) \($0.entityId)" } == ["create 1", "open 1", "create 2"])
        #expect(throws: TunetError.notFound(kind: "procurement", key: "99")) {
            var missing = opened
            missing.id = 99
            try database.write { try $0.update(missing, action: "open") }
        }
    }

    @Test("A pilot gets its number before it is made; its measures are listed by municipality, period and name")
    func pilots() throws {
        let database = try PostgresFixture()
        let pilot = try database.write { tx in try tx.insertPilot { Samples.pilot($0, municipalities: ["1804", "1837"]) } }
        var changed = pilot
        changed.name = "Elever på gården"
        changed.referencePrices = ["1804": Money(ore: 95_000)]
        try database.write { try $0.update(changed, action: "update") }
        #expect(try database.read { try $0.pilot(pilot.id) } == changed)
        #expect(try database.read { try $0.pilots() } == [changed])
        func measure(_ municipality: String, _ from: String, _ name: String, _ value: Int64) -> PilotMeasure {
            PilotMeasure(id: 0, pilotId: pilot.id, municipalityNumber: municipality, from: Samples.date(from), to: Samples.date("2026-12-31"),
                         name: name, valueTenths: value, unit: .percent, n: 12, source: "observasjon")
        }
        let stored = try database.write { tx in
            try [measure("1837", "2026-01-01", "sosialt aktiv", 412), measure("1804", "2026-07-01", "god stemning", 600),
                 measure("1804", "2026-01-01", "sosialt aktiv", 380), measure("1804", "2026-01-01", "God stemning", 523)].map(tx.insert)
        }
        #expect(stored.map(\.id) == [1, 2, 3, 4])
        // Names by their bytes, as SQLite orders them: capitals first.
        #expect(try database.read { try $0.measures(pilot: pilot.id) }.map(\.id) == [4, 3, 2, 1])
        #expect(try database.read { try $0.measures(pilot: pilot.id) }.first == stored[3])
        let events = try database.read { try $0.auditEvents(AuditQuery()) }
        #expect(events.map { "\($0.action) \($0.entity) \($0.entityId)" } == ["create pilot 1", "update pilot 1", "create pilot_measure 1",
                                                                             "create pilot_measure 2", "create pilot_measure 3", "create pilot_measure 4"])
    }

    @Test("A cooperation's team keeps its municipalities in order; members by number; tasks by due date, undated last, with their history")
    func teamsMembersAndTasks() throws {
        let database = try PostgresFixture()
        let (bodo, cooperation) = try database.write { tx in
            (try tx.insert(Team(id: 0, name: "Arbeidslaget i Bodø", municipalityNumber: "1804", owner: "kommunedirektøren")),
             try tx.insert(Team(id: 0, name: "Trondheimsregionen", municipalities: ["5059", "5001"], owner: "rådmannsforum")))
        }
        #expect(try database.read { try $0.teams() } == [bodo, cooperation])
        #expect(cooperation.municipalities == ["5059", "5001"] && cooperation.id == 2)
        let (kari, ola) = try database.write { tx in
            (try tx.insert(TeamMember(id: 0, teamId: bodo.id, name: "Kari", sector: .nav, role: "veileder", email: "kari@bodo.kommune.no")),
             try tx.insert(TeamMember(id: 0, teamId: cooperation.id, name: "Ola", sector: .agriculture, role: "rådgiver", email: nil)))
        }
        var away = kari
        away.active = false
        try database.write { try $0.update(away, action: "remove") }
        #expect(try database.read { try $0.members(team: nil) } == [away, ola])
        #expect(try database.read { try $0.members(team: cooperation.id) } == [ola])
        let tasks = try database.write { tx in
            [try tx.insertTask { Samples.task($0, team: bodo.id, due: nil, ruleKey: nil) },
             try tx.insertTask { Samples.task($0, team: cooperation.id, due: "2026-05-01", ruleKey: "\(cooperation.id)|ceiling:2026/12") },
             try tx.insertTask { Samples.task($0, team: bodo.id, due: "2026-04-01", ruleKey: nil) }]
        }
        var done = tasks[1]
        done.status = .done
        done.ownerId = ola.id
        done.history.append(TaskEvent(at: "2026-05-02T08:00:00.000Z", actor: "ola", action: "close", text: .typed("avklart")))
        try database.write { try $0.update(done, action: "close", note: .typed("avklart")) }
        try database.write { try $0.update(done, action: "close") }
        #expect(try database.read { try $0.task(done.id) } == done)
        #expect(try database.read { try $0.task(ruleKey: "\(cooperation.id)|ceiling:2026/12") } == done)
        #expect(try database.read { try $0.task(ruleKey: "nothing") } == nil)
        #expect(try database.read { try $0.tasks() } == [tasks[2], done, tasks[0]])
        let events = try database.read { try $0.auditEvents(AuditQuery()) }
        #expect(events.map { "\($0.action) \($0.entity) \($0.entityId)" } == [
            "create team 1", "create team 2", "create team_member 1", "create team_member 2", "remove team_member 1",
            "create task 1", "create task 2", "create task 3", "close task 2"])
        #expect(events.last?.note == .typed("avklart"))
    }

    @Test("A task's document decodes alone, for the privacy part; a damaged one is damage in the database")
    func decodeTask() throws {
        let task = Samples.task(7, team: 1, due: "2026-04-01", ruleKey: nil)
        #expect(try PostgresReader.decodeTask(AuditJSON.encode(task)) == task)
        #expect(throws: TunetError.self) { try PostgresReader.decodeTask("{}") }
    }
}
