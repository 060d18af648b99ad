import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite
import TunetTestSupport

private func on(_ workspace: TestWorkspace, _ day: LocalDate) -> TunetContext {
    TunetContext(store: workspace.context.store, actor: .atServer("test"), today: day)
}

private func day(_ text: String) -> LocalDate { try! LocalDate.parse(text).get() }

@Suite("Rules for insurance, agreements that run out and missing school calendars")
struct ExpiryAndCalendarTaskRuleTests {
    @Test("Insurance: raised when it expires within 90 days, not 91; an expired one says so; a suspended farm is left alone")
    func insurance() throws {
        let today = day("2026-11-23")
        let workspace = try ruleWorkspace(today: today)
        let registry = ProviderDesk(workspace.context)
        _ = try registry.update("974760673", with: ProviderForm([.insuranceExpiry: "2027-02-22"]))   // 91 days
        _ = try registry.update("923609016", with: ProviderForm([.insuranceExpiry: "2026-11-22"]))   // expired yesterday
        let first = try TaskRuleDesk(workspace.context).generate()
        #expect(keys(first).filter { $0.hasPrefix("insurance") } == ["insurance:923609016:2026-11-22"])
        let expired = try #require(first.raised.first { $0.task.ruleKey == "1|insurance:923609016:2026-11-22" })
        #expect(expired.task.title.english == "Get the renewed insurance of Haugen gård: it expired 2026-11-22, so the farm can take no new placements")
        #expect(expired.task.title.bokmal == "Hent inn fornyet forsikring fra Haugen gård: den utløp 22.11.2026, så gården kan ikke ta nye plasseringer")
        #expect(expired.task.kind == .insuranceRenewal)
        #expect(expired.task.due == day("2026-11-22"))
        #expect(expired.owner?.sector == .procurement)

        _ = try registry.update("974760673", with: ProviderForm([.insuranceExpiry: "2027-02-21"]))   // 90 days
        let second = try TaskRuleDesk(workspace.context).generate()
        #expect(keys(second).filter { $0.hasPrefix("insurance") } == ["insurance:974760673:2027-02-21"])
        #expect(second.raised.first { $0.task.ruleKey == "1|insurance:974760673:2027-02-21" }?.task.title.english
            == "Get the renewed insurance of Lia gård: it expires 2027-02-21")
        #expect(try TaskRuleDesk(workspace.context).generate().raised.isEmpty)

        var thresholds = TaskRuleThresholds()
        thresholds.insuranceDays = 30
        _ = try registry.update("974760673", with: ProviderForm([.insuranceExpiry: "2026-12-24"]))   // 31 days
        #expect(keys(try TaskRuleDesk(workspace.context, thresholds: thresholds).generate()).filter { $0.hasPrefix("insurance") }.isEmpty)

