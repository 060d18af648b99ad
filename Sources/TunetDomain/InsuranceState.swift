/// Where a farm stands with its insurance on a given day.
///
/// The rule (documented in README, "Insurance state"): the recorded insurance expiry is the last
/// day the insurance covers. After that day the insurance is `expired`; within the warning window
/// (90 days by default) up to and including that day, `expiring`; without a recorded expiry the
/// state is `unknown`. An expired insurance refuses new placements, as an overdue audit does.
public enum InsuranceState: String, Sendable, Codable, CaseIterable {
    case valid
    case expiring
    case expired
    case unknown

    /// True when the farm may take new placements as far as the insurance is concerned: an unknown
    /// expiry is not held against the farm, since many registers do not record it.
    public var permitsPlacements: Bool { self != .expired }
}

public struct InsuranceRule: Sendable {
    public var warningDays: Int

    public init(warningDays: Int = 90) {
        self.warningDays = warningDays
    }

    public static let standard = InsuranceRule()

    public func state(of provider: Provider, on today: LocalDate) -> InsuranceState {
        guard let expiry = provider.insuranceExpiry else { return .unknown }
        if expiry < today { return .expired }
        if today.days(until: expiry) <= warningDays { return .expiring }
        return .valid
    }
}
