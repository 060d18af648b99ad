import Testing
@testable import TunetDomain
import TunetText
import TunetTestSupport

@Suite("No task without an owner")
struct TaskOwnerRuleTests {
    let team = Team(id: 1, name: "Arbeidslag", municipalityNumber: "3303", owner: "Kommunedirektør")

    func member(_ id: Int64, _ name: String, _ sector: Sector, team: Int64 = 1, active: Bool = true) -> TeamMember {
        TeamMember(id: id, teamId: team, name: name, sector: sector, role: "r", email: nil, active: active)
    }

    @Test("The first active member of the task's first sector takes it")
    func firstSector() {
        let members = [member(1, "Kari", .education), member(2, "Ola", .agriculture), member(3, "Olav", .agriculture)]
        let choice = TaskOwnerRule.choose(sectors: [.agriculture], team: team, members: members)
        #expect(choice.memberId == 2)
        #expect(choice.route == .sector)
        #expect(choice.reason.english == "the first active member in agriculture")
    }

    @Test("A sector without an active member passes to the task's next sector")
    func nextSector() {
        let members = [member(1, "Eva", .procurement, active: false), member(2, "Nils", .finance)]
        let choice = TaskOwnerRule.choose(sectors: [.procurement, .finance], team: team, members: members)
        #expect(choice.memberId == 2)
        #expect(choice.route == .sector)
        #expect(choice.reason.english == "no active member in procurement; the first active member in finance")
        #expect(Texts(.nb).render(choice.reason) == "ingen aktive medlemmer i innkjøp; første aktive medlem i økonomi")
    }

    @Test("No member in the task's sectors: the coordinating unit takes it")
    func coordinatingUnit() {
        let members = [member(1, "Kari", .education), member(2, "Siri", .coordinatingUnit)]
        let choice = TaskOwnerRule.choose(sectors: [.agriculture], team: team, members: members)
        #expect(choice.memberId == 2)
        #expect(choice.ownerName == "Siri")
        #expect(choice.route == .coordinatingUnit)
        #expect(choice.reason.english == "no active member in agriculture, so the team's coordinating unit takes it")
    }

    @Test("Nobody in the sectors or the coordinating unit (a member who left, one in another team): the team's owner holds it")
    func teamOwner() {
        let members = [member(1, "Kari", .education), member(2, "Siri", .coordinatingUnit, active: false),
                       member(3, "Ola", .agriculture, team: 2), member(4, "Anne", .coordinatingUnit, team: 2)]
        let choice = TaskOwnerRule.choose(sectors: [.agriculture], team: team, members: members)
        #expect(choice.memberId == nil)
        #expect(choice.ownerName == "Kommunedirektør")
        #expect(choice.route == .teamOwner)
        #expect(choice.reason.english == "no active member in agriculture and none in the coordinating unit, so the team's owner takes it")
    }

    @Test("A task for the coordinating unit itself, with nobody there, goes to the team's owner")
    func coordinatingUnitTaskWithoutOne() {
        let choice = TaskOwnerRule.choose(sectors: [.coordinatingUnit], team: team, members: [member(1, "Kari", .education)])
        #expect(choice.route == .teamOwner)
        #expect(choice.reason.english == "no active member in coordinating unit, so the team's owner takes it")
    }
}
