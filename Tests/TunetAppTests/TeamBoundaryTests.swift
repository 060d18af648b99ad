import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetStorage

/// Kongsberg's team (3303) and the Oslo and Asker cooperation's team (0301, 3203); Lia gård serves both
/// (Kongsberg's agreement and the cooperation's), Haugen gård serves Kongsberg and Bodø (1804), which
/// has no team. Both farms' external audits fall due on 3 May 2025, within the 90 days of 1 March.
private func twoTeams() throws -> TestWorkspace {
    let workspace = try ruleWorkspace(today: LocalDate(year: 2025, month: 3, day: 1)!, auditDue: "2025-05-03")
    let teams = WorkTeamDesk(workspace.context)
    let cooperation = try teams.addTeam(name: "Arbeidslag Oslo og Asker", municipalities: ["0301", "3203"], owner: "Styringsgruppen")
    _ = try teams.addMember(team: String(cooperation.team.id), name: "Ingrid Sand", sector: "agriculture", role: "r", email: nil)
    _ = try ProviderDesk(workspace.context).update("923609016", with: ProviderForm([.nextExternalAuditDate: "2025-05-03"]))
    _ = try AgreementDesk(workspace.context).add(kongsbergForm())
    for (reference, municipalities, party, price) in [("2025/OA", ["0301", "3203"], "974760673", "1300"), ("2025/BO", ["1804"], "923609016", "1200")] {
        var form = kongsbergForm()
        form.reference = reference
        form.municipalities = municipalities
        form.parties = ["\(party):1"]
        form.prices = ["\(party):full_day:day:\(price)"]
        form.start = "2025-01-01"
        form.end = "2026-12-31"
        form.options = []
        _ = try AgreementDesk(workspace.context).add(form)
    }
    return workspace
}

private func approvals(_ views: [TaskView]) -> [String] {
    views.filter { $0.task.kind == .approvalRenewal }.compactMap(\.task.link?.key).sorted()
}

@Suite("Work teams belong to municipalities")
struct TeamBoundaryTests {
    @Test("A farm serving two municipalities gets its task in each one's team; a farm of one, in that team only")
    func tasksGoToTheTeamsConcerned() throws {
        let workspace = try twoTeams()
        let report = try TaskRuleDesk(workspace.context).generate()
        let byTeam = Dictionary(grouping: report.raised.filter { $0.task.kind == .approvalRenewal }, by: \.task.teamId).mapValues(approvals)
        #expect(byTeam[1] == ["923609016", "974760673"])
        #expect(byTeam[2] == ["974760673"], "the cooperation's team sees Lia gård, which serves it, and not Haugen gård")
        #expect(report.withoutTeam == ["1804"], "Bodø has no team: said, not raised anywhere")
        #expect(try TaskRuleDesk(workspace.context).generate().raised.isEmpty, "running again raises nothing new")
    }

    @Test("A task list is one team's: the one asked for, or the acting member's; with several teams and neither, it asks which")
    func listIsOneTeams() throws {
        let workspace = try twoTeams()
        _ = try TaskRuleDesk(workspace.context).generate()
        var filter = TaskFilter()
        filter.team = "2"
        #expect(approvals(try TaskDesk(workspace.context).list(filter)) == ["974760673"])
        #expect(approvals(try TaskDesk(workspace.context.acting(as: .atServer("Ingrid Sand"), today: workspace.context.today)).list()) == ["974760673"])
        #expect(approvals(try TaskDesk(workspace.context.acting(as: .atServer("Member agriculture"), today: workspace.context.today)).list()) == ["923609016", "974760673"])
        do {
            _ = try TaskDesk(workspace.context.acting(as: .atServer("someone else"), today: workspace.context.today)).list()
            Issue.record("a list of every team's tasks was given without being asked for")
        } catch let error as TunetError {
            #expect(error.english.contains("there are 2 work teams"))
        }
        filter = TaskFilter()
        filter.everyTeam = true
        #expect(approvals(try TaskDesk(workspace.context.acting(as: .atServer("someone else"), today: workspace.context.today)).list(filter)) == ["923609016", "974760673", "974760673"])
    }

    @Test("Raising one team's tasks leaves the other team's alone")
    func oneTeamAtATime() throws {
        let workspace = try twoTeams()
        let second = try TaskRuleDesk(workspace.context).generate(team: "2")
        #expect(Set(second.raised.map(\.task.teamId)) == [2])
        let all = try TaskRuleDesk(workspace.context).generate()
        #expect(Set(all.raised.map(\.task.teamId)) == [1])
        #expect(all.conditionGone.isEmpty)
    }

    @Test("A municipality has one team: a second team for Kongsberg is refused, naming the first, and nothing changes")
    func oneTeamPerMunicipality() throws {
        let workspace = try twoTeams()
        let before = try workspace.snapshot()
        do {
            _ = try WorkTeamDesk(workspace.context).addTeam(name: "Et annet lag", municipalities: ["3222", "3303"], owner: "x")
            Issue.record("a second team for Kongsberg was made")
        } catch let error as TunetError {
            #expect(error.english.contains("Kongsberg") && error.english.contains("Arbeidslag"))
        }
        #expect(try workspace.snapshot() == before)
        #expect(try WorkTeamDesk(workspace.context).teams().map(\.team.municipalities) == [["3303"], ["0301", "3203"]])
    }
}
