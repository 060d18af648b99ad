/// A value of Statistics Norway's consumer price index (KPI, table 03013, 2015 = 100), kept in
/// tenths as published (137.4 is 1374) so that it is exact.
public struct IndexValue: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let tenths: Int64

    public init(tenths: Int64) { self.tenths = tenths }

    public static func < (lhs: IndexValue, rhs: IndexValue) -> Bool { lhs.tenths < rhs.tenths }

    public var description: String { "\(tenths / 10).\(tenths % 10)" }

    /// `137.4` or `137,4`; Statistics Norway publishes one decimal, so more is refused.
    public static func parse(_ raw: String) -> Result<IndexValue, FieldReason> {
        if let value = parsePlain(raw) { return .success(value) }
        return parseAnyForm(raw)
    }

    static func parseAnyForm(_ raw: String) -> Result<IndexValue, FieldReason> {
        let text = raw.trimmingWhitespace()
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard (1...2).contains(parts.count), let whole = Int64(digitsOnlyText: parts[0]),
              parts.count == 1 || (parts[1].count == 1 && Int64(digitsOnlyText: parts[1]) != nil) else {
            return .failure(FieldReason("rules.index_value.invalid", ["text": .text(text)]))
        }
        let tenths = whole * 10 + (parts.count == 2 ? Int64(digitsOnlyText: parts[1])! : 0)
        guard tenths > 0, tenths < 100_000 else {
            return .failure(FieldReason("rules.index_value.implausible", ["text": .text(text)]))
        }
        return .success(IndexValue(tenths: tenths))
    }

    /// `45` or `4.5` (or `4,5`) exactly, from the bytes: the form of every hours field of an attendance
    /// file. Anything else is left to `parse`, which accepts the same values and explains the rest.
    static func parsePlain(_ raw: String) -> IndexValue? {
        var whole: Int64 = 0, digits = 0, tenth: Int64?, afterSeparator = false
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if afterSeparator {
                    guard tenth == nil else { return nil }
                    tenth = Int64(byte - UInt8(ascii: "0"))
                } else {
                    guard digits < 5 else { return nil }
                    whole = whole * 10 + Int64(byte - UInt8(ascii: "0"))
                    digits += 1
                }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                guard digits > 0, !afterSeparator else { return nil }
                afterSeparator = true
            default:
                return nil
            }
        }
        guard digits > 0, !afterSeparator || tenth != nil else { return nil }
        let tenths = whole * 10 + (tenth ?? 0)
        return tenths > 0 && tenths < 100_000 ? IndexValue(tenths: tenths) : nil
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard case .success(let value) = IndexValue.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an index: \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// An agreement's yearly price adjustment by the consumer price index.
///
/// Each year's prices are the agreement's original prices × index(reference month) ÷ index(base month),
/// where the reference month is the latest `indexMonth` before the adjustment takes effect on
/// `effectiveDay`.`effectiveMonth` (1 January unless the agreement says otherwise). Always computing from the original prices (never from last year's adjusted
/// price) keeps rounding from piling up over the years.
///
/// Rounding: to the nearest whole øre, halves away from zero.
public struct PriceAdjustmentClause: Hashable, Sendable, Codable {
    public var baseMonth: YearMonth
    /// The month of the index read each year (10 = October).
    public var indexMonth: Int
    /// The month of the year the adjusted prices take effect (1 = from 1 January).
    public var effectiveMonth: Int
    /// The day of that month (1–28), for agreements adjusted on their anniversary.
    public var effectiveDay: Int

    public init(baseMonth: YearMonth, indexMonth: Int, effectiveMonth: Int = 1, effectiveDay: Int = 1) {
        self.baseMonth = baseMonth
        self.indexMonth = indexMonth
        self.effectiveMonth = effectiveMonth
        self.effectiveDay = effectiveDay
    }

    enum CodingKeys: String, CodingKey {
        case baseMonth = "base_month"
        case indexMonth = "index_month"
        case effectiveMonth = "effective_month"
        case effectiveDay = "effective_day"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(baseMonth: try c.decode(YearMonth.self, forKey: .baseMonth), indexMonth: try c.decode(Int.self, forKey: .indexMonth),
                  effectiveMonth: try c.decode(Int.self, forKey: .effectiveMonth),
                  effectiveDay: try c.decodeIfPresent(Int.self, forKey: .effectiveDay) ?? 1)
    }

    /// The day the prices adjusted for `year` take effect.
    public func effectiveDate(year: Int) -> LocalDate { LocalDate(year: year, month: effectiveMonth, day: effectiveDay)! }

    /// The index month read for the adjustment that takes effect in `year`: the latest `indexMonth`
    /// before the effective date.
    public func referenceMonth(year: Int) -> YearMonth {
        let candidate = YearMonth(year: year, month: indexMonth)!
        return candidate < YearMonth(effectiveDate(year: year)) ? candidate : YearMonth(year: year - 1, month: indexMonth)!
    }

    /// `price × reference / base`, rounded half away from zero. Worked out in double-width integers, so
    /// no price and index values can overflow it; a result beyond what Money holds comes back as the
    /// largest Money, which is far above `Money.largestPrice` and so refused by whoever stores it.
    public static func adjust(_ price: Money, base: IndexValue, reference: IndexValue) -> Money {
        let denominator = base.tenths.magnitude
        let product = price.ore.magnitude.multipliedFullWidth(by: reference.tenths.magnitude)
        guard product.high < denominator else { return Money(ore: price.ore < 0 ? .min : .max) }
        let (quotient, remainder) = denominator.dividingFullWidth(product)
        let rounded = quotient + (remainder >= denominator - remainder ? 1 : 0)
        let magnitude = Int64(clamping: rounded)
        return Money(ore: price.ore < 0 ? -magnitude : magnitude)
    }
}
