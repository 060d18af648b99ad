import PostgresNIO
import TunetDomain
import TunetStorage

/// Aggregates counted by PostgreSQL itself: no placement, participant code or day leaves the query.
extension PostgresReader {
    public func figures(from: LocalDate, to: LocalDate, in scope: MunicipalityScope) throws -> [MunicipalityTotals] {
        // nil reads every municipality: each condition on the scope holds when it is absent.
        let numbers = scope.numbers
        var figures: [String: MunicipalityTotals] = [:]
        func key(_ municipality: String, _ kind: String) -> String { municipality + "|" + kind }
        let placed = try rows("""
            SELECT pl.municipality_number, pl.kind, COUNT(DISTINCT pl.participant_code), COUNT(*)
            FROM placement pl
            WHERE NOT pl.cancelled AND pl.start_date <= \(to) AND pl.end_date >= \(from)
              AND (\(numbers)::text[] IS NULL OR pl.municipality_number = ANY(\(numbers)))
            GROUP BY pl.municipality_number, pl.kind
            """)
        for row in placed {
            let cells = row.cells
            guard let kind = PlacementKind(rawValue: try cells(1)) else { continue }
            let municipality: String = try cells(0)
            figures[key(municipality, kind.rawValue)] = MunicipalityTotals(
                municipality: municipality, kind: kind, participants: Int(try cells(2, as: Int64.self)), placements: Int(try cells(3, as: Int64.self)))
        }
        let present = AttendanceStatus.present.rawValue
        let absent = [AttendanceStatus.absentWithNotice.rawValue, AttendanceStatus.absentWithoutNotice.rawValue]
        let reported = try rows("""
            SELECT pl.municipality_number, pl.kind, COUNT(*) FILTER (WHERE at.status = \(present)),
                   COUNT(*) FILTER (WHERE at.status = ANY(\(absent))), SUM(at.day_price_ore + at.transport_ore)::bigint
            FROM placement pl JOIN attendance at ON at.placement_id = pl.id
            WHERE at.date >= \(from) AND at.date <= \(to)
              AND (\(numbers)::text[] IS NULL OR pl.municipality_number = ANY(\(numbers)))
            GROUP BY pl.municipality_number, pl.kind
            """)
        for row in reported {
            let cells = row.cells
            guard let kind = PlacementKind(rawValue: try cells(1)) else { continue }
            let municipality: String = try cells(0)
            var entry = figures[key(municipality, kind.rawValue)] ?? MunicipalityTotals(municipality: municipality, kind: kind)
            entry.presentDays = Int(try cells(2, as: Int64.self))
            entry.absentDays = Int(try cells(3, as: Int64.self))
            entry.spent = Money(ore: try cells(4, as: Int64.self))
            figures[key(municipality, kind.rawValue)] = entry
        }
        return figures.values.sorted { ($0.municipality, $0.kind.rawValue) < ($1.municipality, $1.kind.rawValue) }
    }
}
