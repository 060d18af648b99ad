import Testing
@testable import TunetDomain
import TunetText
import TunetTestSupport

/// Three ranked farms under one agreement, all open Monday to Friday with two places.
struct PlannerFixture {
    static let lia = try! OrganisationNumber.parse("974760673").get()
    static let haugen = try! OrganisationNumber.parse("923609016").get()
    static let holmen = try! OrganisationNumber.parse("971526157").get()

    var agreement: Agreement
    var providers: [OrganisationNumber: Provider]
    var existing: [Placement] = []
    var holidays: [SchoolHoliday] = []
    var consumption: Consumption

    init(maximum: Int64 = 1_000_000) {
        var form = AgreementForm()
        form.reference = "2026/1"
        form.title = "IPT"
        form.municipalities = ["3303"]
        form.parties = ["\(Self.lia):1", "\(Self.haugen):2", "\(Self.holmen):3"]
        form.targetGroups = "pupils,dementia"
        form.start = "2026-01-01"
        form.end = "2027-12-31"
        form.estimatedValue = String(maximum)
        form.maximumValue = String(maximum)
        form.callOffMethod = "ranking"
        form.prices = [Self.lia, Self.haugen, Self.holmen].flatMap { ["\($0):full_day:day:1000", "\($0):transport:trip:200"] }
        agreement = try! form.agreement().0
        providers = [:]
        for number in [Self.lia, Self.haugen, Self.holmen] {
            providers[number] = try! ProviderForm([
                .organisationNumber: number.digits, .name: "Farm \(number)", .municipalityNumber: "3303",
                .targetGroups: "pupils,dementia", .placesPerDay: "2", .openWeekdays: "mon-fri",
                .iptApprovalDate: "2025-06-01", .nextExternalAuditDate: "2027-06-01", .policeCertificateDate: "2025-06-01",
            ]).provider()
        }
        consumption = Consumption(maximum: .kroner(maximum), committed: .zero, spent: .zero)
    }

    var situation: PlacementSituation {
        PlacementSituation(agreement: agreement, providers: providers, existing: existing, schoolHolidays: holidays,
                           consumption: consumption, plannedParticipantDays: 0)
    }

    static func request(_ kind: PlacementKind = .dementia, weekdays: String = "tue,thu", start: String = "2026-03-02", end: String = "2026-03-31",
                        transport: Bool = false, override: String? = nil) -> PlacementRequest {
        var form = PlacementForm()
        form.kind = kind.rawValue
        form.municipality = "3303"
        form.weekdays = weekdays
        form.start = start
        form.end = end
        if kind == .pupil {
            form.school = "Kongsberg skole"
            form.grade = "5"
        } else {
            form.decisionReference = "HO-2026/1"
            form.transport = transport
        }
        form.overrideCeilingReason = override
        return try! form.request()
    }

    /// A placement already taking a place with `provider` on `weekdays` in the period.
    mutating func occupy(_ provider: OrganisationNumber, weekdays: String, start: String, end: String, id: Int64) {
        let request = Self.request(weekdays: weekdays, start: start, end: end)
        let plan = PlacementPlan(provider: provider, choice: ProviderChoice(method: .direct, provider: provider, rule: Message("rules.choice.direct"), inputs: nil, skipped: []),
                                 plannedDays: [], projectedCost: .zero, ceilingOverrideReason: nil, headroomAfter: .zero)
        existing.append(Placement(id: id, participant: .generated(year: 2026, sequence: Int(id)), request: request, agreement: agreement.reference,
                                  plan: plan, createdOn: LocalDate(year: 2026, month: 1, day: 1)!))
    }
}

@Suite("Choosing a farm for a placement")
struct PlacementPlannerTests {
    @Test("The ranking cascade skips a full farm and a farm whose approval lapsed, and records why")
    func cascade() throws {
        var fixture = PlannerFixture()
        fixture.occupy(PlannerFixture.lia, weekdays: "tue", start: "2026-02-01", end: "2026-06-30", id: 1)
        fixture.occupy(PlannerFixture.lia, weekdays: "mon-fri", start: "2026-03-10", end: "2026-03-20", id: 2)
        fixture.providers[PlannerFixture.haugen]!.nextExternalAuditDate = LocalDate(year: 2026, month: 2, day: 1)
        let plan = try PlacementPlanner.plan(PlannerFixture.request(), in: fixture.situation)
        #expect(plan.provider == PlannerFixture.holmen)
        #expect(plan.choice.rule == Message("rules.choice.ranking", ["rank": "3"]))
        #expect(plan.choice.rule.english == "highest-ranked provider with room (rank 3)")
        #expect(plan.choice.skipped.map(\.provider) == [PlannerFixture.lia, PlannerFixture.haugen])
        #expect(plan.choice.skipped[0].reasons.map(\.english) == ["full on tue (2 of 2 places taken, first on 2026-03-10)"])
        #expect(plan.choice.skipped[1].reasons.first?.english.contains("external audit of its IPT approval is overdue") == true)
    }

