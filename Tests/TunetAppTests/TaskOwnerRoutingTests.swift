import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite
import TunetTestSupport

/// A team with the given members (name, sector), and Lia gård with its insurance expiring: a task for procurement.
private func team(_ members: [(String, String)]) throws -> TestWorkspace {
    let workspace = try TestWorkspace(today: LocalDate(year: 2026, month: 11, day: 23)!)
    var lia = liaGard
    lia[.insuranceExpiry] = "2026-12-31"
    _ = try ProviderDesk(workspace.context).add(lia)
    let desk = WorkTeamDesk(workspace.context)
    _ = try desk.addTeam(name: "Arbeidslag", municipalities: ["3303"], owner: "Kommunedirektør")
    for (name, sector) in members { _ = try desk.addMember(team: nil, name: name, sector: sector, role: "r", email: nil) }
    return workspace
}

@Suite("Who owns a task nobody named")
struct TaskOwnerRoutingTests {
    @Test("A raised task for a sector without members goes to the coordinating unit, and its history says why")
    func raisedToCoordinatingUnit() throws {
        let workspace = try team([("Kari Lia", "education"), ("Siri Moen", "coordinating_unit")])
        let raised = try TaskRuleDesk(workspace.context).generate().raised
        let task = try #require(raised.first { $0.task.kind == .insuranceRenewal })
        #expect(task.owner?.name == "Siri Moen")
        #expect(task.ownerName == "Siri Moen")
        #expect(task.routing?.route == .coordinatingUnit)
        #expect(task.task.history.first?.text?.english
            == "raised by the insurance renewal rule; owner Siri Moen: no active member in procurement, so the team's coordinating unit takes it")
    }

    @Test("Without a coordinating unit the team's owner holds it; listing and showing name the owner")
    func raisedToTeamOwner() throws {
        let workspace = try team([("Kari Lia", "education")])
        let task = try #require(try TaskRuleDesk(workspace.context).generate().raised.first { $0.task.kind == .insuranceRenewal })
        #expect(task.owner == nil)
        #expect(task.task.ownerId == nil)
        #expect(task.ownerName == "Kommunedirektør")
        #expect(task.routing?.route == .teamOwner)
        #expect(try TaskDesk(workspace.context).list().map(\.ownerName) == ["Kommunedirektør"])
        let shown = try TaskDesk(workspace.context).show(task.task.id)
        #expect(shown.ownerName == "Kommunedirektør")
        #expect(shown.routing == nil)
    }

    @Test("A member of the task's own sector takes it as before")
    func sectorMember() throws {
        let workspace = try team([("Eva Dahl", "procurement"), ("Siri Moen", "coordinating_unit")])
        let task = try #require(try TaskRuleDesk(workspace.context).generate().raised.first { $0.task.kind == .insuranceRenewal })
        #expect(task.owner?.name == "Eva Dahl")
        #expect(task.routing?.route == .sector)
    }

    @Test("task add without an owner follows the same rule; with an owner it takes the one named")
    func addWithoutOwner() throws {
        let workspace = try team([("Kari Lia", "education"), ("Siri Moen", "coordinating_unit")])
        let desk = TaskDesk(workspace.context)
        let routed = try desk.add(team: nil, title: "Ring gården", kind: nil, sectors: ["agriculture"], owner: nil, due: nil, link: nil)
        #expect(routed.owner?.name == "Siri Moen")
        #expect(routed.routing?.route == .coordinatingUnit)
        #expect(routed.task.history.first?.text?.english == "owner Siri Moen: no active member in agriculture, so the team's coordinating unit takes it")
        #expect(routed.task.history.first?.text?.bokmal == "ansvarlig Siri Moen: ingen aktive medlemmer i landbruk, så arbeidslagets koordinerende enhet tar den")
        let own = try desk.add(team: nil, title: "Skriv referat", kind: nil, sectors: ["education"], owner: nil, due: nil, link: nil)
        #expect(own.owner?.name == "Kari Lia")
        #expect(own.routing?.route == .sector)
        let named = try desk.add(team: nil, title: "Ring gården", kind: nil, sectors: ["agriculture"], owner: "Kari Lia", due: nil, link: nil)
        #expect(named.owner?.name == "Kari Lia")
        #expect(named.routing?.route == .named)
        #expect(named.task.history.first?.text == nil)
    }
}
