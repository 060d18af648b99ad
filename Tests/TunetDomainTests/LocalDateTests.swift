import Testing
@testable import TunetDomain
import TunetTestSupport

@Suite("Calendar days")
struct LocalDateTests {
    @Test("ISO and Norwegian forms give the same day")
    func parsesBothForms() throws {
        let iso = try LocalDate.parse("2026-03-14").get()
        let norwegian = try LocalDate.parse("14.03.2026").get()
        let excel = try LocalDate.parse("4.3.2026").get()
        #expect(iso == norwegian)
        #expect(iso == LocalDate(year: 2026, month: 3, day: 14))
        #expect(excel == LocalDate(year: 2026, month: 3, day: 4))
        #expect(iso.iso == "2026-03-14")
        #expect(iso.norwegian == "14.03.2026")
    }

    @Test("Days are written zero-padded, early years and years past 9999 included")
    func writesPaddedForms() throws {
        let early = try #require(LocalDate(year: 1, month: 2, day: 3))
        #expect(early.iso == "0001-02-03")
        #expect(early.norwegian == "03.02.0001")
        let last = try #require(LocalDate(year: 9999, month: 12, day: 31))
        #expect(last.iso == "9999-12-31")
        #expect(LocalDate(dayNumber: last.dayNumber + 1).iso == "10000-01-01")
    }

    @Test("Days that do not exist are refused with a plain reason", arguments: ["2026-02-29", "31.04.2026", "2026-13-01", "00.01.2026"])
    func refusesImpossibleDays(_ text: String) {
        guard case .failure(let problem) = LocalDate.parse(text) else {
            Issue.record("accepted \(text)")
            return
        }
        #expect(problem.reason.english.contains("not a day in the calendar"))
    }

    @Test("Other forms are refused and the message shows the accepted ones", arguments: ["2026-3-1", "14/03/2026", "14.03.26", "March 14", "2026-03-14T10:00"])
    func refusesOtherForms(_ text: String) {
        guard case .failure(let problem) = LocalDate.parse(text) else {
            Issue.record("accepted \(text)")
            return
        }
        #expect(problem.reason.english.contains("YYYY-MM-DD or DD.MM.YYYY"))
    }

