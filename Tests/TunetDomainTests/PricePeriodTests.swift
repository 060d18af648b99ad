import Testing
@testable import TunetDomain

/// Which days of a month were billed at which price, as the invoice basis shows them.
@Suite("Price periods of an invoice basis")
struct PricePeriodTests {
    private func march(_ day: Int) -> LocalDate { LocalDate(year: 2026, month: 3, day: day)! }
    private func day(_ day: Int, _ kroner: Int64) -> BilledUnits { BilledUnits(date: march(day), quantity: 1, amount: .kroner(kroner)) }

    @Test("a price taking effect on the 16th splits the month between the last day before it and the first day at it")
    func splitsAtThePriceChange() {
        let periods = PricePeriod.periods(line: "full_day", unit: .day,
                                          billed: [day(2, 1200), day(5, 1200), day(12, 1200), day(16, 1250), day(19, 1250), day(30, 1250)])
        #expect(periods.map(\.from) == [march(2), march(16)])
        #expect(periods.map(\.to) == [march(12), march(30)])
        #expect(periods.map(\.days) == [3, 3])
        #expect(periods.map(\.quantity) == [3, 3])
        #expect(periods.map(\.unitPrice) == [.kroner(1200), .kroner(1250)])
        #expect(periods.map(\.amount) == [.kroner(3600), .kroner(3750)])
        #expect(periods.allSatisfy { $0.line == "full_day" && $0.unit == .day })
    }

    @Test("one price all month is one period, whatever the days' order; the dates are listed in order")
    func onePriceOnePeriod() {
        let periods = PricePeriod.periods(line: "full_day", unit: .day, billed: [day(19, 1200), day(2, 1200), day(9, 1200)])
        #expect(periods.count == 1)
        #expect(periods.first?.dates == [march(2), march(9), march(19)])
        #expect(periods.first?.amount == .kroner(3600))
    }

    @Test("days that billed nothing neither appear nor break a run; a month billing nothing has no period")
    func unbilledDays() {
        let periods = PricePeriod.periods(line: "full_day", unit: .day, billed: [day(2, 1200), day(9, 0), day(12, 1200)])
        #expect(periods.map(\.dates) == [[march(2), march(12)]])
        #expect(PricePeriod.periods(line: "full_day", unit: .day, billed: [day(9, 0)]).isEmpty)
        #expect(PricePeriod.periods(line: "full_day", unit: .day, billed: []).isEmpty)
    }

    @Test("a day back at an earlier price starts a new period rather than joining the earlier one")
    func returningPrice() {
        // Days reported before a price version was registered keep the price they were billed at.
        let periods = PricePeriod.periods(line: "full_day", unit: .day, billed: [day(12, 1200), day(16, 1250), day(19, 1200)])
        #expect(periods.map(\.unitPrice) == [.kroner(1200), .kroner(1250), .kroner(1200)])
        #expect(periods.map(\.days) == [1, 1, 1])
    }

    @Test("transport counts trips: two trips at 312,50 are one day, quantity 2, 625,00; one trip at the same price joins the run")
    func trips() {
        let billed = [BilledUnits(date: march(12), quantity: 2, amount: Money(ore: 60_000)),
                      BilledUnits(date: march(16), quantity: 2, amount: Money(ore: 62_500)),
                      BilledUnits(date: march(19), quantity: 1, amount: Money(ore: 31_250))]
        let periods = PricePeriod.periods(line: "transport", unit: .trip, billed: billed)
        #expect(periods.map(\.unitPrice) == [Money(ore: 30_000), Money(ore: 31_250)])
        #expect(periods.map(\.quantity) == [2, 3])
        #expect(periods.map(\.days) == [1, 2])
        #expect(periods.map(\.amount) == [Money(ore: 60_000), Money(ore: 93_750)])
    }

    @Test("the periods' amounts add up to exactly what the days billed, and each is its quantity times its unit price")
    func exactSums() {
        let billed = (1...31).compactMap { LocalDate(year: 2026, month: 3, day: $0) }.map {
            BilledUnits(date: $0, quantity: 2, amount: Money(ore: $0.day < 16 ? 2 * 33_333 : 2 * 34_999))
        }
        let periods = PricePeriod.periods(line: "transport", unit: .trip, billed: billed)
        #expect(periods.reduce(Money.zero) { $0 + $1.amount } == billed.reduce(Money.zero) { $0 + $1.amount })
        #expect(periods.allSatisfy { $0.amount == $0.unitPrice * Int64($0.quantity) })
        #expect(periods.map(\.days) == [15, 16])
    }
}
