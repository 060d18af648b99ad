import Testing
@testable import TunetDomain
import TunetTestSupport

/// A valid agreement form that each test bends in one place.
func agreementForm() -> AgreementForm {
    var form = AgreementForm()
    form.reference = "2023/4512"
    form.title = "Inn på tunet Kongsberg"
    form.municipalities = ["3303"]
    form.parties = ["974760673:1", "923609016:2"]
    form.targetGroups = "pupils,dementia"
    form.start = "2024-01-01"
    form.end = "2025-12-31"
    form.options = ["12:2025-09-30", "12:2026-09-30"]
    form.estimatedValue = "6 000 000"
    form.maximumValue = "8000000"
    form.callOffMethod = "ranking"
    form.prices = ["974760673:full_day:day:1250", "974760673:transport:trip:350", "923609016:full_day:day:1190"]
    form.kpiBaseMonth = "2023M10"
    form.kpiIndexMonth = "10"
    return form
}

func refusal(_ form: AgreementForm) -> [FieldProblem] {
    do {
        _ = try form.agreement()
        return []
    } catch {
        return error.problems
    }
}

@Suite("Framework agreement rules")
struct AgreementRuleTests {
    @Test("A complete agreement is accepted with its options, ranks, prices and KPI clause")
    func accepts() throws {
        let (agreement, warnings) = try agreementForm().agreement()
        #expect(warnings.isEmpty)
        #expect(agreement.parties.map(\.rank) == [1, 2])
        #expect(agreement.optionStarts == [LocalDate(year: 2026, month: 1, day: 1)!, LocalDate(year: 2027, month: 1, day: 1)!])
        #expect(agreement.latestPossibleEnd == LocalDate(year: 2027, month: 12, day: 31))
        #expect(agreement.currentEnd == LocalDate(year: 2025, month: 12, day: 31))
        #expect(agreement.estimatedValue == Money.kroner(6_000_000))
        #expect(agreement.priceAdjustment == PriceAdjustmentClause(baseMonth: YearMonth(year: 2023, month: 10)!, indexMonth: 10))
    }

    @Test("Exactly four years with every option is allowed; one day more needs a special reason")
    func fourYearRule() throws {
        var form = agreementForm()
        form.options = ["12:2025-09-30", "12:2026-09-30"]
        #expect(refusal(form).isEmpty)
        form.end = "2026-01-01"
        form.options = ["12:2025-09-30", "12:2026-09-30"]
        let problems = refusal(form)
        #expect(problems.map(\.field) == ["end"])
        #expect(problems.first?.reason.english.contains("runs from 2024-01-01 to 2028-01-01, 4 years and 1 day; a framework agreement may run at most 4 years (to 2027-12-31) unless a special reason") == true)
        form.specialReason = "Investment in the farms' facilities needs six years to pay off"
        let (agreement, _) = try form.agreement()
        #expect(agreement.specialReason?.hasPrefix("Investment") == true)
    }

    @Test("An option must be decided before it would start, and not before the agreement starts")
    func optionDeadlines() {
        var form = agreementForm()
        form.options = ["12:2026-01-01"]
        #expect(refusal(form).first?.reason.english.contains("must be decided before it starts (2026-01-01)") == true)
        form.options = ["12:2025-12-31", "12:2027-01-01"]
        #expect(refusal(form).first?.reason.english.contains("option 2 must be decided before it starts (2027-01-01)") == true)
        form.options = ["12:2023-06-01"]
        #expect(refusal(form).first?.reason.english.contains("before the agreement starts") == true)
        form.options = ["0:2025-06-01"]
        #expect(refusal(form).first?.field == "option")
    }

    @Test("Each bad input is refused with its field", arguments: [
        ("price", "974760673:full_day:day:0", "above zero"),
        ("price", "974760673:full_day:day:-5", "above zero"),
        ("price", "812345672:full_day:day:100", "not a party"),
        ("price", "974760673:full day:day:100", "not a price line code"),
        ("price", "974760673:full_day:week:100", "not a unit"),
        ("end", "2023-12-31", "ends (2023-12-31) before it starts"),
        ("call-off", "lottery", "not a call-off method"),
    ])
    func badInput(_ field: String, _ value: String, _ expected: String) {
        var form = agreementForm()
        switch field {
        case "price": form.prices = [value]
        case "end": form.end = value; form.options = []
        default: form.callOffMethod = value
        }
        let problems = refusal(form)
        #expect(problems.contains { $0.field == field && $0.reason.english.contains(expected) }, "\(problems.map(\.message))")
    }

