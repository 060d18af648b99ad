import Testing
@testable import TunetDomain
import TunetTestSupport

@Suite("Procurement thresholds")
struct ProcurementThresholdTests {
    let day = LocalDate(year: 2026, month: 3, day: 1)!

    func regime(_ kroner: Int64, _ category: ServiceCategory = .special) -> ProcurementRegime {
        ProcurementThresholds.norway.classify(.kroner(kroner), category: category, on: day).regime
    }

    @Test("Each threshold applies from its amount: one øre below stays in the regime below")
    func edges() {
        #expect(ProcurementThresholds.norway.classify(Money(ore: 9_999_999), category: .special, on: day).regime == .outsideRules)
        #expect(regime(100_000) == .partOne)
        #expect(ProcurementThresholds.norway.classify(Money(ore: 129_999_999), category: .special, on: day).regime == .partOne)
        #expect(regime(1_300_000) == .partTwo)
        #expect(regime(2_300_000, .general) == .partThree)
        #expect(regime(2_300_000, .special) == .partTwo)
        #expect(ProcurementThresholds.norway.classify(Money(ore: 779_999_999), category: .special, on: day).regime == .partTwo)
        #expect(regime(7_800_000, .special) == .partFourChapterThirty)
    }

    @Test("What follows from each regime: notice, standstill, the 4-year limit, reservation for non-profits")
    func consequences() {
        let outside = ProcurementThresholds.norway.classify(.kroner(50_000), category: .special, on: day)
        #expect(outside.notice == .none && !outside.standstillRequired && !outside.fourYearLimit)
        let national = ProcurementThresholds.norway.classify(.kroner(3_000_000), category: .special, on: day)
        #expect(national.notice == .doffin && !national.standstillRequired && national.fourYearLimit)
        let eea = ProcurementThresholds.norway.classify(.kroner(9_000_000), category: .special, on: day)
        #expect(eea.notice == .doffinAndTED && eea.standstillRequired && eea.mayBeReservedForNonProfits && !eea.minimumDeadlines)
        let general = ProcurementThresholds.norway.classify(.kroner(3_000_000), category: .general, on: day)
        #expect(general.regime == .partThree && general.minimumDeadlines && !general.mayBeReservedForNonProfits)
    }

    @Test("The table in force on the day is used, the latest valid-from first")
    func validFrom() {
        let table = ProcurementThresholds(entries: [
            .init(validFrom: LocalDate(year: 2024, month: 1, day: 1)!, minimum: .kroner(100_000), national: .kroner(1_300_000),
                  eeaGeneralMunicipal: .kroner(2_300_000), eeaSpecialServices: .kroner(7_800_000)),
            .init(validFrom: LocalDate(year: 2027, month: 1, day: 1)!, minimum: .kroner(100_000), national: .kroner(1_400_000),
                  eeaGeneralMunicipal: .kroner(2_400_000), eeaSpecialServices: .kroner(8_000_000)),
        ])
        #expect(table.classify(.kroner(1_350_000), category: .special, on: LocalDate(year: 2026, month: 12, day: 31)!).regime == .partTwo)
        #expect(table.classify(.kroner(1_350_000), category: .special, on: LocalDate(year: 2027, month: 1, day: 1)!).regime == .partOne)
    }
}

@Suite("Standstill period")
struct StandstillTests {
    func end(_ notice: String, required: Bool = true, electronically: Bool = true, requested: Int? = nil) throws -> LocalDate? {
        let standstill = try Award.standstill(required: required, electronically: electronically, requestedDays: requested).get()
        return Award(winners: [], noticeDate: try LocalDate.parse(notice).get(), notifiedElectronically: electronically,
                     standstill: standstill).standstillEnd
    }

    @Test("Where required: ten calendar days after an electronic notice, fifteen otherwise, across month and year ends", arguments: [
        ("2026-01-25", true, "2026-02-04"), ("2026-02-20", true, "2026-03-02"), ("2028-02-20", true, "2028-03-01"),
        ("2026-12-28", true, "2027-01-07"), ("2026-04-20", false, "2026-05-05"), ("2026-12-20", false, "2027-01-04"),
    ])
    func arithmetic(_ notice: String, _ electronic: Bool, _ expected: String) throws {
        #expect(try end(notice, electronically: electronic) == (try LocalDate.parse(expected).get()))
    }

