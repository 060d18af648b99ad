import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

/// A team of one member per sector, Lia gård with a pupil placement under Kongsberg's agreement.
func ruleWorkspace(today: LocalDate, auditDue: String = "2027-05-02", policeCertificate: String? = "2025-06-01") throws -> TestWorkspace {
    let workspace = try TestWorkspace(today: today)
    var lia = liaGard
    lia[.nextExternalAuditDate] = auditDue
    lia[.iptApprovalDate] = "2025-05-02"
    lia[.policeCertificateDate] = policeCertificate
    _ = try ProviderDesk(workspace.context).add(lia)
    var haugen = liaGard
    haugen[.organisationNumber] = "923609016"
    haugen[.name] = "Haugen gård"
    _ = try ProviderDesk(workspace.context).add(haugen)
    let team = WorkTeamDesk(workspace.context)
    _ = try team.addTeam(name: "Arbeidslag", municipalities: ["3303"], owner: "Kommunedirektør")
    for sector in Sector.allCases { _ = try team.addMember(team: nil, name: "Member \(sector.rawValue)", sector: sector.rawValue, role: "r", email: nil) }
    return workspace
}

/// The rules' keys of the tasks raised, without the team each begins with (one team here).
func keys(_ report: TaskGenerationView) -> [String] {
    report.raised.compactMap { $0.task.ruleKey?.split(separator: "|", maxSplits: 1).last.map(String.init) }.sorted()
}

@Suite("Rules that raise the work team's tasks")
struct TaskRuleTests {
    @Test("Approval: raised 90 days before the external audit, not 91; idempotent; says when the condition is gone")
    func approval() throws {
        let due = LocalDate(year: 2027, month: 5, day: 2)!
        let before = try ruleWorkspace(today: due.adding(days: -91))
        #expect(keys(try TaskRuleDesk(before.context).generate()).filter { $0.hasPrefix("approval") }.isEmpty)
        let at = try ruleWorkspace(today: due.adding(days: -90))
        let first = try TaskRuleDesk(at.context).generate()
        #expect(keys(first).filter { $0.hasPrefix("approval") } == ["approval:974760673:2027-05-02", "approval:923609016:2027-05-02"].sorted())
        #expect(first.raised.first?.owner?.sector == .agriculture)
        let second = try TaskRuleDesk(at.context).generate()
        #expect(second.raised.isEmpty)
        _ = try ProviderDesk(at.context).update("974760673", with: ProviderForm([.nextExternalAuditDate: "2029-05-02"]))
        let third = try TaskRuleDesk(at.context).generate()
        #expect(third.raised.isEmpty)
        #expect(third.conditionGone.count == 1)
        #expect(try TaskRuleDesk(at.context).generate().conditionGone.isEmpty)   // said once
    }

    @Test("A configurable threshold moves the edge")
    func configurable() throws {
        let workspace = try ruleWorkspace(today: LocalDate(year: 2027, month: 5, day: 2)!.adding(days: -60))
        var thresholds = TaskRuleThresholds()
        thresholds.approvalDays = 59
        #expect(keys(try TaskRuleDesk(workspace.context, thresholds: thresholds).generate()).filter { $0.hasPrefix("approval") }.isEmpty)
        thresholds.approvalDays = 60
        #expect(keys(try TaskRuleDesk(workspace.context, thresholds: thresholds).generate()).filter { $0.hasPrefix("approval") }.count == 2)
    }

    @Test("Extension option: raised 180 days before its deadline, not 181")
    func option() throws {
        let deadline = LocalDate(year: 2025, month: 9, day: 30)!
        for (offset, expected) in [(-181, 0), (-180, 1)] {
            let workspace = try ruleWorkspace(today: deadline.adding(days: offset))
            _ = try AgreementDesk(workspace.context).add(kongsbergForm())
            #expect(keys(try TaskRuleDesk(workspace.context).generate()).filter { $0.hasPrefix("option") }.count == expected)
        }
    }

