import TunetDomain
import TunetStorage

/// The places an agreement bought and their use day by day (booked ÷ bought).
public struct BoughtPlacesView: Sendable, Encodable {
    public let reference: String
    public let from: LocalDate
    public let to: LocalDate
    public let allowsExtraPlaces: Bool
    public let bought: [BoughtPlaces]
    public let days: [BoughtPlacesDay]
    /// The farms' names, for people.
    public let providerNames: [OrganisationNumber: String]

    enum CodingKeys: String, CodingKey {
        case reference, from, to, bought, days
        case allowsExtraPlaces = "allows_extra_places"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reference, forKey: .reference)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(allowsExtraPlaces, forKey: .allowsExtraPlaces)
        try c.encode(bought, forKey: .bought)
        try c.encode(days, forKey: .days)
    }
}

/// Bought places: what an agreement buys from each farm per target group, changed by the work team as
/// the contract says, and how full they are day by day.
public struct BoughtPlacesDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// The use from `from` (default today) to `to` (default a week on), at most `BoughtPlacesUse.longestSpan` days.
    public func use(_ reference: String, from: String? = nil, to: String? = nil) throws -> BoughtPlacesView {
        var problems = ProblemCollector()
        let first = from.map { problems.date("from", $0) } ?? context.today
        let last = to.map { problems.date("to", $0) } ?? first.map { $0.adding(days: 6) }
        if let first, let last {
            if last < first { problems.add("to", to, Message("agreement.places.to_before_from", ["start": .date(first), "end": .date(last)])) }
            if last.dayNumber - first.dayNumber >= BoughtPlacesUse.longestSpan {
                problems.add("to", to, Message("agreement.places.span", ["days": .integer(Int64(BoughtPlacesUse.longestSpan))]))
            }
        }
        try problems.check()
        guard let first, let last else { throw TunetError.internalFault("an unchecked period") }
        return try context.read { reader in try Self.view(try AgreementDesk.existing(reference, in: reader), from: first, to: last, in: reader) }
    }

    /// Sets the places bought from each farm and group named (`ORGNR:GROUP:PLACES[:WEEKDAYS]`, replacing
    /// what the agreement bought from that farm for that group; 0 places stops buying there), and whether
    /// call-offs may go beyond them. Audited as a change of the agreement.
    public func set(_ reference: String, places raw: [String], allowsExtraPlaces: Bool?) throws -> BoughtPlacesView {
        let today = context.today
        return try context.write { tx in
            var agreement = try AgreementDesk.existing(reference, in: tx)
            var problems = ProblemCollector()
            if raw.isEmpty && allowsExtraPlaces == nil { problems.add("set", nil, Message("agreement.places.nothing_to_change")) }
            let named = BoughtPlaces.parse(raw, parties: agreement.parties, groups: agreement.targetGroups, allowingZero: true, problems: &problems)
            try problems.check()
            let pairs = Set(named.map { "\($0.provider.digits)|\($0.targetGroup.rawValue)" })
            agreement.boughtPlaces = agreement.boughtPlaces.filter { !pairs.contains("\($0.provider.digits)|\($0.targetGroup.rawValue)") }
                + named.filter { $0.places > 0 }
            if let allowsExtraPlaces { agreement.allowsExtraPlaces = allowsExtraPlaces }
            try tx.update(agreement, action: "bought_places")
            return try Self.view(agreement, from: today, to: today.adding(days: 6), in: tx)
        }
    }

    static func view(_ agreement: Agreement, from: LocalDate, to: LocalDate, in reader: StoreReader) throws -> BoughtPlacesView {
        let farms = Array(Set(agreement.boughtPlaces.map(\.provider)))
        var names: [OrganisationNumber: String] = [:]
        var open: [OrganisationNumber: WeekdaySet] = [:]
        for number in farms {
            guard let provider = try reader.provider(number) else { continue }
            names[number] = provider.name
            open[number] = provider.openWeekdays
        }
        let placements = agreement.boughtPlaces.isEmpty ? [] : try reader.placements(agreement: agreement.reference)
        return BoughtPlacesView(reference: agreement.reference, from: from, to: to, allowsExtraPlaces: agreement.allowsExtraPlaces,
                                bought: agreement.boughtPlaces,
                                days: BoughtPlacesUse.days(of: agreement, placements: placements, openWeekdays: open, from: from, to: to),
                                providerNames: names)
    }
}
