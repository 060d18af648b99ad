/// A school year, from 1 August to 31 July, written as Norwegian schools write it: `2026/27`.
public struct SchoolYear: Hashable, Comparable, Sendable, CustomStringConvertible, Encodable {
    /// The calendar year the school year starts in (2026 for 2026/27).
    public let startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    public init(containing day: LocalDate) {
        startYear = day.month >= 8 ? day.year : day.year - 1
    }

    public var firstDay: LocalDate { LocalDate(year: startYear, month: 8, day: 1)! }
    public var lastDay: LocalDate { LocalDate(year: startYear + 1, month: 7, day: 31)! }
    public var next: SchoolYear { SchoolYear(startYear: startYear + 1) }

    public var description: String {
        let following = (startYear + 1) % 100
        return "\(startYear)/\(following < 10 ? "0" : "")\(following)"
    }

    /// Every school year with at least one day from `from` to `to`, in order.
    public static func spanning(from: LocalDate, to: LocalDate) -> [SchoolYear] {
        guard from <= to else { return [] }
        return (SchoolYear(containing: from).startYear...SchoolYear(containing: to).startYear).map(SchoolYear.init(startYear:))
    }

    public static func < (lhs: SchoolYear, rhs: SchoolYear) -> Bool { lhs.startYear < rhs.startYear }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Whether a municipality's school calendar covers the school years a pupil is placed in.
///
/// The rule (documented in README, "Placements"): a school holiday belongs to the school year it
/// starts in, so the summer holiday from June belongs to the school year that ends with it. A
/// municipality has a school calendar for a school year when at least one of its school holidays
/// belongs to that year. Without one, a pupil's planned days run through every school holiday.
public enum SchoolCalendarRule {
    public static func hasCalendar(_ year: SchoolYear, holidays: [SchoolHoliday]) -> Bool {
        holidays.contains { SchoolYear(containing: $0.from) == year }
    }

    /// The school years from `from` to `to` that the municipality's `holidays` leave without a calendar.
    public static func missingSchoolYears(from: LocalDate, to: LocalDate, holidays: [SchoolHoliday]) -> [SchoolYear] {
        SchoolYear.spanning(from: from, to: to).filter { !hasCalendar($0, holidays: holidays) }
    }

    /// What the user reads: what is missing and how to load it.
    public static func missingMessage(municipalityNumber: String, schoolYear: SchoolYear) -> String {
        let municipality = Municipality.named(municipalityNumber)?.description ?? municipalityNumber
        return "No school calendar is recorded for \(municipality) in the school year \(schoolYear) "
            + "(\(schoolYear.firstDay.iso) to \(schoolYear.lastDay.iso)), so the pupil is planned through its school holidays. "
            + "Load it with `tunet calendar school import FILE` or add each holiday with "
            + "`tunet calendar school set --municipality \(municipalityNumber) --from DATE --to DATE --name NAME`."
    }
}

/// Something a placement should not pass over silently, though it does not refuse it.
public struct PlacementWarning: Hashable, Sendable, Encodable {
    public enum Code: String, Sendable, Encodable {
        case schoolCalendarMissing = "school_calendar_missing"
    }

    public let code: Code
    public let municipalityNumber: String
    public let schoolYear: SchoolYear
    public let message: String

    public static func schoolCalendarMissing(municipalityNumber: String, schoolYear: SchoolYear) -> PlacementWarning {
        PlacementWarning(code: .schoolCalendarMissing, municipalityNumber: municipalityNumber, schoolYear: schoolYear,
                         message: SchoolCalendarRule.missingMessage(municipalityNumber: municipalityNumber, schoolYear: schoolYear))
    }

    enum CodingKeys: String, CodingKey {
        case code, message
        case municipalityNumber = "municipality_number"
        case schoolYear = "school_year"
    }
}