        let fresh = try ruleWorkspace(today: today)
        _ = try ProviderDesk(fresh.context).update("974760673", with: ProviderForm([.insuranceExpiry: "2026-11-01"]))
        _ = try ProviderDesk(fresh.context).suspend("974760673", reason: "Forsikring mangler")
        #expect(keys(try TaskRuleDesk(fresh.context).generate()).filter { $0.hasPrefix("insurance") }.isEmpty)
    }

    @Test("Renewal: an agreement without options is raised 270 days before its end, not 271; the threshold moves the edge")
    func renewalLeadTime() throws {
        let end = day("2025-12-31")
        let workspace = try ruleWorkspace(today: end.adding(days: -300))
        var form = kongsbergForm()
        form.options = []
        _ = try AgreementDesk(workspace.context).add(form)
        #expect(keys(try TaskRuleDesk(on(workspace, end.adding(days: -271))).generate()).filter { $0.hasPrefix("renewal") }.isEmpty)
        var thresholds = TaskRuleThresholds()
        thresholds.renewalDays = 269
        #expect(keys(try TaskRuleDesk(on(workspace, end.adding(days: -270)), thresholds: thresholds).generate())
            .filter { $0.hasPrefix("renewal") }.isEmpty)
        let raised = try TaskRuleDesk(on(workspace, end.adding(days: -270))).generate()
        #expect(keys(raised).filter { $0.hasPrefix("renewal") } == ["renewal:2023/4512:2025-12-31"])
        let task = try #require(raised.raised.first { $0.task.kind == .newCompetition })
        #expect(task.task.title.english == "Plan a new competition: agreement 2023/4512 ends 2025-12-31 and it has no option left to extend it")
        #expect(task.task.title.bokmal == "Planlegg en ny konkurranse: avtale 2023/4512 utløper 31.12.2025, og den har ingen opsjon igjen å forlenge med")
        #expect(task.task.due == end)
        #expect(task.task.link == TaskLink(kind: .agreement, key: "2023/4512"))
        #expect(task.owner?.sector == .procurement)
        #expect(try TaskRuleDesk(on(workspace, end.adding(days: -270))).generate().raised.isEmpty)
    }

    @Test("Renewal: with option 1 exercised, raised from the day after option 2's deadline (2026-09-30), not on it")
    func renewalAfterMissedOption() throws {
        let workspace = try ruleWorkspace(today: day("2025-09-01"))
        _ = try AgreementDesk(workspace.context).add(kongsbergForm())
        _ = try AgreementDesk(workspace.context).extend("2023/4512")
        #expect(keys(try TaskRuleDesk(on(workspace, day("2026-09-30"))).generate()).filter { $0.hasPrefix("renewal") }.isEmpty)
        let raised = try TaskRuleDesk(on(workspace, day("2026-10-01"))).generate()
        #expect(raised.raised.filter { $0.task.kind == .newCompetition }.map(\.task.title.english)
            == ["Plan a new competition: agreement 2023/4512 ends 2026-12-31 and the decision deadline of option 2 (2026-09-30) has passed"])
    }

    /// An agreement for 2026–2027 without options, and a pupil placed with Lia gård in Kongsberg.
    func pupilWorkspace(today: LocalDate = day("2026-11-23"), start: String = "2026-12-07", end: String = "2027-01-31") throws -> TestWorkspace {
        let workspace = try ruleWorkspace(today: today)
        var form = kongsbergForm()
        form.start = "2026-01-01"
        form.end = "2027-12-31"
        form.options = []
        _ = try AgreementDesk(on(workspace, day("2026-01-01"))).add(form)
        var pupil = PlacementForm()
        pupil.kind = "pupil"
        pupil.municipality = "3303"
        pupil.weekdays = "tue"
        pupil.start = start
        pupil.end = end
        pupil.school = "Kongsberg skole"
        pupil.grade = "5"
        _ = try PlacementDesk(on(workspace, day("2026-01-01"))).add(to: "2023/4512", pupil)
        return workspace
    }

    @Test("School calendar: one task per municipality and school year with pupils but no calendar; gone once one is loaded")
    func schoolCalendar() throws {
        let workspace = try pupilWorkspace()
        let first = try TaskRuleDesk(workspace.context).generate()
        #expect(keys(first).filter { $0.hasPrefix("school_calendar") } == ["school_calendar:3303:2026/27"])
        let task = try #require(first.raised.first { $0.task.kind == .schoolCalendar })
        #expect(task.task.title.english == "Load the school calendar of 3303 Kongsberg for 2026/27: 1 pupil placement is planned through its school holidays (tunet calendar school import FILE)")
        #expect(task.task.due == day("2026-12-07"))   // the first day the pupil is placed
        #expect(task.owner?.sector == .education)
        #expect(try TaskRuleDesk(workspace.context).generate().raised.isEmpty)
        _ = try SchoolCalendarDesk(workspace.context).add(municipality: "3303", from: "2026-12-21", to: "2027-01-01", name: "Juleferie")
        #expect(try TaskRuleDesk(workspace.context).generate().conditionGone == [task.task.id])
    }

    @Test("School calendar: a placement already under way is due in a week; a school year already over raises nothing")
    func schoolCalendarDueAndPastYears() throws {
        let running = try pupilWorkspace(today: day("2026-12-08"))
        let task = try #require(try TaskRuleDesk(running.context).generate().raised.first { $0.task.kind == .schoolCalendar })
        #expect(task.task.due == day("2026-12-15"))

        // Placed 2026-06-01 to 2026-12-31: 2025/26 is over on 2026-11-23, and 2026/27 has its autumn holiday.
        let acrossYears = try pupilWorkspace(start: "2026-06-02", end: "2026-12-29")
        _ = try SchoolCalendarDesk(acrossYears.context).add(municipality: "3303", from: "2026-09-28", to: "2026-10-02", name: "Høstferie")
        #expect(keys(try TaskRuleDesk(acrossYears.context).generate()).filter { $0.hasPrefix("school_calendar") }.isEmpty)
        #expect(keys(try TaskRuleDesk(on(acrossYears, day("2026-07-31"))).generate()).filter { $0.hasPrefix("school_calendar") }
            == ["school_calendar:3303:2025/26"])
    }

    @Test("School calendar: cancelled and ended pupil placements raise nothing")
    func schoolCalendarOnlyCurrentPupils() throws {
        let workspace = try pupilWorkspace()
        _ = try PlacementDesk(workspace.context).cancel(1, reason: "Flyttet")
        #expect(keys(try TaskRuleDesk(workspace.context).generate()).filter { $0.hasPrefix("school_calendar") }.isEmpty)
        let ended = try pupilWorkspace(start: "2026-10-06", end: "2026-11-22")
        #expect(keys(try TaskRuleDesk(ended.context).generate()).filter { $0.hasPrefix("school_calendar") }.isEmpty)
    }
}