    @Test("Where the rules do not require one there is none, and the agreement may be concluded on the notice day")
    func notRequired() throws {
        #expect(try end("2026-02-03", required: false) == nil)
        #expect(try end("2026-02-03", required: false, electronically: false) == nil)
        let award = Award(winners: [], noticeDate: LocalDate(year: 2026, month: 2, day: 3)!, notifiedElectronically: true, standstill: nil)
        #expect(award.mayConcludeFrom == LocalDate(year: 2026, month: 2, day: 3))
    }

    @Test("A voluntary standstill is kept as asked; a required one may be longer, never shorter")
    func requested() throws {
        #expect(try end("2026-02-03", required: false, requested: 10) == LocalDate(year: 2026, month: 2, day: 13))
        #expect(try Award.standstill(required: false, electronically: true, requestedDays: 10).get()?.voluntary == true)
        #expect(try end("2026-02-03", requested: 10) == LocalDate(year: 2026, month: 2, day: 13))
        #expect(try end("2026-02-03", requested: 14) == LocalDate(year: 2026, month: 2, day: 17))
        #expect(try Award.standstill(required: true, electronically: true, requestedDays: 14).get()?.voluntary == false)
        #expect(throws: FieldReason.self) { try Award.standstill(required: true, electronically: true, requestedDays: 9).get() }
        #expect(throws: FieldReason.self) { try Award.standstill(required: true, electronically: false, requestedDays: 14).get() }
        #expect(try end("2026-02-03", electronically: false, requested: 15) == LocalDate(year: 2026, month: 2, day: 18))
        #expect(throws: FieldReason.self) { try Award.standstill(required: false, electronically: true, requestedDays: 0).get() }
        #expect(throws: FieldReason.self) { try Award.standstill(required: false, electronically: true, requestedDays: 61).get() }
        #expect(try end("2026-02-03", required: false, requested: 60) == LocalDate(year: 2026, month: 4, day: 4))
    }
}

@Suite("Tender evaluation")
struct TenderEvaluationTests {
    static let a = try! OrganisationNumber.parse("974760673").get()
    static let b = try! OrganisationNumber.parse("923609016").get()
    static let c = try! OrganisationNumber.parse("971526157").get()

    func competition(_ tenders: [Tender]) -> Procurement {
        var procurement = Procurement(id: 1, title: "T", targetGroups: [.pupils], municipalities: ["1866"], estimatedValue: .kroner(1_000_000),
                                      category: .special, createdOn: LocalDate(year: 2026, month: 1, day: 1)!)
        procurement.criteria = [AwardCriterion(name: "Pris", weight: 40, isPrice: true), AwardCriterion(name: "Kvalitet", weight: 60, isPrice: false)]
        procurement.priceTemplate = [PriceTemplateLine(line: "full_day", unit: .day, quantity: 100), PriceTemplateLine(line: "transport", unit: .trip, quantity: 50)]
        procurement.tenders = tenders
        return procurement
    }

    func tender(_ provider: OrganisationNumber, _ day: Int64, _ trip: Int64, quality: Int, received: Int = 1) -> Tender {
        Tender(provider: provider, receivedOn: LocalDate(year: 2026, month: 2, day: received)!,
               prices: ["full_day": .kroner(day), "transport": .kroner(trip)], scores: ["Kvalitet": quality])
    }

    @Test("Price points follow lowest ÷ offered × 10 over the weighted price form; totals are weighted")
    func formula() throws {
        let result = try TenderEvaluation.evaluate(competition([tender(Self.a, 1000, 200, quality: 6), tender(Self.b, 1200, 100, quality: 9)]))
        // a: 100×1000 + 50×200 = 110 000; b: 120 000 + 5 000 = 125 000.
        let a = try #require(result.first { $0.provider == Self.a })
        let b = try #require(result.first { $0.provider == Self.b })
        #expect(a.evaluatedPrice == .kroner(110_000))
        #expect(a.pointsMilli["Pris"] == 10_000)
        #expect(b.pointsMilli["Pris"] == 8_800)
        #expect(a.totalMilli == 7_600)   // 0.4 × 10 + 0.6 × 6
        #expect(b.totalMilli == 8_920)   // 0.4 × 8.8 + 0.6 × 9
        #expect(b.rank == 1 && a.rank == 2)
    }

