/// An invoice's document-level charges (fees) and allowances (discounts), in total: what a credit note's own
/// charges and allowances credit.
public struct DocumentAdjustments: Hashable, Sendable {
    public var charges: Money
    public var allowances: Money

    public init(charges: Money = .zero, allowances: Money = .zero) {
        self.charges = charges
        self.allowances = allowances
    }

    /// A document's, as its totals state them (BT-107, BT-108).
    public init(_ totals: EHFTotals) {
        self.init(charges: totals.charges, allowances: totals.allowances)
    }
}
