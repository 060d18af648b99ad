import Testing
@testable import TunetDomain

/// The fixture's agreement (full day NOK 1 000, a trip NOK 200 from 1 January 2026) with `rule` for absence
/// and `transport` for trips.
private func agreement(_ rule: AbsenceBillingRule = .presentOnly, transport: TransportBilling = .billableDays) -> Agreement {
    var agreement = PlannerFixture().agreement
    agreement.absenceRule = rule
    agreement.transportBilling = transport
    return agreement
}

/// A placement with Lia gård on Tuesdays and Thursdays, with transport (two trips a day) or without.
private func placement(transport: Bool) -> Placement {
    let provider = PlannerFixture.lia
    return Placement(
        id: 1, participant: ParticipantCode(stored: "P-2026-0001"), kind: .dementia, agreementReference: "2026/1", provider: provider,
        municipalityNumber: "3303", weekdays: WeekdaySet([.tuesday, .thursday]), start: LocalDate(year: 2026, month: 1, day: 6)!,
        end: LocalDate(year: 2026, month: 12, day: 17)!, priceLine: "full_day", pupil: nil,
        dementia: DementiaDetails(decisionReference: "HO-2026/1", transport: transport, relativeRole: nil),
        choice: ProviderChoice(method: .direct, provider: provider, rule: Message("rules.choice.direct"), inputs: nil, skipped: []),
        plannedDays: 0, projectedCost: .zero, ceilingOverrideReason: nil, cancelledReason: nil, createdOn: LocalDate(year: 2026, month: 1, day: 1)!)
}

private func day(_ date: LocalDate, _ status: AttendanceStatus = .present, trips: Int? = nil) -> AttendanceEntry {
    AttendanceEntry(placementId: 1, participant: ParticipantCode(stored: "P-2026-0001"), date: date, status: status, hoursTenths: nil,
                    transportTrips: trips, extraDay: false)
}

private func march(_ day: Int) -> LocalDate { LocalDate(year: 2026, month: 3, day: day)! }

private func priced(_ pricing: ReportedDayPricing, _ entry: AttendanceEntry, planned: Bool = true) throws -> PricedDay {
    try pricing.price(entry, planned: planned).get()
}

@Suite("The price of a reported day")
struct ReportedDayPricingTests {
    @Test("A price change in the middle of a month holds from its own day: the day before keeps the old price")
    func priceChangeMidMonth() throws {
        var changed = agreement()
        changed.prices.add(PriceVersion(provider: PlannerFixture.lia, line: "full_day", unit: .day, validFrom: march(17), amount: .kroner(1_100),
                                        source: "manual"))
        let pricing = ReportedDayPricing(agreement: changed, placement: placement(transport: false))
        #expect(try priced(pricing, day(march(12))).dayPrice == .kroner(1_000))
        #expect(try priced(pricing, day(march(16))).dayPrice == .kroner(1_000))
        #expect(try priced(pricing, day(march(17))).dayPrice == .kroner(1_100))
        #expect(try priced(pricing, day(march(17))).plannedCost == .kroner(1_100))
    }

    @Test("Transport: the placement's two trips on a day the participant came, the reported trips whenever given, none otherwise")
    func transport() throws {
        let pricing = ReportedDayPricing(agreement: agreement(), placement: placement(transport: true))
        #expect(try priced(pricing, day(march(3))).transport == .kroner(400))
        #expect(try priced(pricing, day(march(3), trips: 1)).transport == .kroner(200))
        #expect(try priced(pricing, day(march(3), trips: 0)).transport == .zero)
        #expect(try priced(pricing, day(march(3), .absentWithNotice)).transport == .zero)
        // Absence with notice is not billed under the fixture's rule (present only), so neither are its trips.
        #expect(try priced(pricing, day(march(3), .absentWithNotice, trips: 1)).transport == .zero)
        let asReported = ReportedDayPricing(agreement: agreement(transport: .asReported), placement: placement(transport: true))
        #expect(try priced(asReported, day(march(3), .absentWithNotice, trips: 1)).transport == .kroner(200))
        #expect(try priced(pricing, day(march(3))).total == .kroner(1_400))
        let without = ReportedDayPricing(agreement: agreement(), placement: placement(transport: false))
        #expect(try priced(without, day(march(3))).transport == .zero)
        #expect(try priced(without, day(march(3), trips: 2)).transport == .kroner(400))
        #expect(ReportedDayPricing.trips(day(march(3)), placementTrips: 2) == 2)
        #expect(ReportedDayPricing.trips(day(march(3), .absentWithoutNotice), placementTrips: 2) == 0)
    }

    @Test("The absence rule decides which statuses are billed; a day the farm cancelled never is", arguments: [
        (AbsenceBillingRule.presentOnly, [AttendanceStatus.present]),
        (.billUnannouncedAbsence, [.present, .absentWithoutNotice]),
        (.billAllAbsence, [.present, .absentWithoutNotice, .absentWithNotice]),
    ])
    func absenceRules(_ rule: AbsenceBillingRule, _ billed: [AttendanceStatus]) throws {
        let pricing = ReportedDayPricing(agreement: agreement(rule), placement: placement(transport: false))
        for status in AttendanceStatus.allCases {
            #expect(try priced(pricing, day(march(3), status)).dayPrice == (billed.contains(status) ? .kroner(1_000) : .zero), "\(status)")
        }
    }

    @Test("A planned day is committed at its price and the placement's trips whatever happened; an unplanned day at nothing")
    func plannedCost() throws {
        let pricing = ReportedDayPricing(agreement: agreement(), placement: placement(transport: true))
        let absent = try priced(pricing, day(march(3), .absentWithNotice))
        #expect(absent.dayPrice == .zero && absent.transport == .zero)
        #expect(absent.plannedCost == .kroner(1_400))
        #expect(try priced(pricing, day(march(2)), planned: false).plannedCost == .zero)
        #expect(try priced(pricing, day(march(2)), planned: false).dayPrice == .kroner(1_000))
    }

    @Test("A price the day needs without a valid version fails, naming the line; a price it does not need is not asked for")
    func missingPrice() throws {
        var early = agreement()
        early.prices = PriceList(early.prices.versions.map { version in
            var moved = version
            moved.validFrom = version.line == "transport" ? march(10) : version.validFrom
            return moved
        })
        let pricing = ReportedDayPricing(agreement: early, placement: placement(transport: true))
        guard case .failure(let reason) = pricing.price(day(march(5)), planned: false) else {
            Issue.record("priced transport before its first price")
            return
        }
        #expect(reason.message.key == "attendance.row.no_price")
        #expect(reason.message.arguments["line"] == .text("transport"))
        #expect(try priced(pricing, day(march(5), .absentWithNotice), planned: false) == PricedDay(dayPrice: .zero, transport: .zero, plannedCost: .zero))
        #expect(try priced(pricing, day(march(10))).transport == .kroner(400))
        let other = ReportedDayPricing(agreement: agreement(), placement: {
            var placement = placement(transport: false)
            placement.priceLine = "half_day"
            return placement
        }())
        guard case .failure(let line) = other.price(day(march(5)), planned: false) else {
            Issue.record("priced a line without a price")
            return
        }
        #expect(line.message.arguments["line"] == .text("half_day"))
    }
}