    @Test("Leap days exist only in leap years")
    func leapDays() {
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2100, month: 2, day: 29) == nil)
    }

    @Test("Weekdays are right across years")
    func weekdays() {
        #expect(LocalDate(year: 2026, month: 11, day: 23)!.weekday == .monday)
        #expect(LocalDate(year: 1970, month: 1, day: 1)!.weekday == .thursday)
        #expect(LocalDate(year: 2024, month: 2, day: 29)!.weekday == .thursday)
        #expect(LocalDate(year: 2030, month: 12, day: 25)!.weekday == .wednesday)
    }

    @Test("Day arithmetic crosses months and years, and day numbers round-trip")
    func arithmetic() {
        let date = LocalDate(year: 2026, month: 12, day: 28)!
        #expect(date.adding(days: 10) == LocalDate(year: 2027, month: 1, day: 7))
        #expect(date.days(until: LocalDate(year: 2027, month: 1, day: 7)!) == 10)
        for dayNumber in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(dayNumber: dayNumber).dayNumber == dayNumber)
        }
    }

    @Test("Adding months keeps the day where it can and clamps it at a month's end")
    func addingMonths() {
        #expect(LocalDate(year: 2026, month: 1, day: 31)!.adding(months: 1) == LocalDate(year: 2026, month: 2, day: 28))
        #expect(LocalDate(year: 2024, month: 2, day: 29)!.adding(years: 1) == LocalDate(year: 2025, month: 2, day: 28))
        #expect(LocalDate(year: 2026, month: 11, day: 15)!.adding(months: 3) == LocalDate(year: 2027, month: 2, day: 15))
        #expect(LocalDate(year: 2026, month: 3, day: 15)!.adding(months: -3) == LocalDate(year: 2025, month: 12, day: 15))
        #expect(LocalDate(year: 2027, month: 1, day: 30)!.adding(months: 1) == LocalDate(year: 2027, month: 2, day: 28))
        #expect(LocalDate(year: 2027, month: 3, day: 30)!.adding(months: 3) == LocalDate(year: 2027, month: 6, day: 30))
        #expect(LocalDate(year: 2027, month: 5, day: 30)!.adding(months: 1) == LocalDate(year: 2027, month: 6, day: 30))
    }

    @Test("A period that ends on a month's last day still does after any number of months, leap years included")
    func monthEndsStayMonthEnds() throws {
        #expect(LocalDate(year: 2027, month: 6, day: 30)!.adding(months: 6) == LocalDate(year: 2027, month: 12, day: 31))
        #expect(LocalDate(year: 2028, month: 2, day: 29)!.adding(months: 1) == LocalDate(year: 2028, month: 3, day: 31))
        #expect(LocalDate(year: 2027, month: 2, day: 28)!.adding(months: 12) == LocalDate(year: 2028, month: 2, day: 29))
        #expect(LocalDate(year: 2028, month: 2, day: 29)!.adding(months: 12) == LocalDate(year: 2029, month: 2, day: 28))
        #expect(LocalDate(year: 2027, month: 4, day: 30)!.adding(months: -2) == LocalDate(year: 2027, month: 2, day: 28))
        #expect(LocalDate(year: 2099, month: 2, day: 28)!.adding(months: 12 * 101) == LocalDate(year: 2200, month: 2, day: 28))
        for year in 2023...2032 {
            for month in 1...12 {
                let end = try #require(LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year)))
                #expect(end.isLastDayOfMonth)
                for months in -30...60 {
                    let moved = end.adding(months: months)
                    #expect(moved.isLastDayOfMonth, "\(end.iso) + \(months) months = \(moved.iso)")
                    #expect((moved.year * 12 + moved.month) - (year * 12 + month) == months)
                }
                let dayBefore = end.adding(days: -1)
                #expect(!dayBefore.isLastDayOfMonth)
            }
        }
    }

    @Test("A period of months that begins on a day ends the day before the same day that many months later")
    func periodsOfMonths() {
        #expect(LocalDate(year: 2027, month: 3, day: 29)!.lastDayOfPeriod(months: 48) == LocalDate(year: 2031, month: 3, day: 28))
        #expect(LocalDate(year: 2024, month: 1, day: 1)!.lastDayOfPeriod(months: 48) == LocalDate(year: 2027, month: 12, day: 31))
        #expect(LocalDate(year: 2027, month: 3, day: 1)!.lastDayOfPeriod(months: 12) == LocalDate(year: 2028, month: 2, day: 29))
        #expect(LocalDate(year: 2028, month: 3, day: 1)!.lastDayOfPeriod(months: 12) == LocalDate(year: 2029, month: 2, day: 28))
        #expect(LocalDate(year: 2024, month: 2, day: 29)!.lastDayOfPeriod(months: 48) == LocalDate(year: 2028, month: 2, day: 28))
        #expect(LocalDate(year: 2027, month: 7, day: 1)!.lastDayOfPeriod(months: 6) == LocalDate(year: 2027, month: 12, day: 31))
    }
}

@Suite("Weekday lists")
struct WeekdaySetTests {
    @Test("English, Norwegian and ranges are understood")
    func parses() throws {
        #expect(try WeekdaySet.parse("mon-fri").get() == WeekdaySet.workdays)
        #expect(try WeekdaySet.parse("man, ons").get() == WeekdaySet([.monday, .wednesday]))
        #expect(try WeekdaySet.parse("Tirsdag;Torsdag").get() == WeekdaySet([.tuesday, .thursday]))
        #expect(try WeekdaySet.parse("man–fre").get().codes == "mon,tue,wed,thu,fri")
    }

    @Test("Runs of three or more days read as ranges")
    func display() throws {
        #expect(WeekdaySet.workdays.display == "mon-fri")
        #expect(try WeekdaySet.parse("mon,wed,fri").get().display == "mon,wed,fri")
        #expect(try WeekdaySet.parse("tue-thu,sat").get().display == "tue-thu,sat")
        #expect(try WeekdaySet.parse("mon,tue").get().display == "mon,tue")
    }

    @Test("Unknown names, backward ranges and empty lists are refused", arguments: ["funday", "fri-mon", "", "mon-"])
    func refuses(_ text: String) {
        #expect((try? WeekdaySet.parse(text).get()) == nil)
    }
}