    @Test("Equal totals are broken by the lower price, then quality, then the earlier tender, then the organisation number")
    func ties() throws {
        // Same price and quality: the earlier tender wins.
        let byDate = try TenderEvaluation.evaluate(competition([
            tender(Self.a, 1000, 200, quality: 6, received: 3), tender(Self.b, 1000, 200, quality: 6, received: 2),
        ]))
        #expect(byDate.map(\.provider) == [Self.b, Self.a])
        #expect(byDate[0].tieBreak == .earlierTender)
        // Identical in every respect: organisation number decides, and says so.
        let identical = try TenderEvaluation.evaluate(competition([tender(Self.a, 1000, 200, quality: 6), tender(Self.c, 1000, 200, quality: 6)]))
        #expect(identical.map(\.provider) == [Self.c, Self.a])
        #expect(identical[1].tieBreak == .organisationNumber)
        // Equal totals from different prices (10 + 5 against 5 + 10 at 50/50): the lower price wins.
        var twoPrices = competition([tender(Self.b, 2000, 0, quality: 10), tender(Self.a, 1000, 0, quality: 5)])
        twoPrices.priceTemplate = [PriceTemplateLine(line: "full_day", unit: .day, quantity: 1)]
        twoPrices.criteria = [AwardCriterion(name: "Pris", weight: 50, isPrice: true), AwardCriterion(name: "Kvalitet", weight: 50, isPrice: false)]
        let byPrice = try TenderEvaluation.evaluate(twoPrices)
        #expect(byPrice.map(\.totalMilli) == [7_500, 7_500])
        #expect(byPrice[0].provider == Self.a)
        #expect(byPrice[0].tieBreak == .lowerPrice)
    }

    @Test("A tender without a quality score cannot be evaluated, and the message says which")
    func missingScore() {
        var procurement = competition([tender(Self.a, 1000, 200, quality: 6)])
        procurement.tenders[0].scores = [:]
        #expect(throws: TunetError.self) { try TenderEvaluation.evaluate(procurement) }
    }
}

@Suite("Competition input")
struct ProcurementInputTests {
    @Test("Weights must sum to 100 with exactly one price criterion")
    func criteria() throws {
        #expect(try ProcurementInput.criteria(["Pris:40:price", "Kvalitet:60"]).count == 2)
        func reason(_ raw: [String]) -> String {
            do { _ = try ProcurementInput.criteria(raw); return "" } catch { return error.english }
        }
        #expect(reason(["Pris:40:price", "Kvalitet:50"]).contains("sum to 90, not 100"))
        #expect(reason(["Kvalitet:100"]).contains("one criterion must be the price"))
        #expect(reason(["Pris:50:price", "Pris2:50:price"]).contains("only one criterion can be the price"))
        #expect(reason(["Pris:40:price", "pris:60"]).contains("named twice"))
        #expect(reason(["Pris:0:price"]).contains("weights 1–100"))
    }

    @Test("A tender prices every line above zero, and scores only quality criteria from 0 to 10")
    func tenders() throws {
        let template = [PriceTemplateLine(line: "full_day", unit: .day, quantity: 10), PriceTemplateLine(line: "transport", unit: .trip, quantity: 5)]
        #expect(try ProcurementInput.tenderPrices(["full_day=1200", "transport=300,50"], template: template)["transport"] == Money(ore: 30_050))
        #expect(throws: TunetError.self) { try ProcurementInput.tenderPrices(["full_day=1200"], template: template) }
        #expect(throws: TunetError.self) { try ProcurementInput.tenderPrices(["full_day=0", "transport=1"], template: template) }
        #expect(throws: TunetError.self) { try ProcurementInput.tenderPrices(["full_day=1", "transport=1", "lunch=1"], template: template) }
        let criteria = [AwardCriterion(name: "Pris", weight: 40, isPrice: true), AwardCriterion(name: "Kvalitet", weight: 60, isPrice: false)]
        #expect(try ProcurementInput.scores(["kvalitet=8"], criteria: criteria) == ["Kvalitet": 8])
        #expect(throws: TunetError.self) { try ProcurementInput.scores(["Kvalitet=11"], criteria: criteria) }
        #expect(throws: TunetError.self) { try ProcurementInput.scores(["Pris=5"], criteria: criteria) }
    }
}
