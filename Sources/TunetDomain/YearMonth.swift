/// A calendar month, as Statistics Norway names them (`2026M10`) or in ISO form (`2026-10`).
public struct YearMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    public init(_ date: LocalDate) {
        year = date.year
        month = date.month
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }
    public var lastDay: LocalDate { LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))! }

    /// Months later (earlier for a negative count). At the ends of the calendar a month can be written in
    /// (January of year 1, December 9999) it stays there: a month typed at the edge has no neighbour.
    public func adding(months: Int) -> YearMonth {
        let (sum, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        let index = overflow ? (months < 0 ? 12 : 9999 * 12 + 11) : min(max(sum, 12), 9999 * 12 + 11)
        return YearMonth(year: index / 12, month: index % 12 + 1)!
    }

    /// `2026M10`, Statistics Norway's form.
    public var ssb: String { "\(year)M\(month < 10 ? "0" : "")\(month)" }
    /// `2026-10`.
    public var iso: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    public var description: String { iso }

    public static func parse(_ raw: String) -> Result<YearMonth, FieldReason> {
        let text = raw.trimmingWhitespace().uppercased()
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "M" || $0 == "-" })
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(digitsOnly: parts[0]), let month = Int(digitsOnly: parts[1]),
              let value = YearMonth(year: year, month: month) else {
            return .failure(FieldReason("rules.month.invalid", ["text": .text(raw.trimmingWhitespace())]))
        }
        return .success(value)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard case .success(let value) = YearMonth.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a month: \(text)")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
