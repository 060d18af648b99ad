/// Where an agreement stands on a day, derived from its dates and its consumption.
public enum AgreementStatus: String, Sendable, Codable, CaseIterable {
    /// Registered, not yet started.
    case draft
    case active
    /// Ends (with the options exercised so far) within six months.
    case expiring
    case expired
    case terminated
    /// Committed and spent have reached the maximum value: further call-offs would be an illegal
    /// direct award (EU Court C-216/17 and C-23/20).
    case exhausted

    public static let expiringWithinMonths = 6

    public static func of(_ agreement: Agreement, on today: LocalDate, used: Money) -> AgreementStatus {
        if let terminated = agreement.terminatedOn, terminated <= today { return .terminated }
        if today > agreement.currentEnd { return .expired }
        if used >= agreement.maximumValue { return .exhausted }
        if today < agreement.start { return .draft }
        if today.adding(months: expiringWithinMonths) >= agreement.currentEnd { return .expiring }
        return .active
    }
}

/// The ceiling: what is committed (placements' projected cost) and spent (billed attendance)
/// against the agreement's maximum value.
public struct Consumption: Hashable, Sendable, Codable {
    public var maximum: Money
    public var committed: Money
    public var spent: Money

    public init(maximum: Money, committed: Money, spent: Money) {
        self.maximum = maximum
        self.committed = committed
        self.spent = spent
    }

    public var used: Money { committed + spent }
    public var headroom: Money { maximum - used }

    /// The share of the maximum used; nil for a maximum of zero.
    public var percentUsed: Percentage? { Percentage(used.ore, of: maximum.ore) }

    public var percentUsedText: String { percentUsed?.text ?? "–" }

    enum CodingKeys: String, CodingKey {
        case maximum = "maximum_ore"
        case committed = "committed_ore"
        case spent = "spent_ore"
        case used = "used_ore"
        case headroom = "headroom_ore"
        case percentUsed = "percent_used"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(maximum: try c.decode(Money.self, forKey: .maximum), committed: try c.decode(Money.self, forKey: .committed),
                  spent: try c.decode(Money.self, forKey: .spent))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(maximum, forKey: .maximum)
        try c.encode(committed, forKey: .committed)
        try c.encode(spent, forKey: .spent)
        try c.encode(used, forKey: .used)
        try c.encode(headroom, forKey: .headroom)
        try c.encode(percentUsed?.value, forKey: .percentUsed)
    }
}
