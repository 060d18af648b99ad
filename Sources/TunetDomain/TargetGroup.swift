/// Who a farm serves and an agreement covers.
public enum TargetGroup: String, CaseIterable, Sendable, Codable, Comparable {
    /// Primary-school pupils (elever), as in Nordland's pilot.
    case pupils
    /// Home-dwelling people with dementia in day activities (dagaktivitetstilbud).
    case dementia
    case other

    public static func < (lhs: TargetGroup, rhs: TargetGroup) -> Bool { lhs.rawValue < rhs.rawValue }

    public var norwegian: String {
        switch self {
        case .pupils: "elever"
        case .dementia: "demens"
        case .other: "annet"
        }
    }

    public init?(name: String) {
        switch name.trimmingWhitespace().lowercased() {
        case "pupils", "pupil", "elever", "elev", "skole", "school": self = .pupils
        case "dementia", "demens", "demente", "dagaktivitet", "dagaktivitetstilbud": self = .dementia
        case "other", "annet", "andre": self = .other
        default: return nil
        }
    }

    /// A list like `pupils,dementia` or `elever+demens`.
    public static func parseSet(_ raw: String) -> Result<Set<TargetGroup>, FieldReason> {
        let separators: Set<Character> = [",", ";", " ", "/", "+", "|"]
        let tokens = raw.split(whereSeparator: { separators.contains($0) })
        guard !tokens.isEmpty else {
            return .failure(FieldReason(Message("rules.target_group.required")))
        }
        var groups = Set<TargetGroup>()
        for token in tokens {
            guard let group = TargetGroup(name: String(token)) else {
                return .failure(FieldReason("rules.target_group.unknown", ["text": .text(String(token))]))
            }
            groups.insert(group)
        }
        return .success(groups)
    }

    public static func codes(_ groups: Set<TargetGroup>) -> String {
        groups.sorted().map(\.rawValue).joined(separator: ",")
    }
}
