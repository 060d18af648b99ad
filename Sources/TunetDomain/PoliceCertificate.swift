/// Where a farm stands with the police certificate (politiattest) of the staff who work with children.
public enum PoliceCertificateState: String, Sendable, Codable, CaseIterable {
    case valid
    /// Its last valid day is within the warning window.
    case expiring
    case expired
    /// None recorded, or one dated after the day asked about.
    case missing
}

/// The police certificate rule, in one place: a certificate is valid for a number of years from its date
/// (three, as municipalities require for pupil placements), counted as contracts count periods: from
/// 1 June 2025 through 31 May 2028.
public struct PoliceCertificateRule: Sendable {
    public var validityYears: Int
    public var warningDays: Int

    public init(validityYears: Int = 3, warningDays: Int = 90) {
        self.validityYears = validityYears
        self.warningDays = warningDays
    }

    public static let standard = PoliceCertificateRule()

    /// The last day the farm's certificate is valid; nil without one.
    public func lastValidDay(of provider: Provider) -> LocalDate? {
        provider.policeCertificateDate?.lastDayOfPeriod(months: validityYears * 12)
    }

    public func state(of provider: Provider, on day: LocalDate) -> PoliceCertificateState {
        guard let date = provider.policeCertificateDate, date <= day, let last = lastValidDay(of: provider) else { return .missing }
        if last < day { return .expired }
        return day.days(until: last) <= warningDays ? .expiring : .valid
    }

    /// True when the certificate is valid on the day: dated on or before it, and not yet expired.
    public func isValid(_ provider: Provider, on day: LocalDate) -> Bool {
        let state = state(of: provider, on: day)
        return state == .valid || state == .expiring
    }
}
