/// Norwegian public holidays, computed (the Easter-based feasts from Easter Sunday), never listed per year.
public enum NorwegianCalendar {
    /// Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm).
    public static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)!
    }

    /// The public holidays of a year, in date order.
    public static func publicHolidays(_ year: Int) -> [(date: LocalDate, holiday: PublicHoliday)] {
        let easter = easterSunday(year)
        let holidays: [(LocalDate, PublicHoliday)] = [
            (LocalDate(year: year, month: 1, day: 1)!, .newYearsDay),
            (easter.adding(days: -3), .maundyThursday),
            (easter.adding(days: -2), .goodFriday),
            (easter, .easterSunday),
            (easter.adding(days: 1), .easterMonday),
            (LocalDate(year: year, month: 5, day: 1)!, .labourDay),
            (LocalDate(year: year, month: 5, day: 17)!, .constitutionDay),
            (easter.adding(days: 39), .ascensionDay),
            (easter.adding(days: 49), .whitSunday),
            (easter.adding(days: 50), .whitMonday),
            (LocalDate(year: year, month: 12, day: 25)!, .christmasDay),
            (LocalDate(year: year, month: 12, day: 26)!, .boxingDay),
        ]
        return holidays.sorted { $0.0 < $1.0 }.map { (date: $0.0, holiday: $0.1) }
    }

    public static func publicHoliday(_ date: LocalDate) -> PublicHoliday? {
        publicHolidays(date.year).first { $0.date == date }?.holiday
    }

    public static func isPublicHoliday(_ date: LocalDate) -> Bool { publicHoliday(date) != nil }

    /// Monday to Friday and not a public holiday.
    public static func isWorkingDay(_ date: LocalDate) -> Bool {
        date.weekday.rawValue <= 5 && !isPublicHoliday(date)
    }
}

/// A school holiday period in one municipality (høstferie, juleferie, vinterferie, påskeferie, sommerferie).
public struct SchoolHoliday: Hashable, Sendable, Codable {
    public var municipalityNumber: String
    public var from: LocalDate
    public var to: LocalDate
    public var name: String

    public init(municipalityNumber: String, from: LocalDate, to: LocalDate, name: String) {
        self.municipalityNumber = municipalityNumber
        self.from = from
        self.to = to
        self.name = name
    }

    public func contains(_ date: LocalDate) -> Bool { from <= date && date <= to }

    enum CodingKeys: String, CodingKey {
        case municipalityNumber = "municipality_number"
        case from, to, name
    }
}

/// A public holiday by law (helligdagsloven and 1 and 17 May), as a code; a person reads its name
/// ("Kristi himmelfartsdag", "Ascension Day").
public enum PublicHoliday: String, Codable, CaseIterable, Sendable {
    case newYearsDay = "new_years_day"
    case maundyThursday = "maundy_thursday"
    case goodFriday = "good_friday"
    case easterSunday = "easter_sunday"
    case easterMonday = "easter_monday"
    case labourDay = "labour_day"
    case constitutionDay = "constitution_day"
    case ascensionDay = "ascension_day"
    case whitSunday = "whit_sunday"
    case whitMonday = "whit_monday"
    case christmasDay = "christmas_day"
    case boxingDay = "boxing_day"
}
