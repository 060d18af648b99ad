import TunetDomain

/// What a municipality's placements of one kind came to in a period, counted by the store without
/// handing over a placement: the raw figures of the aggregates a national reader gets.
public struct MunicipalityTotals: Hashable, Sendable {
    public var municipality: String
    public var kind: PlacementKind
    /// Different participants with a placement (not cancelled) in the period.
    public var participants: Int
    public var placements: Int
    public var presentDays: Int
    /// Days reported absent, with or without notice.
    public var absentDays: Int
    /// What the reported days in the period were priced at, days and transport.
    public var spent: Money

    public init(municipality: String, kind: PlacementKind, participants: Int = 0, placements: Int = 0, presentDays: Int = 0,
                absentDays: Int = 0, spent: Money = .zero) {
        self.municipality = municipality
        self.kind = kind
        self.participants = participants
        self.placements = placements
        self.presentDays = presentDays
        self.absentDays = absentDays
        self.spent = spent
    }
}