@Suite("Money is exact øre")
struct MoneyTests {
    @Test("Amounts are read as Norwegians write them", arguments: [
        ("1250", 125_000), ("1 250,50", 125_050), ("1250.5", 125_050), ("kr 1 250,-", 125_000), ("NOK 0,01", 1), ("-15,00", -1_500),
    ])
    func parses(_ text: String, _ ore: Int64) throws {
        #expect(try Money.parse(text).get() == Money(ore: ore))
    }

    @Test("Ambiguous or over-precise amounts are refused, never rounded", arguments: ["12,345", "1.250,50", "abc", "", "1,2,3"])
    func refuses(_ text: String) {
        #expect((try? Money.parse(text).get()) == nil)
    }

    @Test("Amounts print with Norwegian grouping and a decimal comma")
    func formats() {
        #expect(Money(ore: 123_456_789).formatted == "1 234 567,89")
        #expect(Money(ore: -5).formatted == "-0,05")
        #expect(Money(ore: 100_000).decimalString == "1000.00")
    }
}

@Suite("The Norwegian calendar")
struct NorwegianCalendarTests {
    @Test("Easter Sunday 2024–2030 falls on the known dates", arguments: [
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
        (2028, "2028-04-16"), (2029, "2029-04-01"), (2030, "2030-04-21"),
    ])
    func easter(_ year: Int, _ expected: String) throws {
        #expect(NorwegianCalendar.easterSunday(year) == (try LocalDate.parse(expected).get()))
    }

    @Test("The twelve public holidays of 2026, the Easter-based ones moved from Easter Sunday")
    func holidays2026() {
        let days = NorwegianCalendar.publicHolidays(2026).map(\.date.iso)
        #expect(days == ["2026-01-01", "2026-04-02", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-14",
                         "2026-05-17", "2026-05-24", "2026-05-25", "2026-12-25", "2026-12-26"])
        #expect(NorwegianCalendar.publicHoliday(LocalDate(year: 2026, month: 5, day: 14)!) == .ascensionDay)
    }

    @Test("Ascension and Whit Monday follow Easter in other years too")
    func movableFeasts() {
        #expect(NorwegianCalendar.isPublicHoliday(LocalDate(year: 2025, month: 5, day: 29)!))   // Ascension 2025
        #expect(NorwegianCalendar.isPublicHoliday(LocalDate(year: 2030, month: 6, day: 10)!))   // Whit Monday 2030
        #expect(NorwegianCalendar.isPublicHoliday(LocalDate(year: 2027, month: 3, day: 25)!))   // Maundy Thursday 2027
        #expect(!NorwegianCalendar.isPublicHoliday(LocalDate(year: 2026, month: 12, day: 24)!)) // Christmas Eve is not one
    }

    @Test("Working days exclude weekends and public holidays")
    func workingDays() {
        #expect(NorwegianCalendar.isWorkingDay(LocalDate(year: 2026, month: 11, day: 23)!))
        #expect(!NorwegianCalendar.isWorkingDay(LocalDate(year: 2026, month: 11, day: 22)!))
        #expect(!NorwegianCalendar.isWorkingDay(LocalDate(year: 2026, month: 5, day: 1)!))
    }
}

@Suite("Months at the ends of the calendar")
struct CalendarEdgeTests {
    @Test("A month at the edge of the calendar has no neighbour beyond it, and asking for one is no crash")
    func edges() {
        let last = YearMonth(year: 9999, month: 12)!, first = YearMonth(year: 1, month: 1)!
        #expect(last.adding(months: 1) == last)
        #expect(first.adding(months: -1) == first)
        #expect(last.adding(months: Int.max) == last && first.adding(months: Int.min) == first)
        #expect(YearMonth(year: 2026, month: 12)!.adding(months: 1) == YearMonth(year: 2027, month: 1))
        #expect(LocalDate(year: 9999, month: 12, day: 31)!.adding(months: 1) == LocalDate(year: 9999, month: 12, day: 31))
        #expect(LocalDate(year: 1, month: 1, day: 15)!.adding(months: -2) == LocalDate(year: 1, month: 1, day: 15))
    }
}