    @Test("The maximum value is required; below the estimate it is accepted with a warning")
    func maximumValue() throws {
        var form = agreementForm()
        form.maximumValue = nil
        #expect(refusal(form).first?.reason.english.contains("a maximum value is required") == true)
        form.maximumValue = "5000000"
        let (_, warnings) = try form.agreement()
        #expect(warnings.first?.english.contains("below the estimated value") == true)
    }

    @Test("A ranking agreement needs a distinct rank for every party; criteria needs the criteria written")
    func methodRules() {
        var form = agreementForm()
        form.parties = ["974760673:1", "923609016"]
        #expect(refusal(form).first?.reason.english.contains("needs a rank for every provider") == true)
        form.parties = ["974760673:1", "923609016:1"]
        #expect(refusal(form).first?.reason.english.contains("same rank") == true)
        form = agreementForm()
        form.callOffMethod = "criteria"
        #expect(refusal(form).first?.field == "allocation-criteria")
        form.allocationCriteria = "Nearest farm by travel time from the participant's home"
        #expect(refusal(form).isEmpty)
    }

    @Test("A KPI clause needs both months")
    func kpiClause() {
        var form = agreementForm()
        form.kpiIndexMonth = nil
        #expect(refusal(form).first?.field == "kpi-month")
        form.kpiIndexMonth = "13"
        #expect(refusal(form).first?.reason.english.contains("1 to 12") == true)
    }
}

@Suite("Prices over time")
struct PriceVersionTests {
    let lia = try! OrganisationNumber.parse("974760673").get()

    @Test("A price is looked up by date: the latest version valid from that day or earlier")
    func lookupByDate() {
        let list = PriceList([
            PriceVersion(provider: lia, line: "full_day", unit: .day, validFrom: LocalDate(year: 2025, month: 1, day: 1)!, amount: Money(ore: 128_195), source: "kpi 2025"),
            PriceVersion(provider: lia, line: "full_day", unit: .day, validFrom: LocalDate(year: 2024, month: 1, day: 1)!, amount: Money(ore: 125_000), source: "agreement"),
        ])
        #expect(list.price(provider: lia, line: "full_day", on: LocalDate(year: 2023, month: 12, day: 31)!) == nil)
        #expect(list.price(provider: lia, line: "full_day", on: LocalDate(year: 2024, month: 12, day: 31)!)?.amount == Money(ore: 125_000))
        #expect(list.price(provider: lia, line: "full_day", on: LocalDate(year: 2025, month: 1, day: 1)!)?.amount == Money(ore: 128_195))
        #expect(list.originalPrices.first?.source == "agreement")
    }

    @Test("KPI adjustment rounds to the nearest øre, halves away from zero")
    func rounding() {
        let base = IndexValue(tenths: 1330), reference = IndexValue(tenths: 1398)
        // 1250.00 × 139.8 / 133.0 = 1313.9097…
        #expect(PriceAdjustmentClause.adjust(Money(ore: 125_000), base: base, reference: reference) == Money(ore: 131_391))
        // 100.00 × 100.5 / 100.0 = 100.50 exactly; 0.01 × 150.0 / 100.0 = 0.015 → 0.02 (half up)
        #expect(PriceAdjustmentClause.adjust(Money(ore: 10_000), base: IndexValue(tenths: 1000), reference: IndexValue(tenths: 1005)) == Money(ore: 10_050))
        #expect(PriceAdjustmentClause.adjust(Money(ore: 1), base: IndexValue(tenths: 1000), reference: IndexValue(tenths: 1500)) == Money(ore: 2))
        #expect(PriceAdjustmentClause.adjust(Money(ore: 1), base: IndexValue(tenths: 1000), reference: IndexValue(tenths: 1499)) == Money(ore: 1))
    }

