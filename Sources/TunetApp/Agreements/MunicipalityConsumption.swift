import TunetDomain

/// One municipality's line of a shared ceiling: what its placements commit and its attendance has spent,
/// and its share of what the agreement has used and of the agreement's maximum. The lines of an agreement
/// add up to its consumption.
public struct MunicipalityConsumption: Hashable, Sendable, Encodable {
    public let municipalityNumber: String
    /// The municipality's name, when Tunet knows the number.
    public let municipalityName: String?
    public let committed: Money
    public let spent: Money
    /// This municipality's part of what the agreement has used; nil while nothing is used.
    public let shareOfUsed: Percentage?
    /// This municipality's use against the shared maximum; nil for a maximum of zero.
    public let shareOfMaximum: Percentage?

    public var used: Money { committed + spent }

    init(municipalityNumber: String, committed: Money, spent: Money, agreementUsed: Money, maximum: Money) {
        self.municipalityNumber = municipalityNumber
        municipalityName = Municipality.named(municipalityNumber)?.name
        self.committed = committed
        self.spent = spent
        shareOfUsed = Percentage((committed + spent).ore, of: agreementUsed.ore)
        shareOfMaximum = Percentage((committed + spent).ore, of: maximum.ore)
    }

    /// "3107 Fredrikstad", or the number alone.
    public var municipalityText: String { municipalityName.map { "\(municipalityNumber) \($0)" } ?? municipalityNumber }

    enum CodingKeys: String, CodingKey {
        case municipalityNumber = "municipality_number"
        case municipalityName = "municipality_name"
        case committed = "committed_ore"
        case spent = "spent_ore"
        case used = "used_ore"
        case shareOfUsed = "share_of_used_percent"
        case shareOfMaximum = "share_of_maximum_percent"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(municipalityNumber, forKey: .municipalityNumber)
        try c.encode(municipalityName, forKey: .municipalityName)
        try c.encode(committed, forKey: .committed)
        try c.encode(spent, forKey: .spent)
        try c.encode(used, forKey: .used)
        try c.encode(shareOfUsed?.value, forKey: .shareOfUsed)
        try c.encode(shareOfMaximum?.value, forKey: .shareOfMaximum)
    }
}
