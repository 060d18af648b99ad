import Foundation
import PostgresNIO
import Testing
@testable import TunetDomain
import TunetStorage
@testable import TunetStorePostgres
import TunetTestSupport

/// Personal data in PostgreSQL: what is held, whose retention has run out, and erasure; each
/// expectation is what the SQLite store returns for the same calls.
@Suite("Personal data in PostgreSQL")
struct PostgresPrivacyTests {
    /// Every text that identifies participant 1 carries this mark, so that no column may hold it after the erasure.
    static let secret = "HEMMELIG"

    /// Participant 1: a pupil's placement and a dementia placement (cancelled with a typed reason), two
    /// follow-ups, a name and a task about the pupil's placement with a typed comment. Participant 2:
    /// one placement, left alone.
    static func municipality() throws -> PlacementStores {
        let stores = try PlacementStores()
        var pupil = try PlacementStores.placement(1, sequence: 1, from: "2026-03-02", to: "2026-06-19", learningGoals: "mål-\(secret)")
        pupil.pupil?.contactTeacherRole = "rolle-\(secret)"
        var dementia = try PlacementStores.placement(2, sequence: 1, farm: PlacementStores.haugen, municipality: "1804", from: "2026-02-02",
                                                     to: "2026-12-18", decisionReference: "vedtak-\(secret)")
        dementia.dementia?.relativeRole = "slekt-\(secret)"
        let other = try PlacementStores.placement(3, sequence: 2, from: "2026-08-17", to: "2027-06-18", learningGoals: "lese mer")
        var cancelled = dementia
        cancelled.cancel(reason: .typed("avlyst-\(secret)"))
        let followUps = [
            FollowUp(id: 0, placementId: 1, date: try placementDay("2026-04-01"), roles: ["deltaker"], wishesAndNeeds: "ønske-\(secret)", nextDate: nil),
            FollowUp(id: 0, placementId: 1, date: try placementDay("2026-05-01"), roles: ["deltaker"], wishesAndNeeds: PersonalDataPolicy.erased,
                     nextDate: nil),
            FollowUp(id: 0, placementId: 3, date: try placementDay("2026-09-01"), roles: ["deltaker"], wishesAndNeeds: "vil kjøre traktor", nextDate: nil),
        ]
        let team = Team(id: 1, name: "Kongsberg", municipalityNumber: "3303", owner: "rådmann")
        let task = WorkTask(id: 1, teamId: 1, title: .typed("oppgave-\(secret)"), kind: .other, sectors: [.education], ownerId: nil, due: nil,
                            link: TaskLink(kind: .placement, key: "1"), ruleKey: nil, createdOn: try placementDay("2026-03-02"))
        var commented = task
        commented.history.append(TaskEvent(at: AuditClock.timestamp(PlacementStores.moment), actor: "test", action: "comment",
                                           text: .typed("kommentar-\(secret)")))
        let unrelated = WorkTask(id: 2, teamId: 1, title: .typed("ring gården"), kind: .other, sectors: [.education], ownerId: nil, due: nil,
                                 link: TaskLink(kind: .placement, key: "3"), ruleKey: nil, createdOn: try placementDay("2026-03-02"))
        try stores.write { tx in
            for placement in [pupil, dementia, other] { _ = try tx.insertPlacement { _ in placement } }
            try tx.update(cancelled, action: "cancel", note: .typed("notat-\(secret)"))
            _ = try followUps.map(tx.insert)
            try tx.setParticipantName(pupil.participant, name: "Navn \(secret)")
            // Tasks as rows with the events the SQLite store records, until the PostgreSQL store keeps them itself.
            try tx.rows("INSERT INTO team (name, owner) VALUES (\(team.name), \(team.owner))")
            try tx.rows("INSERT INTO team_municipality (team_id, municipality_number, position) VALUES (1, '3303', 0)")
            try tx.audit("create", entity: "team", id: "1", before: Team?.none, after: team)
            for made in [task, unrelated] {
                try tx.rows("INSERT INTO work_task (team_id, status, document) VALUES (1, 'open', \(try PostgresDocument.encode(made))::jsonb)")
                try tx.audit("create", entity: "task", id: String(made.id), before: WorkTask?.none, after: made)
            }
            try tx.rows("UPDATE work_task SET document = \(try PostgresDocument.encode(commented))::jsonb WHERE id = 1")
            try tx.audit("comment", entity: "task", id: "1", before: task, after: commented, note: .typed("kommentar-\(secret)"))
        }
        return stores
    }

