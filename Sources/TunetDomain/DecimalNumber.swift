/// A decimal number read exactly, as an invoice writes quantities and unit prices (`12`, `1250.5`,
/// `0.333333`): millionths in an Int64, so that no value is rounded on the way in. Amounts of money
/// are `Money` (øre); this is for what an invoice may write with more than two decimals.
public struct DecimalNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The value in millionths: 12.5 is 12 500 000.
    public let millionths: Int64

    public static let scale: Int64 = 1_000_000
    public static let maximumDecimals = 6
    /// The largest magnitude read: 10^12, far beyond any quantity or unit price of a farm's invoice.
    public static let largest = DecimalNumber(millionths: 1_000_000_000_000 * scale)
    public static let zero = DecimalNumber(millionths: 0)
    public static let one = DecimalNumber(millionths: scale)

    public init(millionths: Int64) { self.millionths = millionths }
    public init(_ whole: Int) { millionths = Int64(whole) * Self.scale }
    public init(_ money: Money) { millionths = money.ore * (Self.scale / 100) }

    /// Reads `-?digits(.digits)?` as XML Schema's decimal writes it (a leading `+` too), with at most six
    /// decimals and a magnitude up to `largest`; nil for anything else (a comma, an exponent, a space).
    public static func parse(_ text: String) -> DecimalNumber? {
        var characters = Substring(text)
        var negative = false
        if characters.first == "-" || characters.first == "+" {
            negative = characters.first == "-"
            characters = characters.dropFirst()
        }
        let parts = characters.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty),
              whole.count <= 13, fraction.count <= maximumDecimals,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let wholeValue = Int64(whole.isEmpty ? "0" : String(whole)) ?? 0
        let fractionValue = (Int64(fraction.isEmpty ? "0" : String(fraction)) ?? 0) * power(maximumDecimals - fraction.count)
        guard wholeValue <= largest.millionths / scale else { return nil }
        let magnitude = wholeValue * scale + fractionValue
        guard magnitude <= largest.millionths else { return nil }
        return DecimalNumber(millionths: negative ? -magnitude : magnitude)
    }

    private static func power(_ exponent: Int) -> Int64 { (0..<exponent).reduce(1) { value, _ in value * 10 } }

    /// The number of decimals written, after trailing zeros are dropped.
    public var decimals: Int {
        var fraction = millionths.magnitude % UInt64(Self.scale)
        guard fraction != 0 else { return 0 }
        var count = Self.maximumDecimals
        while fraction % 10 == 0 { fraction /= 10; count -= 1 }
        return count
    }

    /// The whole number it is, or nil when it has decimals.
    public var whole: Int? { millionths % Self.scale == 0 ? Int(millionths / Self.scale) : nil }

    /// As money when it is a whole number of øre.
    public var money: Money? { millionths % (Self.scale / 100) == 0 ? Money(ore: millionths / (Self.scale / 100)) : nil }

    public static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool { lhs.millionths < rhs.millionths }
    /// Sums stay exact: every term is bounded by `largest`, and an invoice has at most a bounded number of lines.
    public static func + (lhs: DecimalNumber, rhs: DecimalNumber) -> DecimalNumber { DecimalNumber(millionths: lhs.millionths + rhs.millionths) }
    public static func - (lhs: DecimalNumber, rhs: DecimalNumber) -> DecimalNumber { DecimalNumber(millionths: lhs.millionths - rhs.millionths) }
    public static prefix func - (value: DecimalNumber) -> DecimalNumber { DecimalNumber(millionths: -value.millionths) }

    /// `12.5`, for programs: no trailing zeros, a point.
    public var description: String {
        let sign = millionths < 0 ? "-" : ""
        let magnitude = millionths.magnitude
        let whole = magnitude / UInt64(Self.scale)
        guard decimals > 0 else { return sign + String(whole) }
        var fraction = String(magnitude % UInt64(Self.scale))
        fraction = String(repeating: "0", count: Self.maximumDecimals - fraction.count) + fraction
        return sign + String(whole) + "." + fraction.prefix(decimals)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self.parse(text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a decimal: \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The amount a quantity at a unit price comes to, worked out in double width so that no product overflows.
public enum LineArithmetic {
    /// quantity × price ÷ base quantity, in øre, rounded half away from zero (as EN 16931 rounds a line's
    /// net amount to two decimals); nil when the base quantity is not positive or the result is beyond
    /// what money holds.
    public static func amount(quantity: DecimalNumber, price: DecimalNumber, base: DecimalNumber) -> Money? {
        guard base.millionths > 0, case (let divisor, false) = base.millionths.magnitude.multipliedReportingOverflow(by: 10_000) else { return nil }
        let product = quantity.millionths.magnitude.multipliedFullWidth(by: price.millionths.magnitude)
        // quantity·price is in 10^-12; ÷ base (10^-6) leaves 10^-6 kroner; øre are 10^-2 kroner: divide by base·10^4.
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        guard quotient < UInt64(Money.largestValue.ore) else { return nil }
        let rounded = quotient + (remainder >= divisor - remainder ? 1 : 0)
        let negative = (quantity.millionths < 0) != (price.millionths < 0)
        return Money(ore: negative ? -Int64(rounded) : Int64(rounded))
    }

    /// price ÷ base quantity, to the millionth (rounded half up); nil beyond what a price can be.
    public static func unitPrice(price: DecimalNumber, base: DecimalNumber) -> DecimalNumber? {
        guard base.millionths > 0 else { return nil }
        let product = price.millionths.magnitude.multipliedFullWidth(by: UInt64(DecimalNumber.scale))
        let divisor = base.millionths.magnitude
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        guard quotient < UInt64(DecimalNumber.largest.millionths) else { return nil }
        return DecimalNumber(millionths: Int64(quotient + (remainder >= divisor - remainder ? 1 : 0)))
    }

    /// How price ÷ base compares with `agreed` (a price per unit in øre), exactly: price·100 against agreed·base.
    public static func compare(price: DecimalNumber, base: DecimalNumber, with agreed: Money) -> Ordering {
        precondition(base.millionths > 0 && price.millionths >= 0 && agreed.ore >= 0)
        let left = price.millionths.magnitude.multipliedFullWidth(by: 100)
        let right = agreed.ore.magnitude.multipliedFullWidth(by: base.millionths.magnitude)
        if left.high != right.high { return left.high < right.high ? .less : .greater }
        if left.low != right.low { return left.low < right.low ? .less : .greater }
        return .equal
    }

    public enum Ordering: Sendable { case less, equal, greater }
}
