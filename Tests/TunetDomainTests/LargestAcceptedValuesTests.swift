import Testing
@testable import TunetDomain

/// Every amount, quantity, index and age Tunet takes is bounded, so that no calculation made from them
/// can overflow: these feed the largest of each through every calculation, and refuse one step beyond.
@Suite("The largest accepted values, through every calculation")
struct LargestAcceptedValuesTests {
    private let largestPrice = Money.largestPrice
    private static let a = try! OrganisationNumber.parse("974760673").get()
    private static let b = try! OrganisationNumber.parse("923609016").get()

    @Test("An amount up to NOK 999 999 999,99 and a unit price up to NOK 1 000 000 are taken; one øre more is refused, naming the limit")
    func amountBounds() throws {
        #expect(try Money.parse("999 999 999,99").get() == .largestValue)
        #expect(try Money.parsePrice("1 000 000").get() == .largestPrice)
        let value = { (text: String) in Money.parse(text) }, price = { (text: String) in Money.parsePrice(text) }
        for (text, parse) in [("1 000 000 000", value), ("1 000 000,01", price), ("999 999 999 999", price)] {
            guard case .failure(let reason) = parse(text) else {
                Issue.record("\(text) was taken")
                continue
            }
            #expect(reason.message.key == "rules.money.too_large")
            #expect(reason.message.arguments["largest"] != nil)
        }
    }

    @Test("A placement every day of ten years at the largest price with the most trips: its cost is exact")
    func placementCost() throws {
        var prices = PriceList()
        let start = LocalDate(year: 2026, month: 1, day: 1)!
        for line in ["full_day", PlacementRules.standard.transportLine] {
            prices.add(PriceVersion(provider: Self.a, line: line, unit: .day, validFrom: start, amount: largestPrice, source: "manual"))
        }
        let days = (0..<3_653).map { start.adding(days: $0) }
        let trips = AttendanceValidator.maximumTrips
        let cost = try PlannedDayCost(prices: prices, provider: Self.a, priceLine: "full_day", tripsPerDay: trips).cost(of: days).get()
        #expect(cost == Money(ore: largestPrice.ore * Int64(1 + trips) * 3_653))

        // A year of a thousand such placements, committed against the largest ceiling.
        let consumption = Consumption(maximum: .largestValue, committed: cost * 1_000, spent: cost * 1_000)
        #expect(consumption.percentUsed?.text.isEmpty == false)
        #expect(consumption.headroom < .zero)
    }

    @Test("A reported day at the largest prices with the most trips is priced exactly")
    func reportedDay() throws {
        var agreement = PlannerFixture().agreement
        agreement.prices = PriceList(agreement.prices.versions.map {
            PriceVersion(provider: $0.provider, line: $0.line, unit: $0.unit, validFrom: $0.validFrom, amount: largestPrice, source: $0.source)
        })
        let provider = PlannerFixture.lia
        let placement = Placement(
            id: 1, participant: ParticipantCode(stored: "P-2026-0001"), kind: .dementia, agreementReference: agreement.reference, provider: provider,
            municipalityNumber: "3303", weekdays: WeekdaySet([.tuesday]), start: LocalDate(year: 2026, month: 1, day: 6)!,
            end: LocalDate(year: 2026, month: 12, day: 15)!, priceLine: "full_day", pupil: nil,
            dementia: DementiaDetails(decisionReference: "HO-2026/1", transport: true, relativeRole: nil),
            choice: ProviderChoice(method: .direct, provider: provider, rule: Message("rules.choice.direct"), inputs: nil, skipped: []),
            plannedDays: 0, projectedCost: .zero, ceilingOverrideReason: nil, cancelledReason: nil, createdOn: LocalDate(year: 2026, month: 1, day: 1)!)
        let pricing = ReportedDayPricing(agreement: agreement, placement: placement)
        let entry = AttendanceEntry(placementId: placement.id, participant: placement.participant, date: placement.start, status: .present,
                                    hoursTenths: nil, transportTrips: AttendanceValidator.maximumTrips, extraDay: false)
        let priced = try pricing.price(entry, planned: true).get()
        #expect(priced.total == Money(ore: largestPrice.ore * Int64(1 + AttendanceValidator.maximumTrips)))
        #expect(priced.plannedCost == Money(ore: largestPrice.ore * Int64(1 + placement.transportTripsPerDay)))
    }