    @Test("Capacity is counted day by day: overlapping periods that never meet on the same day leave room")
    func capacityByDay() throws {
        var fixture = PlannerFixture()
        fixture.occupy(PlannerFixture.lia, weekdays: "tue", start: "2026-01-05", end: "2026-03-09", id: 1)
        fixture.occupy(PlannerFixture.lia, weekdays: "tue", start: "2026-04-01", end: "2026-06-30", id: 2)
        fixture.occupy(PlannerFixture.lia, weekdays: "thu", start: "2026-03-01", end: "2026-03-31", id: 3)
        // Tuesdays in March are free again; Thursdays have one of two places taken.
        #expect(try PlacementPlanner.plan(PlannerFixture.request(), in: fixture.situation).provider == PlannerFixture.lia)
        fixture.occupy(PlannerFixture.lia, weekdays: "thu", start: "2026-03-26", end: "2026-04-30", id: 4)
        let plan = try PlacementPlanner.plan(PlannerFixture.request(), in: fixture.situation)
        #expect(plan.provider == PlannerFixture.haugen)
        #expect(plan.choice.skipped.first?.reasons.map(\.english) == ["full on thu (2 of 2 places taken, first on 2026-03-26)"])
    }

    @Test("A pupil placement needs a valid police certificate; a dementia placement does not")
    func policeCertificate() throws {
        var fixture = PlannerFixture()
        for number in fixture.providers.keys { fixture.providers[number]!.policeCertificateDate = nil }
        #expect(throws: TunetError.self) { try PlacementPlanner.plan(PlannerFixture.request(.pupil), in: fixture.situation) }
        #expect(try PlacementPlanner.plan(PlannerFixture.request(.dementia), in: fixture.situation).provider == PlannerFixture.lia)
        fixture.providers[PlannerFixture.holmen]!.policeCertificateDate = LocalDate(year: 2023, month: 3, day: 2)
        fixture.providers[PlannerFixture.haugen]!.policeCertificateDate = LocalDate(year: 2023, month: 3, day: 3)
        let plan = try PlacementPlanner.plan(PlannerFixture.request(.pupil), in: fixture.situation)
        #expect(plan.provider == PlannerFixture.haugen)   // Holmen's is exactly three years old on the start day
        #expect(plan.choice.skipped.first?.reasons.map(\.english) == ["it has no police certificate, which pupil placements require"])
    }

    @Test("Each refusal says why", arguments: [
        ("suspended", "suspended"), ("closed", "closed on tue"), ("notApproved", "no valid IPT approval"), ("group", "does not serve people with dementia"),
    ])
    func refusals(_ situationName: String, _ expected: String) {
        var fixture = PlannerFixture()
        for number in fixture.providers.keys {
            switch situationName {
            case "suspended": fixture.providers[number]!.status = .suspended
            case "closed": fixture.providers[number]!.openWeekdays = WeekdaySet([.monday, .thursday])
            case "notApproved": fixture.providers[number]!.iptApprovalDate = nil
            default: fixture.providers[number]!.targetGroups = [.pupils]
            }
        }
        do {
            _ = try PlacementPlanner.plan(PlannerFixture.request(), in: fixture.situation)
            Issue.record("placed anyway")
        } catch {
            #expect(error.english.contains(expected), "\(error.message)")
            #expect(error.english.contains("No provider under agreement 2026/1 can take this placement"))
        }
    }

    @Test("Dates outside the agreement and a target group it does not cover are refused")
    func agreementBounds() {
        var fixture = PlannerFixture()
        #expect(throws: TunetError.self) { try PlacementPlanner.plan(PlannerFixture.request(start: "2025-12-01"), in: fixture.situation) }
        #expect(throws: TunetError.self) { try PlacementPlanner.plan(PlannerFixture.request(end: "2028-01-31"), in: fixture.situation) }
        fixture.agreement.targetGroups = [.dementia]
        #expect(throws: TunetError.self) { try PlacementPlanner.plan(PlannerFixture.request(.pupil), in: fixture.situation) }
    }

