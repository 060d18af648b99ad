/// A Norwegian calendar day. Placements, attendance and agreements live on calendar days
/// in Europe/Oslo, so Tunet never stores them as instants (`Date`) that a time zone could shift.
public struct LocalDate: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int
    /// Days since 1970-01-01, the inverse of `init(dayNumber:)`. Worked out once, when the day is made:
    /// every comparison, planned-day look-up and day-key of a million attendance rows needs it.
    public let dayNumber: Int

    /// Returns nil for a day that does not exist (31 April, 29 February in a common year).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        dayNumber = Self.dayNumber(year: year, month: month, day: day)
    }

    /// Howard Hinnant's civil-calendar algorithm: exact for the proleptic Gregorian calendar.
    private static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
        self.dayNumber = dayNumber
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var weekday: Weekday { Weekday(dayNumber: dayNumber) }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Calendar months the way contracts count them, the one place Tunet adds months. A day at the end of
    /// its month stays at the end of the month, so a period that ends on a month's last day still does when
    /// it is lengthened (30 June + 6 months = 31 December, 29 February 2028 + 1 month = 31 March); any other
    /// day keeps its number, or becomes the last day of a month too short for it (30 January + 1 month =
    /// 28 February). At the ends of the calendar (year 1, year 9999) it stays in the first or last month.
    public func adding(months: Int) -> LocalDate {
        let target = YearMonth(self).adding(months: months)
        let newYear = target.year
        let newMonth = target.month
        let lastDayOfNewMonth = LocalDate.daysIn(month: newMonth, year: newYear)
        let newDay = isLastDayOfMonth ? lastDayOfNewMonth : min(day, lastDayOfNewMonth)
        return LocalDate(year: newYear, month: newMonth, day: newDay)!
    }

    public func adding(years: Int) -> LocalDate { adding(months: years * 12) }

    /// The last day of a period of `months` calendar months that begins on this day: the day before the
    /// same day `months` later (29 March 2027 + 48 months ends 28 March 2031; 1 March 2027 + 12 months
    /// ends 29 February 2028, since the day before is the end of February).
    public func lastDayOfPeriod(months: Int) -> LocalDate { adding(days: -1).adding(months: months) }

    public var isLastDayOfMonth: Bool { day == LocalDate.daysIn(month: month, year: year) }

    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// The day number says it all: one integer to compare and hash instead of four.
    public static func == (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber == rhs.dayNumber }

    public func hash(into hasher: inout Hasher) { hasher.combine(dayNumber) }

    /// ISO 8601, the form Tunet stores and prints for programs.
    public var iso: String {
        joined((year, 4), (month, 2), (day, 2), separator: "-")
    }

    /// The ISO form's bytes written at `start` of `buffer` (ten of them, `isoLength`), for a year of four
    /// digits; false, with nothing written, for any other. Lets a writer of many dates bind them from one
    /// buffer instead of making a string for each.
    public func writeISO(into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Bool {
        guard (0...9999).contains(year), start >= 0, start + Self.isoLength <= buffer.count else { return false }
        Self.write(year, width: 4, at: start, in: buffer)
        buffer[start + 4] = UInt8(ascii: "-")
        Self.write(month, width: 2, at: start + 5, in: buffer)
        buffer[start + 7] = UInt8(ascii: "-")
        Self.write(day, width: 2, at: start + 8, in: buffer)
        return true
    }

    /// The length of the ISO form of a date with a four-digit year.
    public static let isoLength = 10

    /// The Norwegian written form, DD.MM.YYYY.
    public var norwegian: String {
        joined((day, 2), (month, 2), (year, 4), separator: ".")
    }

    /// Three zero-padded numbers and two separators written straight into the string's storage.
    private func joined(_ first: (value: Int, width: Int), _ second: (value: Int, width: Int), _ third: (value: Int, width: Int),
                        separator: Unicode.Scalar) -> String {
        guard (0...9999).contains(year) else {
            return fixedWidth([first, second, third], separator: separator)
        }
        let length = first.width + second.width + third.width + 2
        return String(unsafeUninitializedCapacity: length) { buffer in
            Self.write(first.value, width: first.width, at: 0, in: buffer)
            buffer[first.width] = UInt8(ascii: separator)
            Self.write(second.value, width: second.width, at: first.width + 1, in: buffer)
            buffer[first.width + second.width + 1] = UInt8(ascii: separator)
            Self.write(third.value, width: third.width, at: first.width + second.width + 2, in: buffer)
            return length
        }
    }

    /// Zero-padded digits of `value` into `width` bytes: the common case of a four-digit year, without the
    /// list of parts `fixedWidth` takes (a million dates are written an import, an export and an upload's
    /// stored days).
    private static func write(_ value: Int, width: Int, at start: Int, in buffer: UnsafeMutableBufferPointer<UInt8>) {
        var value = value
        for offset in stride(from: width - 1, through: 0, by: -1) {
            buffer[start + offset] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
    }
}

/// Zero-padded numbers joined by a separator, as many digits as a part takes beyond its width (a year
/// past 9999 from day arithmetic).
private func fixedWidth(_ parts: [(value: Int, width: Int)], separator: Unicode.Scalar) -> String {
    parts.map { String(repeating: "0", count: max(0, $0.width - String($0.value).count)) + String($0.value) }
        .joined(separator: String(separator))
}

extension LocalDate: CustomStringConvertible {
    public var description: String { iso }
}

extension LocalDate: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch LocalDate.parse(text) {
        case .success(let date): self = date
        case .failure(let problem):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem.reason.description)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// Why a text is not a date, in words a user understands.
public struct DateParseProblem: Error, Equatable, Sendable {
    public let reason: Message
}

extension LocalDate {
    /// Accepts the two forms people type and spreadsheets write: `2026-03-14` (ISO) and
    /// `14.03.2026` (Norwegian; `4.3.2026` too, as Excel writes it without leading zeros).
    public static func parse(_ raw: String) -> Result<LocalDate, DateParseProblem> {
        if let date = parseExactly(raw) { return .success(date) }
        let text = raw.trimmingWhitespace()
        if text.isEmpty {
            return .failure(DateParseProblem(reason: Message("rules.date.required")))
        }
        let parts: [Substring]
        let year: Int?, month: Int?, day: Int?
        if text.contains("-") {
            parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else {
                return .failure(unrecognised(text))
            }
            (year, month, day) = (Int(digitsOnly: parts[0]), Int(digitsOnly: parts[1]), Int(digitsOnly: parts[2]))
        } else if text.contains(".") {
            parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                  parts[2].count == 4 else {
                return .failure(unrecognised(text))
            }
            (year, month, day) = (Int(digitsOnly: parts[2]), Int(digitsOnly: parts[1]), Int(digitsOnly: parts[0]))
        } else {
            return .failure(unrecognised(text))
        }
        guard let year, let month, let day else { return .failure(unrecognised(text)) }
        guard let date = LocalDate(year: year, month: month, day: day) else {
            return .failure(DateParseProblem(reason: Message("rules.date.not_in_calendar", ["text": .text(text)])))
        }
        return .success(date)
    }

    /// `2026-05-04` or `04.05.2026` exactly, read from the bytes: the files' own forms, a million times an import.
    static func parseExactly(_ raw: String) -> LocalDate? {
        guard raw.utf8.count == 10 else { return nil }
        let found: LocalDate?? = raw.utf8.withContiguousStorageIfAvailable { bytes -> LocalDate? in
            if bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
                guard let year = String.asciiNumber(bytes, 0, 4), let month = String.asciiNumber(bytes, 5, 2),
                      let day = String.asciiNumber(bytes, 8, 2) else { return nil }
                return LocalDate(year: year, month: month, day: day)
            }
            if bytes[2] == UInt8(ascii: "."), bytes[5] == UInt8(ascii: "."),
               let day = String.asciiNumber(bytes, 0, 2), let month = String.asciiNumber(bytes, 3, 2), let year = String.asciiNumber(bytes, 6, 4) {
                return LocalDate(year: year, month: month, day: day)
            }
            return nil
        }
        return found ?? nil
    }

    private static func unrecognised(_ text: String) -> DateParseProblem {
        DateParseProblem(reason: Message("rules.date.unrecognised", ["text": .text(text)]))
    }
}

extension Int {
    /// Parses ASCII digits only: no sign, no spaces, no underscores, unlike `Int(_:)` which takes "+5".
    init?<S: StringProtocol>(digitsOnly text: S) {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), text.count <= 18 else { return nil }
        self.init(text)
    }
}

extension StringProtocol {
    public func trimmingWhitespace() -> String {
        // Almost every value in a file needs no trimming: decided from its first and last bytes.
        let whole = String(self)
        guard let firstByte = whole.utf8.first, let lastByte = whole.utf8.last else { return "" }
        if firstByte < 0x80, lastByte < 0x80, !String.isASCIIWhitespace(firstByte), !String.isASCIIWhitespace(lastByte) { return whole }
        let scalars = whole.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

extension String {
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// The value of `count` ASCII digits from `start`, or nil.
    @inlinable public static func asciiNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<start + count {
            let digit = bytes[index] &- 48
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}

extension Weekday {
    /// The weekday of a day number (days since 1970-01-01, which was a Thursday).
    public init(dayNumber: Int) {
        let mondayBased = ((dayNumber % 7) + 7 + 3) % 7
        self.init(rawValue: mondayBased + 1)!
    }
}