    @Test("Ceiling: raised at 80 % (not 79.9 %) and at 100 % as its own task")
    func ceiling() throws {
        let workspace = try ruleWorkspace(today: LocalDate(year: 2026, month: 1, day: 5)!)
        var form = kongsbergForm()
        form.maximumValue = "10000"
        form.estimatedValue = "10000"
        form.options = []
        form.end = "2027-12-31"
        form.start = "2026-01-01"
        form.prices = ["974760673:full_day:day:999", "923609016:full_day:day:1000"]
        _ = try AgreementDesk(workspace.context).add(form)
        var placement = PlacementForm()
        placement.kind = "dementia"
        placement.municipality = "3303"
        placement.weekdays = "mon"
        placement.start = "2026-01-05"
        placement.end = "2026-02-23"   // 8 Mondays × 999 = 7 992 → 79.9 %
        placement.decisionReference = "HO-1"
        _ = try PlacementDesk(workspace.context).add(to: "2023/4512", placement)
        #expect(keys(try TaskRuleDesk(workspace.context).generate()).filter { $0.hasPrefix("ceiling") }.isEmpty)
        placement.start = "2026-03-02"
        placement.end = "2026-03-02"   // + 999 → 89.9 %
        _ = try PlacementDesk(workspace.context).add(to: "2023/4512", placement)
        #expect(keys(try TaskRuleDesk(workspace.context).generate()).filter { $0.hasPrefix("ceiling") } == ["ceiling80:2023/4512"])
        placement.start = "2026-03-09"
        placement.end = "2026-03-09"   // + 999 → 99.9 %, still 80
        _ = try PlacementDesk(workspace.context).add(to: "2023/4512", placement)
        #expect(keys(try TaskRuleDesk(workspace.context).generate()).filter { $0.hasPrefix("ceiling") }.isEmpty)
        placement.start = "2026-03-16"
        placement.end = "2026-03-16"
        placement.overrideCeilingReason = "Test"
        _ = try PlacementDesk(workspace.context).add(to: "2023/4512", placement)
        #expect(keys(try TaskRuleDesk(workspace.context).generate()).filter { $0.hasPrefix("ceiling") } == ["ceiling100:2023/4512"])
    }

    @Test("Police certificate: a farm with pupils and no certificate, or one expiring within 90 days; not a farm without pupils")
    func policeCertificate() throws {
        let workspace = try ruleWorkspace(today: LocalDate(year: 2026, month: 1, day: 5)!, policeCertificate: "2023-04-06")
        _ = try AgreementDesk(workspace.context).add({ var form = kongsbergForm(); form.start = "2026-01-01"; form.end = "2027-12-31"
            form.options = []; return form }())
        #expect(keys(try TaskRuleDesk(workspace.context).generate()).filter { $0.hasPrefix("police") }.isEmpty)   // no pupils yet
        var pupil = PlacementForm()
        pupil.kind = "pupil"
        pupil.municipality = "3303"
        pupil.weekdays = "tue"
        pupil.start = "2026-01-06"
        pupil.end = "2026-03-31"
        pupil.school = "Kongsberg skole"
        pupil.grade = "5"
        _ = try PlacementDesk(workspace.context).add(to: "2023/4512", pupil)
        // Valid through 2026-04-05 (three years from 6 April 2023): 91 days away on 4 January, so not yet; 90 on the 5th.
        let earlier = TunetContext(store: workspace.context.store, actor: .atServer("test"), today: LocalDate(year: 2026, month: 1, day: 4)!)
        #expect(keys(try TaskRuleDesk(earlier).generate()).filter { $0.hasPrefix("police") }.isEmpty)
        let later = workspace.context
        #expect(keys(try TaskRuleDesk(later).generate()).filter { $0.hasPrefix("police") } == ["police:974760673:2023-04-06"])
    }

    @Test("Attendance: last month's missing report raises a task from the 5th, not on the 4th")
    func attendance() throws {
        let workspace = try ruleWorkspace(today: LocalDate(year: 2026, month: 1, day: 5)!)
        _ = try AgreementDesk(workspace.context).add({ var form = kongsbergForm(); form.start = "2025-01-01"; form.end = "2026-12-31"
            form.options = []; return form }())
        var placement = PlacementForm()
        placement.kind = "dementia"
        placement.municipality = "3303"
        placement.weekdays = "mon"
        placement.start = "2025-12-01"
        placement.end = "2026-02-28"
        placement.decisionReference = "HO-1"
        _ = try PlacementDesk(TunetContext(store: workspace.context.store, actor: .atServer("t"), today: LocalDate(year: 2025, month: 11, day: 1)!))
            .add(to: "2023/4512", placement)
        let fourth = TunetContext(store: workspace.context.store, actor: .atServer("t"), today: LocalDate(year: 2026, month: 1, day: 4)!)
        #expect(keys(try TaskRuleDesk(fourth).generate()).filter { $0.hasPrefix("attendance") }.isEmpty)
        #expect(keys(try TaskRuleDesk(workspace.context).generate()).filter { $0.hasPrefix("attendance") } == ["attendance:974760673:2025-12:3303"])
    }

