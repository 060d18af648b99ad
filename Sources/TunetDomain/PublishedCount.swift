/// A count published to someone who may not see participants (the national reader): a count under
/// five is shown as "under 5", so that no one can be picked out of a small municipality's figures.
public enum PublishedCount: Hashable, Sendable, Encodable {
    case count(Int)
    case underThreshold

    /// Counts below this are not published.
    public static let threshold = 5

    public init(_ count: Int) {
        self = count < Self.threshold ? .underThreshold : .count(count)
    }

    /// "under 5" in both languages: the same words in bokmål and English, and what programs read too.
    public static let underThresholdText = "under \(threshold)"

    public var text: String {
        switch self {
        case .count(let count): String(count)
        case .underThreshold: Self.underThresholdText
        }
    }

    /// A number, or the text "under 5".
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .count(let count): try container.encode(count)
        case .underThreshold: try container.encode(Self.underThresholdText)
        }
    }
}