    @Test("Planned days leave out public holidays and, for pupils, the school holidays")
    func plannedDays() {
        var fixture = PlannerFixture()
        fixture.holidays = [SchoolHoliday(municipalityNumber: "3303", from: LocalDate(year: 2026, month: 3, day: 30)!,
                                          to: LocalDate(year: 2026, month: 4, day: 6)!, name: "Påskeferie")]
        // Thursdays 26 March – 16 April 2026: 26 Mar, 2 Apr (Maundy Thursday), 9 Apr, 16 Apr.
        let dementia = PlacementPlanner.plannedDays(weekdays: WeekdaySet([.thursday]), from: LocalDate(year: 2026, month: 3, day: 26)!,
                                                    to: LocalDate(year: 2026, month: 4, day: 16)!, kind: .dementia, schoolHolidays: fixture.holidays)
        #expect(dementia.map(\.iso) == ["2026-03-26", "2026-04-09", "2026-04-16"])
        // Mondays 30 March – 13 April: 30 Mar (school holiday), 6 Apr (Easter Monday), 13 Apr.
        let pupil = PlacementPlanner.plannedDays(weekdays: WeekdaySet([.monday]), from: LocalDate(year: 2026, month: 3, day: 30)!,
                                                 to: LocalDate(year: 2026, month: 4, day: 13)!, kind: .pupil, schoolHolidays: fixture.holidays)
        #expect(pupil.map(\.iso) == ["2026-04-13"])
    }

    @Test("The projected cost takes the price valid on each day, and two transport trips a day")
    func projectedCost() throws {
        var fixture = PlannerFixture()
        var prices = fixture.agreement.prices
        prices.add(PriceVersion(provider: PlannerFixture.lia, line: "full_day", unit: .day, validFrom: LocalDate(year: 2026, month: 3, day: 15)!,
                                amount: .kroner(1100), source: "manual"))
        fixture.agreement.prices = prices
        // Tue/Thu in March 2026: 3, 5, 10, 12 at 1000; 17, 19, 24, 26, 31 at 1100; 9 days × 2 trips × 200.
        let plan = try PlacementPlanner.plan(PlannerFixture.request(transport: true), in: fixture.situation)
        #expect(plan.plannedDays.count == 9)
        let expected: Int64 = 4 * 1000 + 5 * 1100 + 9 * 400
        #expect(plan.projectedCost == Money.kroner(expected))
    }

    @Test("Above the ceiling a placement is refused with the headroom shown, unless an override with a reason is recorded")
    func ceiling() throws {
        var fixture = PlannerFixture(maximum: 100_000)
        fixture.consumption = Consumption(maximum: .kroner(100_000), committed: .kroner(95_000), spent: .zero)
        do {
            _ = try PlacementPlanner.plan(PlannerFixture.request(), in: fixture.situation)
            Issue.record("exceeded the ceiling")
        } catch {
            #expect(error.english.contains("headroom now NOK 5,000.00, this placement NOK 9,000.00"))
            #expect(Texts(.nb, fields: .options).render(error.message) == "Avtale 2026/1 ville blitt overskredet: bundet og brukt ville bli kr 104 000,00, "
                + "over maksimalverdien på kr 100 000,00 (gjenstående nå kr 5 000,00, denne plasseringen kr 9 000,00). Flere avrop over "
                + "maksimalverdien ville vært en ulovlig direkte anskaffelse; bare en uttrykkelig, loggført beslutning kan gå videre: "
                + "--override-ceiling --reason TEKST.")
            // The rule names the fields; each front end writes them its own way.
            #expect(Texts(.en, fields: .options).render(error.message).contains("--override-ceiling --reason"))
            #expect(error.english.contains("override_ceiling reason TEXT"))
        }
        let plan = try PlacementPlanner.plan(PlannerFixture.request(override: "Urgent: no other offer before the new agreement"), in: fixture.situation)
        #expect(plan.ceilingOverrideReason == "Urgent: no other offer before the new agreement")
        #expect(plan.headroomAfter == .kroner(-4_000))
        // Within the ceiling an override reason is not recorded as an override.
        fixture.consumption = Consumption(maximum: .kroner(100_000), committed: .zero, spent: .zero)
        #expect(try PlacementPlanner.plan(PlannerFixture.request(override: "not needed"), in: fixture.situation).ceilingOverrideReason == nil)
    }

    @Test("Direct, criteria and mini-competition agreements need what their method needs")
    func methods() throws {
        var fixture = PlannerFixture()
        fixture.agreement.callOffMethod = .direct
        #expect(throws: TunetError.self) { try PlacementPlanner.plan(PlannerFixture.request(), in: fixture.situation) }
        var request = PlannerFixture.request()
        request.provider = PlannerFixture.haugen
        #expect(try PlacementPlanner.plan(request, in: fixture.situation).choice.rule.english == "direct order on the agreement's fixed terms")
        fixture.agreement.callOffMethod = .criteria
        #expect(throws: TunetError.self) { try PlacementPlanner.plan(request, in: fixture.situation) }
        request.criteriaInputs = "Nearest farm: 12 minutes from home"
        #expect(try PlacementPlanner.plan(request, in: fixture.situation).choice.inputs == "Nearest farm: 12 minutes from home")
        fixture.agreement.callOffMethod = .miniCompetition
        do {
            _ = try PlacementPlanner.plan(request, in: fixture.situation)
            Issue.record("placed without a mini-competition")
        } catch {
            #expect(error.english.contains("run one among its 3 parties first"))
        }
        request.miniCompetitionResult = "Haugen best on price and distance, 2026-02-20"
        #expect(try PlacementPlanner.plan(request, in: fixture.situation).provider == PlannerFixture.haugen)
    }
}

