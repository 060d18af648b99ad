/// A share of a whole, kept exact as the two whole numbers it comes from (present days of possible days,
/// øre used of the maximum). Every percentage Tunet shows a person is this type's text: rounded half up to
/// one decimal (15 of 16 is 93,8 %, not 93,7 %); a spreadsheet gets the exact ratio with a percent format,
/// so that its own sums and charts are right.
public struct Percentage: Hashable, Sendable {
    public let part: Int64
    public let whole: Int64

    /// Nil when there is no whole to share (zero or less).
    public init?(_ part: Int64, of whole: Int64) {
        guard whole > 0 else { return nil }
        self.part = part
        self.whole = whole
    }

    public init?(_ part: Int, of whole: Int) { self.init(Int64(part), of: Int64(whole)) }

    /// The exact ratio (0.9375 for 15 of 16), for a cell with a percent format.
    public var ratio: Double { Double(part) / Double(whole) }

    /// Tenths of a percent, rounded half up (away from zero for a negative share): 938 for 15 of 16.
    /// Worked out in double-width integers, so no share of two Int64 can overflow it.
    public var tenths: Int64 {
        let magnitude = Self.roundedTenths(part.magnitude, of: UInt64(whole))
        let clamped = Int64(clamping: magnitude)
        return part < 0 ? -clamped : clamped
    }

    /// Percent with one decimal, rounded half up: 93.8 for 15 of 16 (for `--json`).
    public var value: Double { Double(tenths) / 10 }

    /// "93,8 %": the decimal comma and a space before the sign, as Norwegian writes it.
    public var text: String {
        let tenths = self.tenths
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return "\(sign)\(Money.grouped(magnitude / 10)),\(magnitude % 10) %"
    }

    /// True when the share is at least `percent` of the whole, compared exactly.
    public func reaches(percent: Int) -> Bool {
        let share = part.multipliedFullWidth(by: 100)
        let threshold = whole.multipliedFullWidth(by: Int64(percent))
        return (share.high, share.low) >= (threshold.high, threshold.low)
    }

    /// ⌊(part × 1000 + whole ÷ 2) ÷ whole⌋ = ⌊(part × 2000 + whole) ÷ (2 × whole)⌋, in 128 bits; a quotient
    /// beyond 64 bits (a share of more than 10^16 %) is held at the largest value.
    private static func roundedTenths(_ part: UInt64, of whole: UInt64) -> UInt64 {
        let product = part.multipliedFullWidth(by: 2000)
        let (low, carry) = product.low.addingReportingOverflow(whole)
        let high = product.high + (carry ? 1 : 0)
        let divisor = whole << 1   // whole comes from a positive Int64, so twice it fits
        guard high < divisor else { return UInt64.max }
        return divisor.dividingFullWidth((high: high, low: low)).quotient
    }
}
