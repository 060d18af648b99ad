import Testing
import TunetDomain
import TunetText

/// The day an agreement's maximum value is reached at today's pace, on constructed histories with known answers.
@Suite("The ceiling forecast: when the maximum value is reached at today's pace")
struct CeilingForecastTests {
    static func day(_ iso: String) -> LocalDate { try! LocalDate.parse(iso).get() }
    static func kroner(_ amount: Int64) -> Money { Money(ore: amount * 100) }

    /// Each of the 90 days before `today` costing `perDay(i)` kroner (i = 0 for the first of them).
    static func history(before today: LocalDate, _ perDay: (Int) -> Int64) -> [Int: Money] {
        Dictionary(uniqueKeysWithValues: (0..<90).map { (today.dayNumber - 90 + $0, kroner(perDay($0))) })
    }

    static func forecast(maximum: Int64, used: Int64, today: String = "2027-01-01", end: String = "2028-12-31",
                         history perDay: (Int) -> Int64, ahead: [Int: Money] = [:]) -> CeilingForecast {
        let today = day(today)
        return CeilingForecast(maximum: kroner(maximum), used: kroner(used), today: today, agreementEnd: day(end),
                               history: history(before: today, perDay), committedAhead: ahead)
    }

    @Test("At a steady kr 1 000 a day with nothing committed ahead, kr 100 000 of room lasts 100 days, today included")
    func steadyPace() {
        let forecast = Self.forecast(maximum: 600_000, used: 500_000, history: { _ in 1_000 })
        #expect(forecast.expected == .reached(Self.day("2027-04-10")))
        #expect(forecast.earliest == forecast.expected && forecast.latest == forecast.expected)
        #expect(forecast.pacePerDay == Self.kroner(1_000))
    }

