import Foundation
import GRDB
import TunetDomain
import TunetSideBySide
import TunetStorage

/// The reads limited to a token's municipalities. The scope is bound as one JSON array (`["3303","1804"]`)
/// and unpacked by `json_each` in the query, so each statement's text is one and is prepared once.
extension SQLiteReader {
    /// The scope's numbers as the JSON array the queries bind; nil for every municipality.
    private static func scopeArgument(_ scope: MunicipalityScope) -> String? {
        guard let numbers = scope.numbers else { return nil }
        return "[" + numbers.map { "\"\($0.filter(\.isNumber))\"" }.joined(separator: ",") + "]"
    }

    /// Whether the agreement row `a` is for any municipality in the scope bound as the next argument.
    private static let agreementInScope = """
        EXISTS (SELECT 1 FROM json_each(?) s WHERE instr(',' || a.municipalities || ',', ',' || s.value || ',') > 0)
        """

    public func placements(in scope: MunicipalityScope, provider: OrganisationNumber?) throws -> [Placement] {
        guard let numbers = Self.scopeArgument(scope) else { return try placements(provider: provider) }
        guard let provider else {
            return try PlacementDocuments.decode(try String.fetchAll(try cached("""
                SELECT document FROM placement WHERE municipality_number IN (SELECT value FROM json_each(?)) ORDER BY id
                """), arguments: [numbers]))
        }
        return try PlacementDocuments.decode(try String.fetchAll(try cached("""
            SELECT pl.document FROM placement pl JOIN provider p ON p.id = pl.provider_id
            WHERE p.organisation_number = ? AND pl.municipality_number IN (SELECT value FROM json_each(?)) ORDER BY pl.id
            """), arguments: [provider.digits, numbers]))
    }

    /// The placements' documents are decoded on the other cores while this thread reads their days: the
    /// connection stays on the thread that holds it. The days are read for every placement in the scope,
    /// by the numbers in their rows.
    public func placementsWithDays(in scope: MunicipalityScope, from: LocalDate, to: LocalDate) throws -> (placements: [Placement], days: [StoredAttendance]) {
        let numbers = Self.scopeArgument(scope)
        let rows = try Row.fetchAll(try cached(numbers == nil ? "SELECT id, document FROM placement ORDER BY id" : """
            SELECT id, document FROM placement WHERE municipality_number IN (SELECT value FROM json_each(?)) ORDER BY id
            """), arguments: numbers.map { [$0] } ?? [])
        let ids = rows.map { $0[0] as Int64 }
        let documents = rows.map { $0[1] as String }
        let (placements, days) = try SideBySide.pair(beside: { try PlacementDocuments.decode(documents) },
                                                     here: { try attendance(placements: ids, from: from, to: to) })
        return (placements, days)
    }

    public func agreements(in scope: MunicipalityScope) throws -> [Agreement] {
        guard let numbers = Self.scopeArgument(scope) else { return try allAgreements() }
        return try Row.fetchAll(try cached("SELECT * FROM agreement a WHERE \(Self.agreementInScope) ORDER BY start_date, reference"),
                                arguments: [numbers]).map(agreement(row:))
    }

    public func providers(in scope: MunicipalityScope) throws -> [Provider] {
        guard let numbers = Self.scopeArgument(scope) else { return try allProviders() }
        return try providers(try cached(Provider.selection + """
             WHERE municipality_number IN (SELECT value FROM json_each(?))
                OR id IN (SELECT ap.provider_id FROM agreement_party ap JOIN agreement a ON a.id = ap.agreement_id WHERE \(Self.agreementInScope))
             ORDER BY name COLLATE NOCASE, organisation_number
            """), [numbers, numbers], reserving: try providerCount())
    }

    public func procurements(in scope: MunicipalityScope) throws -> [Procurement] {
        guard let numbers = Self.scopeArgument(scope) else { return try allProcurements() }
        return try Row.fetchAll(try cached("""
            SELECT id, document FROM procurement
            WHERE EXISTS (SELECT 1 FROM json_each(document, '$.municipalities') m WHERE m.value IN (SELECT value FROM json_each(?)))
            ORDER BY id
            """), arguments: [numbers]).map { try Self.decodeProcurement($0["document"], id: $0["id"]) }
    }

    /// The ids of the teams all of whose municipalities are in the scope bound as the next argument.
    private static let teamsInScope = """
        SELECT t.id FROM team t WHERE NOT EXISTS (
            SELECT 1 FROM team_municipality tm WHERE tm.team_id = t.id AND tm.municipality_number NOT IN (SELECT value FROM json_each(?)))
        """

    public func teams(in scope: MunicipalityScope) throws -> [Team] {
        guard let numbers = Self.scopeArgument(scope) else { return try teams() }
        let ids = Set(try Int64.fetchAll(try cached(Self.teamsInScope), arguments: [numbers]))
        return try teams().filter { ids.contains($0.id) }
    }

    public func tasks(in scope: MunicipalityScope) throws -> [WorkTask] {
        guard let numbers = Self.scopeArgument(scope) else { return try tasks() }
        return try String.fetchAll(try cached("""
            SELECT document FROM work_task WHERE team_id IN (\(Self.teamsInScope)) ORDER BY due_date IS NULL, due_date, id
            """), arguments: [numbers]).map(Self.decodeTask)
    }

    public func pilots(in scope: MunicipalityScope) throws -> [Pilot] {
        guard let numbers = Self.scopeArgument(scope) else { return try pilots() }
        return try String.fetchAll(try cached("""
            SELECT document FROM pilot WHERE NOT EXISTS (
                SELECT 1 FROM json_each(document, '$.municipalities') m WHERE m.value NOT IN (SELECT value FROM json_each(?)))
            ORDER BY id
            """), arguments: [numbers]).map(Self.decodePilot)
    }
}