    @Test("Tenders over a hundred lines of the largest price and quantity are ranked without overflow")
    func tenderEvaluation() throws {
        let lines = (0..<PriceTemplateLine.largestCount).map { PriceTemplateLine(line: "line_\($0)", unit: .day, quantity: PriceTemplateLine.largestQuantity) }
        var procurement = Procurement(id: 1, title: "T", targetGroups: [.pupils], municipalities: ["1866"], estimatedValue: .largestValue,
                                      category: .special, createdOn: LocalDate(year: 2026, month: 1, day: 1)!)
        procurement.criteria = [AwardCriterion(name: "Pris", weight: 100, isPrice: true)]
        procurement.priceTemplate = lines
        let cheaper = Dictionary(uniqueKeysWithValues: lines.map { ($0.line, Money(ore: largestPrice.ore - 1)) })
        let dearest = Dictionary(uniqueKeysWithValues: lines.map { ($0.line, largestPrice) })
        procurement.tenders = [Tender(provider: Self.a, receivedOn: procurement.createdOn, prices: dearest, scores: [:]),
                               Tender(provider: Self.b, receivedOn: procurement.createdOn, prices: cheaper, scores: [:])]
        let ranked = try TenderEvaluation.evaluate(procurement)
        #expect(ranked.map(\.provider) == [Self.b, Self.a])
        #expect(ranked[0].pointsMilli["Pris"] == 10_000)
        #expect(ranked[1].pointsMilli["Pris"] == 10_000, "one øre in a hundred million is no thousandth of a point")
        #expect(ranked[1].evaluatedPrice == Money(ore: largestPrice.ore * Int64(PriceTemplateLine.largestQuantity) * 100))
    }

    @Test("A quantity above a million or a price form of more than a hundred lines is refused")
    func templateBounds() {
        #expect(throws: TunetError.self) { try ProcurementInput.priceTemplate(["full_day:day:1000001"]) }
        #expect(throws: TunetError.self) { try ProcurementInput.priceTemplate((0...100).map { "line_\($0):day:1" }) }
        #expect((try? ProcurementInput.priceTemplate(["full_day:day:1000000"]))?.first?.quantity == 1_000_000)
    }

    @Test("An index adjustment from 0.1 to 9999.9 is worked out without overflow, even on the largest stored amount")
    func indexAdjustment() {
        let low = IndexValue(tenths: 1), high = IndexValue(tenths: 99_999)
        #expect(PriceAdjustmentClause.adjust(largestPrice, base: low, reference: high) == Money(ore: largestPrice.ore * 99_999))
        #expect(PriceAdjustmentClause.adjust(Money(ore: .max), base: low, reference: high) == Money(ore: .max))
        #expect(PriceAdjustmentClause.adjust(largestPrice, base: high, reference: low) == Money(ore: 1_000))
    }

    @Test("A pilot's cost per attended day over a million days at the largest prices, and its ratio to the reference price")
    func pilotRatios() throws {
        let dayAmount = Money(ore: largestPrice.ore * Int64(1 + AttendanceValidator.maximumTrips))
        let spent = dayAmount * 1_000_000
        let perDay = try #require(spent.share(of: 1_000_000))
        #expect(perDay == dayAmount)
        #expect(Percentage(perDay.ore, of: Money(ore: 1).ore)?.text.isEmpty == false)
        #expect(Money(ore: 5).share(of: 2) == Money(ore: 3), "half an øre is rounded up")
        #expect(Money(ore: 7).share(of: 3) == Money(ore: 2))
        #expect(Money.zero.share(of: 0) == nil)
    }

    @Test("A retention age up to a hundred years is taken; more, as 2026y, is refused")
    func retention() throws {
        let today = LocalDate(year: 2026, month: 12, day: 2)!
        #expect(try RetentionAge.parse("100y").get().cutoff(on: today) == LocalDate(year: 1926, month: 12, day: 2))
        #expect(try RetentionAge.parse("1200m").get().cutoff(on: today) == LocalDate(year: 1926, month: 12, day: 2))
        for text in ["101y", "2026y", "1201m", "9999999999999999y"] {
            guard case .failure = RetentionAge.parse(text) else {
                Issue.record("\(text) was taken")
                continue
            }
        }
    }
}
