import TunetDomain

/// Reads limited to some municipalities in the query itself: what lies outside a token's scope is
/// never read, so no later step can let it through.
public protocol ScopedReading {
    /// Placements in the scope's municipalities, oldest first; only one farm's with `provider`.
    func placements(in scope: MunicipalityScope, provider: OrganisationNumber?) throws -> [Placement]
    /// Agreements any of whose municipalities is in the scope (a joint agreement is each party's).
    func agreements(in scope: MunicipalityScope) throws -> [Agreement]
    /// Farms located in the scope or party to an agreement in it, by name.
    func providers(in scope: MunicipalityScope) throws -> [Provider]
    /// Competitions for any municipality in the scope.
    func procurements(in scope: MunicipalityScope) throws -> [Procurement]
    /// Teams all of whose municipalities are in the scope: a cooperation's team is seen by a token for the whole cooperation.
    func teams(in scope: MunicipalityScope) throws -> [Team]
    /// The tasks of those teams, by due date.
    func tasks(in scope: MunicipalityScope) throws -> [WorkTask]
    /// Pilots all of whose municipalities are in the scope: a pilot's totals would tell of the others.
    func pilots(in scope: MunicipalityScope) throws -> [Pilot]
    /// Each municipality's figures per kind of placement in the period, counted in the query.
    func figures(from: LocalDate, to: LocalDate, in scope: MunicipalityScope) throws -> [MunicipalityTotals]
}

extension ScopedReading {
    public func placements(in scope: MunicipalityScope) throws -> [Placement] { try placements(in: scope, provider: nil) }
}