    @Test("The inventory counts what is held and how old it is; retention finds those whose every placement ended before the cutoff")
    func inventory() throws {
        let stores = try Self.municipality()
        let ended = try ["2026-01-01", "2026-12-18", "2026-12-19", "2028-01-01"].map { cutoff in
            try stores.read { try $0.participantsEnded(before: try placementDay(cutoff)).map(\.text) }
        }
        #expect(ended == [[], [], ["P-2026-0001"], ["P-2026-0001", "P-2026-0002"]])
        let inventory = try stores.read { try $0.personalDataInventory() }
        #expect(inventory.map { "\($0.category.rawValue) \($0.count) \($0.oldest ?? "-") \($0.newest ?? "-")" } == [
            "participant codes 2 2026-02-02 2026-08-17", "participant names 1 - -", "follow-up texts 2 2026-04-01 2026-09-01",
            "pupil learning goals 2 2026-03-02 2026-08-17", "dementia decision references 1 2026-02-02 2026-02-02", "journey texts 0 - -",
        ])
    }

    @Test("Erasure leaves no erased text in any column of any table, audit snapshots included, and keeps the other participant's")
    func erasure() throws {
        let stores = try Self.municipality()
        let participant = ParticipantCode.generated(year: 2026, sequence: 1)
        let before = try stores.auditEvents()
        let result = try stores.write { try $0.erase(participant) }
        #expect(try AuditJSON.encode(result) == """
            {"audit_snapshots_scrubbed":6,"files_cleared":false,"follow_ups_erased":1,"journeys_erased":0,"names_erased":1,"participant":"P-2026-0001","placements":2,\
            "tasks_erased":1}
            """)

        let held = try stores.read { reader throws in
            let columns = try reader.rows("""
                SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position
                """).map { row in (try row.cells(0, as: String.self), try row.cells(1, as: String.self)) }
            #expect(columns.count > 100)
            return try columns.filter { table, column in
                try reader.value("""
                    SELECT EXISTS (SELECT 1 FROM \(unescaped: table) WHERE \(unescaped: column)::text LIKE \("%\(Self.secret)%"))
                    """, as: Bool.self) == true
            }.map { "\($0).\($1)" }
        }
        #expect(held == [])

        try stores.read { reader throws in
            let placements = try reader.placements()
            #expect(placements.map(\.pupil?.learningGoals) == [PersonalDataPolicy.erased, nil, "lese mer"])
            #expect(placements[0].pupil?.contactTeacherRole == PersonalDataPolicy.erased && placements[0].pupil?.school == "Kongsberg skole")
            #expect(placements[1].dementia?.decisionReference == PersonalDataPolicy.erased && placements[1].dementia?.relativeRole == PersonalDataPolicy.erased)
            #expect(placements[1].cancelledReason == .typed(PersonalDataPolicy.erased) && placements[1].isCancelled)
            #expect(placements.map(\.participant.text) == ["P-2026-0001", "P-2026-0001", "P-2026-0002"], "the code stays for the accounts")
            #expect(try reader.followUps(placement: 1).map(\.wishesAndNeeds) == [PersonalDataPolicy.erased, PersonalDataPolicy.erased])
            #expect(try reader.followUps(placement: 3).map(\.wishesAndNeeds) == ["vil kjøre traktor"])
            #expect(try reader.personalDataInventory().map(\.count) == [2, 0, 1, 1, 0, 0])
            let erasedTask = try reader.value("SELECT document::text FROM work_task WHERE id = 1", as: String.self)
            #expect(erasedTask?.contains(PersonalDataPolicy.erased) == true)
            #expect(try reader.value("SELECT document #>> '{title}' FROM work_task WHERE id = 2", as: String.self) == "ring gården")
        }
        // The events keep their number, moment and action; only their typed text went.
        let after = try stores.auditEvents()
        #expect(after.dropLast().map { "\($0.id) \($0.at) \($0.action) \($0.entity) \($0.entityId)" }
            == before.map { "\($0.id) \($0.at) \($0.action) \($0.entity) \($0.entityId)" })
        #expect(zip(before, after).filter { $0 != $1 }.count == result.auditSnapshotsScrubbed)
        let resultJSON = try AuditJSON.encode(result)
        #expect(after.last?.action == "erase" && after.last?.after == resultJSON)

        let unknown = #expect(throws: TunetError.self) { try stores.write { try $0.erase(.generated(year: 2026, sequence: 99)) } }
        #expect(unknown == .notFound(kind: "participant", key: "P-2026-0099"))
    }
}