    @Test("The reference month is the index month before the adjustment takes effect")
    func referenceMonth() {
        let january = PriceAdjustmentClause(baseMonth: YearMonth(year: 2023, month: 10)!, indexMonth: 10, effectiveMonth: 1)
        #expect(january.referenceMonth(year: 2027) == YearMonth(year: 2026, month: 10))
        #expect(january.effectiveDate(year: 2027) == LocalDate(year: 2027, month: 1, day: 1))
        let july = PriceAdjustmentClause(baseMonth: YearMonth(year: 2023, month: 4)!, indexMonth: 4, effectiveMonth: 7)
        #expect(july.referenceMonth(year: 2027) == YearMonth(year: 2027, month: 4))
    }

    @Test("Index values and months are read as Statistics Norway writes them")
    func parsing() throws {
        #expect(try IndexValue.parse("137.4").get() == IndexValue(tenths: 1374))
        #expect(try IndexValue.parse("137,4").get() == IndexValue(tenths: 1374))
        #expect((try? IndexValue.parse("137.45").get()) == nil)
        #expect(try YearMonth.parse("2026M10").get() == YearMonth(year: 2026, month: 10))
        #expect(try YearMonth.parse("2026-03").get().ssb == "2026M03")
        #expect((try? YearMonth.parse("2026M13").get()) == nil)
    }

    @Test("One-decimal values (index values, attendance hours) read the same through the quick path for plain digits as through the full one")
    func plainDigitsAgree() {
        #expect(IndexValue.parsePlain("45") == IndexValue(tenths: 450))
        #expect(IndexValue.parsePlain("4,5") == IndexValue(tenths: 45))
        for text in ["", "0", "0.0", "4.", ".5", "4.55", "4..5", " 4.5", "4.5 ", "-4", "123456", "99999"] {
            #expect(IndexValue.parsePlain(text) == nil, "\(text)")
        }
        var random = SplitMix64(seed: 42)
        let alphabet = Array("0123456789.,- a")
        for _ in 0..<5_000 {
            let text = String((0..<Int(random.next() % 8)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            if let quick = IndexValue.parsePlain(text) {
                #expect((try? IndexValue.parseAnyForm(text).get()) == quick, "\(text)")
            }
            #expect((try? IndexValue.parse(text).get()) == (try? IndexValue.parseAnyForm(text).get()), "\(text)")
        }
    }
}

@Suite("Agreement status")
struct AgreementStatusTests {
    @Test("Draft before the start, active, expiring within six months, expired, terminated and exhausted")
    func statuses() throws {
        var (agreement, _) = try agreementForm().agreement()
        func status(_ text: String, used: Int64 = 0) -> AgreementStatus {
            AgreementStatus.of(agreement, on: try! LocalDate.parse(text).get(), used: Money.kroner(used))
        }
        #expect(status("2023-12-31") == .draft)
        #expect(status("2024-06-01") == .active)
        #expect(status("2025-07-01") == .expiring)
        // Six months from the last day of June is the last day of December, when the agreement ends.
        #expect(status("2025-06-30") == .expiring)
        #expect(status("2025-06-29") == .active)
        #expect(status("2026-01-01") == .expired)
        #expect(status("2024-06-01", used: 8_000_000) == .exhausted)
        agreement.options[0].exercisedOn = LocalDate(year: 2025, month: 9, day: 1)
        #expect(status("2026-01-01") == .active)
        agreement.terminatedOn = LocalDate(year: 2024, month: 7, day: 1)
        #expect(status("2024-07-01") == .terminated)
        #expect(status("2024-06-30") == .active)
    }

    @Test("Headroom and the percentage used")
    func consumption() {
        let use = Consumption(maximum: Money.kroner(8_000_000), committed: Money.kroner(5_000_000), spent: Money.kroner(1_399_960))
        #expect(use.headroom == Money.kroner(1_600_040))
        // 6 399 960 of 8 000 000 is 79,9995 %: shown rounded, compared exactly.
        #expect(use.percentUsedText == "80,0 %")
        #expect(use.percentUsed?.reaches(percent: 80) == false)
        #expect(Consumption(maximum: Money.kroner(8_000_000), committed: .zero, spent: .zero).percentUsedText == "0,0 %")
        #expect(Consumption(maximum: .zero, committed: .zero, spent: .zero).percentUsedText == "–")
    }
}
