import Testing
@testable import TunetDomain
import TunetTestSupport

private func farm(insuredTo expiry: LocalDate?) throws -> Provider {
    var provider = try ProviderForm([
        .organisationNumber: "974760673", .name: "Lia gård", .municipalityNumber: "3303",
        .targetGroups: "pupils", .placesPerDay: "4", .openWeekdays: "mon-fri",
    ]).provider()
    provider.insuranceExpiry = expiry
    return provider
}

@Suite("The insurance state is derived from the insurance expiry")
struct InsuranceStateTests {
    let today = LocalDate(year: 2026, month: 11, day: 23)!

    @Test("An expiry more than 90 days ahead is valid; 90 days or less is expiring")
    func warningWindowEdges() throws {
        let rule = InsuranceRule.standard
        #expect(rule.state(of: try farm(insuredTo: LocalDate(year: 2027, month: 2, day: 22)), on: today) == .valid)      // 91 days
        #expect(rule.state(of: try farm(insuredTo: LocalDate(year: 2027, month: 2, day: 21)), on: today) == .expiring)   // 90 days
    }

    @Test("The expiry is the last day covered: expiring today, expired from the day after")
    func expiredEdge() throws {
        #expect(InsuranceRule.standard.state(of: try farm(insuredTo: today), on: today) == .expiring)
        #expect(InsuranceRule.standard.state(of: try farm(insuredTo: today.adding(days: -1)), on: today) == .expired)
    }

    @Test("Without a recorded expiry the state is unknown, which does not stop placements; expired does")
    func unknown() throws {
        #expect(InsuranceRule.standard.state(of: try farm(insuredTo: nil), on: today) == .unknown)
        #expect(InsuranceState.unknown.permitsPlacements)
        #expect(InsuranceState.expiring.permitsPlacements)
        #expect(!InsuranceState.expired.permitsPlacements)
    }

    @Test("A shorter warning window moves the edge")
    func configurable() throws {
        let rule = InsuranceRule(warningDays: 30)
        #expect(rule.state(of: try farm(insuredTo: today.adding(days: 31)), on: today) == .valid)
        #expect(rule.state(of: try farm(insuredTo: today.adding(days: 30)), on: today) == .expiring)
    }
}

@Suite("An expired insurance refuses a new placement")
struct InsurancePlacementTests {
    @Test("Insurance that ran out the day before the start skips the farm in the cascade, naming the insurance and its expiry")
    func expiredDayBeforeStart() throws {
        var fixture = PlannerFixture()
        fixture.providers[PlannerFixture.lia]!.insuranceExpiry = LocalDate(year: 2026, month: 3, day: 1)
        let plan = try PlacementPlanner.plan(PlannerFixture.request(start: "2026-03-02"), in: fixture.situation)
        #expect(plan.provider == PlannerFixture.haugen)
        #expect(plan.choice.skipped.map(\.provider) == [PlannerFixture.lia])
        #expect(plan.choice.skipped[0].reasons.map(\.english) == ["its insurance has expired (insurance expiry 2026-03-01, before the start 2026-03-02)"])
    }

    @Test("Insurance that covers the start day itself takes the placement")
    func expiresOnStart() throws {
        var fixture = PlannerFixture()
        fixture.providers[PlannerFixture.lia]!.insuranceExpiry = LocalDate(year: 2026, month: 3, day: 2)
        let plan = try PlacementPlanner.plan(PlannerFixture.request(start: "2026-03-02"), in: fixture.situation)
        #expect(plan.provider == PlannerFixture.lia)
        #expect(plan.choice.skipped.isEmpty)
    }

    @Test("A named farm with expired insurance is refused with the reason")
    func namedFarm() throws {
        var fixture = PlannerFixture()
        fixture.agreement.callOffMethod = .direct
        fixture.providers[PlannerFixture.lia]!.insuranceExpiry = LocalDate(year: 2026, month: 1, day: 31)
        var form = PlacementForm()
        form.kind = "dementia"
        form.municipality = "3303"
        form.weekdays = "tue"
        form.start = "2026-03-03"
        form.end = "2026-03-31"
        form.decisionReference = "HO-1"
        form.provider = PlannerFixture.lia.digits
        let request = try form.request()
        do {
            _ = try PlacementPlanner.plan(request, in: fixture.situation)
            Issue.record("a farm with expired insurance took the placement")
        } catch {
            #expect(error.english.contains("its insurance has expired (insurance expiry 2026-01-31, before the start 2026-03-03)"))
        }
    }
}
