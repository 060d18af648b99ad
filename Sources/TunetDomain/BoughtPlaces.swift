/// Places an agreement buys from one farm for one target group: the same number every weekday, or a
/// number for a given weekday where the contract says so. A call-off beyond them is refused unless the
/// agreement allows extra places.
public struct BoughtPlaces: Hashable, Sendable, Codable {
    public var provider: OrganisationNumber
    public var targetGroup: TargetGroup
    /// nil: every weekday.
    public var weekday: Weekday?
    public var places: Int

    public static let largest = 200

    public init(provider: OrganisationNumber, targetGroup: TargetGroup, weekday: Weekday? = nil, places: Int) {
        self.provider = provider
        self.targetGroup = targetGroup
        self.weekday = weekday
        self.places = places
    }

    enum CodingKeys: String, CodingKey {
        case provider = "provider_organisation_number"
        case targetGroup = "target_group"
        case weekday, places
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        provider = try c.decode(OrganisationNumber.self, forKey: .provider)
        targetGroup = try c.decode(TargetGroup.self, forKey: .targetGroup)
        weekday = try c.decodeIfPresent(String.self, forKey: .weekday).flatMap(Weekday.init(name:))
        places = try c.decode(Int.self, forKey: .places)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(provider, forKey: .provider)
        try c.encode(targetGroup, forKey: .targetGroup)
        try c.encode(weekday?.code, forKey: .weekday)
        try c.encode(places, forKey: .places)
    }

    /// The places bought from `provider` for `group` on a day of `weekday`: the weekday's own number, else
    /// the every-day number, else none (0) where only other weekdays are bought; nil when the agreement
    /// buys no places from the farm for the group at all (call-offs are then not limited).
    public static func on(_ weekday: Weekday, provider: OrganisationNumber, group: TargetGroup, in bought: [BoughtPlaces]) -> Int? {
        let matching = bought.filter { $0.provider == provider && $0.targetGroup == group }
        guard !matching.isEmpty else { return nil }
        return (matching.first { $0.weekday == weekday } ?? matching.first { $0.weekday == nil })?.places ?? 0
    }

    /// `974760673:pupils:4` (every weekday) or `974760673:dementia:3:mon,wed` (those weekdays), each
    /// farm a party of the agreement and each group one it covers. With `allowingZero`, `974760673:pupils:0`
    /// is read too (a change that stops buying there).
    public static func parse(_ raw: [String], parties: [AgreementParty], groups: Set<TargetGroup>?, allowingZero: Bool = false,
                             problems: inout ProblemCollector) -> [BoughtPlaces] {
        var bought: [BoughtPlaces] = []
        for text in raw {
            let pieces = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard (3...4).contains(pieces.count) else {
                problems.add("bought-places", text, Message("rules.bought_places.form"))
                continue
            }
            guard let number = problems.take("bought-places", text, OrganisationNumber.parse(pieces[0])) else { continue }
            if !parties.isEmpty && !parties.contains(where: { $0.provider == number }) {
                problems.add("bought-places", text, Message("rules.bought_places.not_party", ["provider": .text(number.digits)]))
                continue
            }
            guard let group = TargetGroup(name: pieces[1]) else {
                problems.add("bought-places", text, Message("rules.bought_places.group", ["text": .text(pieces[1])]))
                continue
            }
            if let groups, !groups.contains(group) {
                problems.add("bought-places", text, Message("rules.bought_places.group_not_covered", ["group": group.labelValue]))
                continue
            }
            guard let places = Int(digitsOnly: pieces[2]), ((allowingZero ? 0 : 1)...largest).contains(places) else {
                problems.add("bought-places", text, Message(allowingZero ? "rules.bought_places.places_or_none" : "rules.bought_places.places",
                                                            ["largest": .integer(Int64(largest))]))
                continue
            }
            if places == 0 && pieces.count == 4 {
                problems.add("bought-places", text, Message("rules.bought_places.none_on_weekdays"))
                continue
            }
            var weekdays: [Weekday?] = [nil]
            if pieces.count == 4 {
                guard let set = problems.take("bought-places", text, WeekdaySet.parse(pieces[3])) else { continue }
                weekdays = set.map { $0 }
            }
            for weekday in weekdays {
                if bought.contains(where: { $0.provider == number && $0.targetGroup == group && $0.weekday == weekday }) {
                    problems.add("bought-places", text, Message("rules.bought_places.twice", [
                        "provider": .text(number.digits), "group": group.labelValue,
                        "weekday": weekday.map(\.labelValue) ?? .message(Message("rules.bought_places.every_weekday"))]))
                    continue
                }
                bought.append(BoughtPlaces(provider: number, targetGroup: group, weekday: weekday, places: places))
            }
        }
        return bought
    }
}