@Suite("Participant codes")
struct ParticipantCodeTests {
    @Test("Generated codes follow P-YEAR-NNNN")
    func generated() {
        #expect(ParticipantCode.generated(year: 2026, sequence: 42).text == "P-2026-0042")
        #expect(ParticipantCode.generated(year: 2026, sequence: 12345).text == "P-2026-12345")
    }

    @Test("Anything that could be a national identity number is refused", arguments: ["01017012345", "010170-12345", "X01017012345Y"])
    func refusesIdentityNumbers(_ text: String) {
        guard case .failure(let reason) = ParticipantCode.parse(text) else {
            Issue.record("accepted \(text)")
            return
        }
        #expect(reason.english.contains("national identity number") || reason.english.contains("not a participant code"))
    }

    @Test("Ordinary codes are accepted and upper-cased")
    func accepts() throws {
        #expect(try ParticipantCode.parse("p-2026-0042").get().text == "P-2026-0042")
        #expect(try ParticipantCode.parse("HAD-17").get().text == "HAD-17")
    }
}

@Suite("Planned days")
struct PlannedDayTests {
    @Test("as a set hold exactly the planned days: weekdays, less public and (for pupils) school holidays", arguments: [PlacementKind.pupil, .dementia])
    func setHoldsThePlannedDays(kind: PlacementKind) {
        let from = LocalDate(year: 2025, month: 12, day: 15)!, to = LocalDate(year: 2026, month: 6, day: 30)!
        let winter = SchoolHoliday(municipalityNumber: "3303", from: LocalDate(year: 2026, month: 2, day: 23)!,
                                   to: LocalDate(year: 2026, month: 2, day: 27)!, name: "Vinterferie")
        let weekdays = WeekdaySet([.monday, .wednesday, .friday])
        let numbers = PlacementPlanner.plannedDayNumbers(weekdays: weekdays, from: from, to: to, kind: kind, schoolHolidays: [winter])
        let set = PlacementPlanner.plannedDaySet(weekdays: weekdays, from: from, to: to, kind: kind, schoolHolidays: [winter])
        #expect(set.count == numbers.count)
        for day in (from.dayNumber - 70)...(to.dayNumber + 70) {
            #expect(set.contains(day) == numbers.contains(day), "\(LocalDate(dayNumber: day).iso)")
        }
        let easterMonday = LocalDate(year: 2026, month: 4, day: 6)!
        #expect(!set.contains(easterMonday.dayNumber))
        #expect(set.contains(LocalDate(year: 2026, month: 2, day: 25)!.dayNumber) == (kind == .dementia))
        let listed = DayNumberSet(numbers.reversed())
        #expect(listed.count == numbers.count && numbers.allSatisfy(listed.contains) && !listed.contains(easterMonday.dayNumber))
        #expect(!DayNumberSet([]).contains(0) && DayNumberSet([]).count == 0)
    }
}
