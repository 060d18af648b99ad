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

    /// What the user reads: what is missing and what it means for the pupil (each front end says how to load it).
    public static func missingMessage(municipalityNumber: String, schoolYear: SchoolYear) -> Message {
        let municipality = Municipality.named(municipalityNumber)?.description ?? municipalityNumber
        return Message("rules.school_calendar.missing", [
            "municipality": .text(municipality), "school_year": .text(schoolYear.description),
            "first": .date(schoolYear.firstDay), "last": .date(schoolYear.lastDay)])
    }
}

/// Something a placement should not pass over silently, though it does not refuse it. Programs read the
/// code and its values (`--json`); people read `message`, in their language.
public struct PlacementWarning: Hashable, Sendable, Encodable {
    public enum Code: String, Sendable, Encodable {
        case schoolCalendarMissing = "school_calendar_missing"
    }

    public let code: Code
    public let municipalityNumber: String
    public let schoolYear: SchoolYear

    public static func schoolCalendarMissing(municipalityNumber: String, schoolYear: SchoolYear) -> PlacementWarning {
        PlacementWarning(code: .schoolCalendarMissing, municipalityNumber: municipalityNumber, schoolYear: schoolYear)
    }

    public var message: Message {
        switch code {
        case .schoolCalendarMissing: SchoolCalendarRule.missingMessage(municipalityNumber: municipalityNumber, schoolYear: schoolYear)
        }
    }

    enum CodingKeys: String, CodingKey {
        case code
        case municipalityNumber = "municipality_number"
        case schoolYear = "school_year"
    }
}
