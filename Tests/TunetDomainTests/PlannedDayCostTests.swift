import Testing
@testable import TunetDomain

private func march(_ day: Int) -> LocalDate { LocalDate(year: 2026, month: 3, day: day)! }

/// The fixture's prices: Lia gård's full day NOK 1 000 and a trip NOK 200, from 1 January 2026.
private func cost(tripsPerDay: Int, _ change: ((inout PriceList) -> Void)? = nil) -> PlannedDayCost {
    var prices = PlannerFixture().agreement.prices
    change?(&prices)
    return PlannedDayCost(prices: prices, provider: PlannerFixture.lia, priceLine: "full_day", tripsPerDay: tripsPerDay)
}

@Suite("What a planned day commits")
struct PlannedDayCostTests {
    @Test("The day's price, plus the placement's own trips at that day's transport price")
    func dayAndTrips() throws {
        #expect(try cost(tripsPerDay: 0).cost(on: march(3)).get() == .kroner(1_000))
        #expect(try cost(tripsPerDay: 2).cost(on: march(3)).get() == .kroner(1_400))
    }

    @Test("A period over a price change: each day at the price valid on it")
    func overPriceChange() throws {
        let changed = cost(tripsPerDay: 2) { prices in
            prices.add(PriceVersion(provider: PlannerFixture.lia, line: "full_day", unit: .day, validFrom: march(17), amount: .kroner(1_100),
                                    source: "manual"))
        }
        #expect(try changed.cost(of: [march(16), march(17)]).get() == .kroner(1_400 + 1_500))
    }

    @Test("A day before the first price, or a transport day without a transport price, names the line and the day")
    func missingPrice() throws {
        let early = LocalDate(year: 2025, month: 12, day: 30)!
        guard case .failure(let missing) = cost(tripsPerDay: 0).cost(of: [march(3), early]) else {
            Issue.record("a day without a price was costed")
            return
        }
        #expect(missing.line == "full_day" && missing.date == early && !missing.isTransport)

        let noTransport = cost(tripsPerDay: 2) { prices in
            prices = PriceList(prices.versions.filter { $0.line == "full_day" })
        }
        guard case .failure(let noTrip) = noTransport.cost(on: march(3)) else {
            Issue.record("a transport day without a transport price was costed")
            return
        }
        #expect(noTrip.isTransport && noTrip.line == PlacementRules.standard.transportLine && noTrip.date == march(3))
        #expect(try cost(tripsPerDay: 0) { $0 = PriceList($0.versions.filter { $0.line == "full_day" }) }.cost(on: march(3)).get() == .kroner(1_000),
                "a placement without transport needs no transport price")
    }
}
