/// An amount in whole øre (NOK 1 = 100 øre). Never a floating-point number: sums must be exact.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let ore: Int64

    public init(ore: Int64) { self.ore = ore }
    public static func kroner(_ kroner: Int64) -> Money { Money(ore: kroner * 100) }
    public static let zero = Money(ore: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(ore: lhs.ore + rhs.ore) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(ore: lhs.ore - rhs.ore) }
    public static func * (lhs: Money, rhs: Int64) -> Money { Money(ore: lhs.ore * rhs) }
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.ore < rhs.ore }

    /// `1 234,50` — Norwegian grouping with a space and a decimal comma.
    public var formatted: String {
        let sign = ore < 0 ? "-" : ""
        let magnitude = ore.magnitude
        let ore = magnitude % 100
        return sign + Self.grouped(magnitude / 100) + "," + (ore < 10 ? "0" : "") + String(ore)
    }

    /// Digits in groups of three separated by a space, as Norwegian writes whole numbers: `12 345`.
    static func grouped(_ value: UInt64) -> String {
        var grouped = ""
        for (index, digit) in String(value).reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(" ") }
            grouped.append(digit)
        }
        return String(grouped.reversed())
    }

    /// `1234.50`, for programs.
    public var decimalString: String {
        let sign = ore < 0 ? "-" : ""
        let magnitude = ore.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public var description: String { "NOK \(formatted)" }

    /// The largest price of one unit (a day, a trip, an hour) Tunet takes: NOK 1 000 000. With it, a
    /// placement's cost, a tender's total, an index adjustment and a year's invoice basis stay far
    /// inside what an Int64 of øre holds, however many days, trips and farms they add up.
    public static let largestPrice = Money(ore: 100_000_000)
    /// The largest value, ceiling or estimate Tunet takes: NOK 999 999 999,99.
    public static let largestValue = Money(ore: 99_999_999_999)

    /// Reads kroner as people write them: `1250`, `1 250,50`, `1250.5`, `kr 1 250,-`, `NOK 1250`.
    /// More than two decimals is refused rather than rounded: an amount must not change silently;
    /// an amount above `largest` is refused, naming the limit.
    public static func parse(_ raw: String, atMost largest: Money = .largestValue) -> Result<Money, FieldReason> {
        var text = raw.trimmingWhitespace()
        guard !text.isEmpty else { return .failure(FieldReason(Message("rules.money.required"))) }
        for prefix in ["NOK", "kr", "Kr", "KR"] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingWhitespace()
        }
        if text.hasSuffix(",-") || text.hasSuffix(".-") { text.removeLast(2) }
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        text = text.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        let separators = text.filter { $0 == "," || $0 == "." }
        guard separators.count <= 1 else {
            return .failure(FieldReason("rules.money.separators", ["text": .text(raw.trimmingWhitespace())]))
        }
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "." })
        guard let kroner = Int64(digitsOnlyText: parts[0]) else {
            return .failure(FieldReason("rules.money.not_amount", ["text": .text(raw.trimmingWhitespace())]))
        }
        var ore: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard fraction.count <= 2, let value = Int64(digitsOnlyText: fraction) else {
                return .failure(FieldReason("rules.money.decimals", ["text": .text(raw.trimmingWhitespace())]))
            }
            ore = fraction.count == 1 ? value * 10 : value
        }
        guard kroner <= largest.ore / 100, kroner * 100 + ore <= largest.ore else {
            return .failure(FieldReason("rules.money.too_large", ["text": .text(raw.trimmingWhitespace()), "largest": .money(largest)]))
        }
        let total = kroner * 100 + ore
        return .success(Money(ore: negative ? -total : total))
    }

    /// The share of one of `count` parts, rounded half up (a pilot's cost per attended day); nil for no parts.
    /// Worked out in double width, so no sum of amounts can overflow it.
    public func share(of count: Int) -> Money? {
        guard count > 0 else { return nil }
        let divisor = UInt64(count)
        let (quotient, remainder) = ore.magnitude.quotientAndRemainder(dividingBy: divisor)
        let rounded = Int64(quotient) + (remainder >= divisor - remainder ? 1 : 0)
        return Money(ore: ore < 0 ? -rounded : rounded)
    }

    /// A price of one unit, up to `largestPrice`.
    public static func parsePrice(_ raw: String) -> Result<Money, FieldReason> { parse(raw, atMost: largestPrice) }

    public init(from decoder: Decoder) throws {
        ore = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ore)
    }
}

extension Int64 {
    init?<S: StringProtocol>(digitsOnlyText text: S) {
        guard !text.isEmpty, text.count <= 18, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        self.init(text)
    }
}
