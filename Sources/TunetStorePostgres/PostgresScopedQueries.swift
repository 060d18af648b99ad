import PostgresNIO
import TunetDomain
import TunetStorage

/// The reads limited to a token's municipalities. The scope is bound as one `text[]` parameter, so
/// each statement's text is one whatever the scope, and nothing outside it leaves the server.
extension PostgresReader {
    /// The scope's numbers as the array the queries bind; nil for every municipality. Only digits are
    /// kept, as SQLite's store keeps them.
    private static func scopeArgument(_ scope: MunicipalityScope) -> [String]? {
        scope.numbers.map { numbers in numbers.map { $0.filter(\.isNumber) } }
    }

    public func placements(in scope: MunicipalityScope, provider: OrganisationNumber?) throws -> [Placement] {
        let numbers = Self.scopeArgument(scope)
        // Each condition holds when its value is absent, so one statement serves every scope and farm.
        return try rows("""
            SELECT pl.document::text FROM placement pl JOIN provider p ON p.id = pl.provider_id
            WHERE (\(provider?.digits)::text IS NULL OR p.organisation_number = \(provider?.digits))
              AND (\(numbers)::text[] IS NULL OR pl.municipality_number = ANY(\(numbers)))
            ORDER BY pl.id
            """).map { row in
            try PostgresDocument.decode(try row.cells(0), as: Placement.self, kind: "entity.placement")
        }
    }

    public func agreements(in scope: MunicipalityScope) throws -> [Agreement] {
        guard let numbers = Self.scopeArgument(scope) else { return try allAgreements() }
        return try rows("""
            \(unescaped: Self.agreementSelection) WHERE a.municipalities && \(numbers) \(unescaped: Self.agreementOrder)
            """).map(agreement(row:))
    }

    public func providers(in scope: MunicipalityScope) throws -> [Provider] {
        guard let numbers = Self.scopeArgument(scope) else { return try allProviders() }
        return try rows("""
            \(unescaped: Self.providerSelection)
            WHERE municipality_number = ANY(\(numbers))
               OR id IN (SELECT ap.provider_id FROM agreement_party ap JOIN agreement a ON a.id = ap.agreement_id WHERE a.municipalities && \(numbers))
            ORDER BY \(unescaped: Self.nocase("name")), organisation_number
            """).map(Self.provider)
    }

    public func procurements(in scope: MunicipalityScope) throws -> [Procurement] {
        guard let numbers = Self.scopeArgument(scope) else { return try allProcurements() }
        return try rows("""
            SELECT id, document::text FROM procurement
            WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(document -> 'municipalities') m(number) WHERE m.number = ANY(\(numbers)))
            ORDER BY id
            """).map(Self.procurement)
    }

    /// The ids of the teams all of whose municipalities are in the scope `numbers`.
    private static func teamsInScope(_ numbers: [String]) -> PostgresQuery {
        """
        SELECT t.id FROM team t WHERE NOT EXISTS (
            SELECT 1 FROM team_municipality tm WHERE tm.team_id = t.id AND tm.municipality_number <> ALL(\(numbers)))
        """
    }

    public func teams(in scope: MunicipalityScope) throws -> [Team] {
        guard let numbers = Self.scopeArgument(scope) else { return try teams() }
        let ids = Set(try rows(Self.teamsInScope(numbers)).map { row throws(TunetError) -> Int64 in try row.cells(0) })
        return try teams().filter { ids.contains($0.id) }
    }

    public func tasks(in scope: MunicipalityScope) throws -> [WorkTask] {
        guard let numbers = Self.scopeArgument(scope) else { return try tasks() }
        return try rows("""
            SELECT document::text FROM work_task w
            WHERE NOT EXISTS (SELECT 1 FROM team_municipality tm WHERE tm.team_id = w.team_id AND tm.municipality_number <> ALL(\(numbers)))
            ORDER BY due_date IS NULL, due_date, id
            """).map(Self.task)
    }

    public func pilots(in scope: MunicipalityScope) throws -> [Pilot] {
        guard let numbers = Self.scopeArgument(scope) else { return try pilots() }
        return try rows("""
            SELECT document::text FROM pilot
            WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(document -> 'municipalities') m(number) WHERE m.number <> ALL(\(numbers)))
            ORDER BY id
            """).map(Self.pilot)
    }
}