    @Test("Follow-up due within 14 days, and a standstill period ending within 3 days")
    func followUpAndStandstill() throws {
        let workspace = try ruleWorkspace(today: LocalDate(year: 2026, month: 3, day: 1)!)
        _ = try AgreementDesk(workspace.context).add({ var form = kongsbergForm(); form.start = "2026-01-01"; form.end = "2027-12-31"
            form.options = []; return form }())
        var placement = PlacementForm()
        placement.kind = "dementia"
        placement.municipality = "3303"
        placement.weekdays = "mon"
        placement.start = "2026-01-05"
        placement.end = "2026-12-31"
        placement.decisionReference = "HO-1"
        _ = try PlacementDesk(workspace.context).add(to: "2023/4512", placement)
        _ = try PlacementDesk(workspace.context).addFollowUp(1, date: "2026-02-01", roles: ["participant"], wishesAndNeeds: "Mer ute", next: "2026-03-16")
        #expect(keys(try TaskRuleDesk(workspace.context).generate()).filter { $0.hasPrefix("followup") }.isEmpty)   // 15 days away
        let day = TunetContext(store: workspace.context.store, actor: .atServer("t"), today: LocalDate(year: 2026, month: 3, day: 2)!)
        #expect(keys(try TaskRuleDesk(day).generate()).filter { $0.hasPrefix("followup") } == ["followup:1:2026-03-16"])
    }

    @Test("Standstill: raised 3 days before its end, not 4; pilot evaluation: 30 days before the anniversary, not 31")
    func standstillAndPilot() throws {
        let workspace = try ruleWorkspace(today: LocalDate(year: 2026, month: 1, day: 10)!)
        let desk = ProcurementDesk(workspace.context)
        _ = try desk.create(title: "IPT", targetGroups: "pupils", municipalities: ["3303"], estimatedValue: "500000")
        _ = try desk.setCriteria(1, criteria: ["Pris:100:price"], priceLines: ["full_day:day:10"], deadline: "2026-01-20")
        _ = try desk.open(1)
        _ = try desk.tender(1, provider: "974760673", prices: ["full_day=1000"])
        let later = { (day: Int) in TunetContext(store: workspace.context.store, actor: .atServer("t"), today: LocalDate(year: 2026, month: 1, day: day)!) }
        _ = try ProcurementDesk(later(21)).evaluate(1)
        _ = try ProcurementDesk(later(21)).award(1, winners: [], count: 1, noticeDate: nil, electronically: true,
                                                          standstillDays: 10)   // voluntary below the thresholds; ends 31 January
        #expect(keys(try TaskRuleDesk(later(27)).generate()).filter { $0.hasPrefix("standstill") }.isEmpty)
        #expect(keys(try TaskRuleDesk(later(28)).generate()).filter { $0.hasPrefix("standstill") } == ["standstill:1"])

        _ = try PilotDesk(workspace.context).add(name: "Pilot", county: "Buskerud", targetGroup: "dementia", municipalities: ["3303"],
                                                  from: "2025-03-01", to: "2027-12-31", projectLeader: "P", researchPartner: nil)
        #expect(keys(try TaskRuleDesk(later(29)).generate()).filter { $0.hasPrefix("pilot") }.isEmpty)   // 31 days before 1 March
        let day = TunetContext(store: workspace.context.store, actor: .atServer("t"), today: LocalDate(year: 2026, month: 1, day: 30)!)
        #expect(keys(try TaskRuleDesk(day).generate()).filter { $0.hasPrefix("pilot") } == ["pilot:1:2026-03-01"])
    }

    @Test("Hand-overs keep the whole history; a member with open tasks cannot leave")
    func handOver() throws {
        let workspace = try ruleWorkspace(today: LocalDate(year: 2027, month: 3, day: 1)!)
        let task = try TaskRuleDesk(workspace.context).generate().raised[0]
        let desk = TaskDesk(workspace.context)
        let moved = try desk.assign(task.task.id, to: "Member nav", comment: "NAV tar over")
        #expect(moved.owner?.sector == .nav)
        #expect(moved.task.sectors == [.agriculture, .nav])
        #expect(moved.task.history.map(\.action) == ["created", "assigned"])
        #expect(moved.task.history.last?.fromMember == task.owner?.id)
        #expect(throws: TunetError.self) { try WorkTeamDesk(workspace.context).removeMember(moved.owner!.id) }
        _ = try desk.done(task.task.id, comment: "Revisjon bestilt")
        _ = try WorkTeamDesk(workspace.context).removeMember(moved.owner!.id)
        #expect(throws: TunetError.self) { try desk.done(task.task.id) }
    }
}