    @Test("Placements committed ahead are in the used value already: new call-offs begin only where the pace outruns them")
    func committedAhead() {
        let today = Self.day("2027-01-01")
        let ahead = Dictionary(uniqueKeysWithValues: (0..<30).map { (today.dayNumber + $0, Self.kroner(1_000)) })
        let forecast = Self.forecast(maximum: 600_000, used: 500_000, history: { _ in 1_000 }, ahead: ahead)
        #expect(forecast.expected == .reached(today.adding(days: 129)))
        // Kr 50 000 committed for the next ten days covers fifty days of the pace.
        let heavy = Dictionary(uniqueKeysWithValues: (0..<10).map { (today.dayNumber + $0, Self.kroner(5_000)) })
        #expect(Self.forecast(maximum: 600_000, used: 500_000, history: { _ in 1_000 }, ahead: heavy).expected
                == .reached(today.adding(days: 149)))
    }

    @Test("A school week's placements committed ahead do not count their weekends as new call-offs")
    func weekendsAhead() {
        let today = Self.day("2027-01-04")
        // Monday to Friday at kr 1 400 is kr 7 000 a week, the pace of kr 1 000 a day: nothing new until they end.
        let ahead = Dictionary(uniqueKeysWithValues: (0..<70).compactMap { offset -> (Int, Money)? in
            let date = today.adding(days: offset)
            return date.weekday.rawValue <= 5 ? (date.dayNumber, Self.kroner(1_400)) : nil
        })
        let forecast = Self.forecast(maximum: 550_000, used: 500_000, today: "2027-01-04", history: { _ in 1_000 }, ahead: ahead)
        // Ten weeks (kr 70 000) committed, each week paid for by its Friday; kr 50 000 of room then lasts 50 days more.
        #expect(forecast.expected == .reached(today.adding(days: 69 + 50)))
    }

    @Test("The range takes the fastest and the slowest 30 days of the 90")
    func range() {
        let forecast = Self.forecast(maximum: 590_000, used: 500_000, history: { $0 < 30 ? 500 : $0 < 60 ? 1_000 : 1_500 })
        let today = Self.day("2027-01-01")
        #expect(forecast.expected == .reached(today.adding(days: 89)))
        #expect(forecast.earliest == .reached(today.adding(days: 59)))
        #expect(forecast.latest == .reached(today.adding(days: 179)))
        #expect(Texts(.nb).render(forecast.message)
                == "Med dagens tempo nås maksimalverdien 31.03.2027 (mellom 01.03.2027 og 29.06.2027), 21 måneder før avtalen utløper.")
    }

    @Test("14.09.2027 is 3½ months before an agreement that ends 31.12.2027, told in both languages")
    func monthsBeforeEnd() {
        let forecast = Self.forecast(maximum: 606_000, used: 500_000, today: "2027-06-01", end: "2027-12-31", history: { _ in 1_000 })
        #expect(forecast.expected == .reached(Self.day("2027-09-14")))
        #expect(Texts(.nb).render(forecast.message) == "Med dagens tempo nås maksimalverdien 14.09.2027, 3½ måneder før avtalen utløper.")
        #expect(Texts(.en).render(forecast.message).hasPrefix("At this pace the maximum value is reached on "))
        #expect(Texts(.en).render(forecast.message).hasSuffix(", 3½ months before the agreement ends."))
        #expect(forecast.isEarly(leadDays: 0))
    }

    @Test("A pace of zero never reaches the maximum, and a day past the agreement's end and the lead time is not early")
    func zeroPace() {
        let idle = Self.forecast(maximum: 600_000, used: 500_000, history: { _ in 0 })
        #expect(idle.expected == .notAtThisPace && idle.earliest == .notAtThisPace && idle.latest == .notAtThisPace)
        #expect(Texts(.nb).render(idle.message) == "Med tempoet de siste 90 dagene nås ikke maksimalverdien.")
        #expect(!idle.isEarly(leadDays: 270))
        // One third of the window idle: the slowest third gives no latest day, and the range stays open.
        let uneven = Self.forecast(maximum: 600_000, used: 500_000, history: { $0 < 30 ? 0 : 1_500 })
        #expect(uneven.expected == .reached(Self.day("2027-04-10")))
        #expect(uneven.latest == .notAtThisPace)
        #expect(Texts(.nb).render(uneven.message).contains("(tidligst "))
        let late = Self.forecast(maximum: 2_000_000, used: 500_000, end: "2027-12-31", history: { _ in 1_000 })
        #expect(late.expected == .reached(Self.day("2027-01-01").adding(days: 1_499)))
        #expect(!late.isEarly(leadDays: 270))
        #expect(Texts(.nb).render(late.message).hasSuffix("etter at avtalen utløper 31.12.2027."))
    }

    @Test("An agreement already exhausted is told so whatever its pace, and is early")
    func exhausted() {
        for pace in [Int64(0), 1_000] {
            let forecast = Self.forecast(maximum: 500_000, used: 500_001, history: { _ in pace })
            #expect(forecast.expected == .alreadyReached && forecast.earliest == .alreadyReached)
            #expect(forecast.isEarly(leadDays: 0))
            #expect(Texts(.en).render(forecast.message) == "The maximum value has already been reached.")
        }
    }

    @Test("Amounts near the largest øre value do not overflow, and days beyond a hundred years are not promised")
    func extremes() {
        let huge = CeilingForecast(maximum: Money(ore: .max), used: .zero, today: Self.day("2027-01-01"), agreementEnd: Self.day("2028-12-31"),
                                   history: Self.history(before: Self.day("2027-01-01")) { _ in 1 }, committedAhead: [:])
        #expect(huge.expected == .notAtThisPace)
        let fast = CeilingForecast(maximum: Money(ore: .max), used: .zero, today: Self.day("2027-01-01"), agreementEnd: Self.day("2028-12-31"),
                                   history: [Self.day("2026-12-31").dayNumber: Money(ore: .max)], committedAhead: [:])
        #expect(fast.expected == .reached(Self.day("2027-01-01").adding(days: 89)))
    }

    @Test("An agreement 30 days old takes its pace from those 30 days, not from 90 with 60 empty ones")
    func youngAgreement() {
        let today = Self.day("2027-01-31")
        let history = Self.history(before: today) { $0 < 60 ? 0 : 1_000 }
        let young = CeilingForecast(maximum: Self.kroner(600_000), used: Self.kroner(500_000), today: today, agreementEnd: Self.day("2028-12-31"),
                                    history: history, committedAhead: [:], firstDay: Self.day("2027-01-01"))
        #expect(young.coveredDays == 30)
        #expect(young.pacePerDay == Self.kroner(1_000))
        #expect(young.expected == .reached(today.adding(days: 99)))
        #expect(young.earliest == young.expected && young.latest == young.expected)
    }

    @Test("Half a month before the end is said so; a day past every option is not early, one before it within the lead time is")
    func halfMonthAndOptions() {
        // kr 20 000 of room at kr 1 000 a day: 20.01.2027, 20 days before an end of 09.02.2027.
        let close = Self.forecast(maximum: 520_000, used: 500_000, end: "2027-02-09", history: { _ in 1_000 })
        #expect(Texts(.nb).render(close.message).hasSuffix(", en halv måned før avtalen utløper."))
        let today = Self.day("2027-01-01")
        func forecast(latestEnd: String) -> CeilingForecast {
            CeilingForecast(maximum: Self.kroner(700_000), used: Self.kroner(500_000), today: today, agreementEnd: Self.day("2027-03-31"),
                            history: Self.history(before: today) { _ in 1_000 }, committedAhead: [:], latestEnd: Self.day(latestEnd))
        }
        #expect(forecast(latestEnd: "2027-03-31").expected == .reached(today.adding(days: 199)))
        #expect(!forecast(latestEnd: "2027-03-31").isEarly(leadDays: 270), "past the agreement's last possible day")
        #expect(forecast(latestEnd: "2028-03-31").isEarly(leadDays: 270), "an option could extend it into that day")
    }
}
