/// One day's use of the places an agreement bought from a farm for a target group: booked ÷ bought.
public struct BoughtPlacesDay: Hashable, Sendable, Encodable {
    public let date: LocalDate
    public let provider: OrganisationNumber
    public let targetGroup: TargetGroup
    public let bought: Int
    /// Placements under the agreement with the farm and group that cover the day (may exceed `bought`
    /// where the agreement allows extra places).
    public let booked: Int

    /// Booked ÷ bought.
    public var share: Percentage? { Percentage(booked, of: bought) }

    enum CodingKeys: String, CodingKey {
        case date, bought, booked, share
        case provider = "provider_organisation_number"
        case targetGroup = "target_group"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(provider, forKey: .provider)
        try c.encode(targetGroup, forKey: .targetGroup)
        try c.encode(bought, forKey: .bought)
        try c.encode(booked, forKey: .booked)
        try c.encode(share?.value, forKey: .share)
    }
}

/// The bought places' use day by day, over the days a farm can be booked: the agreement in force, the
/// farm open on the weekday, and not a public holiday.
public enum BoughtPlacesUse {
    /// The longest span one look at the use covers (a year and a day, so a whole contract year fits).
    public static let longestSpan = 367

    public static func days(of agreement: Agreement, placements: [Placement], openWeekdays: [OrganisationNumber: WeekdaySet],
                            from: LocalDate, to: LocalDate) -> [BoughtPlacesDay] {
        let first = max(from, agreement.start)
        var last = min(to, agreement.currentEnd)
        if let terminated = agreement.terminatedOn { last = min(last, terminated.adding(days: -1)) }
        guard first <= last else { return [] }
        let pairs = farmsAndGroups(agreement)
        let booked = placements.filter { $0.agreementReference == agreement.reference && !$0.isCancelled }
        var rows: [BoughtPlacesDay] = []
        var day = first
        while day <= last {
            if !NorwegianCalendar.isPublicHoliday(day) {
                for (provider, group) in pairs where openWeekdays[provider]?.contains(day.weekday) ?? true {
                    guard let bought = BoughtPlaces.on(day.weekday, provider: provider, group: group, in: agreement.boughtPlaces) else { continue }
                    let count = booked.reduce(0) { $0 + ($1.provider == provider && $1.kind.targetGroup == group && $1.covers(day) ? 1 : 0) }
                    if bought == 0 && count == 0 { continue }
                    rows.append(BoughtPlacesDay(date: day, provider: provider, targetGroup: group, bought: bought, booked: count))
                }
            }
            day = day.adding(days: 1)
        }
        return rows
    }

    /// Places bought per target group on a typical day: for each farm and group the every-day number, or
    /// the largest weekday number where only weekdays are given.
    public static func placesPerGroup(_ agreements: [Agreement]) -> [TargetGroup: Int] {
        var totals: [TargetGroup: Int] = [:]
        for agreement in agreements {
            for (provider, group) in farmsAndGroups(agreement) {
                let entries = agreement.boughtPlaces.filter { $0.provider == provider && $0.targetGroup == group }
                totals[group, default: 0] += entries.first { $0.weekday == nil }?.places ?? entries.map(\.places).max() ?? 0
            }
        }
        return totals
    }

    /// Each farm and target group the agreement buys places from, in the order first given.
    static func farmsAndGroups(_ agreement: Agreement) -> [(OrganisationNumber, TargetGroup)] {
        var pairs: [(OrganisationNumber, TargetGroup)] = []
        for entry in agreement.boughtPlaces where !pairs.contains(where: { $0 == entry.provider && $1 == entry.targetGroup }) {
            pairs.append((entry.provider, entry.targetGroup))
        }
        return pairs
    }
}
