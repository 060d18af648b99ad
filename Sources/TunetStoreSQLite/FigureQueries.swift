import GRDB
import TunetDomain
import TunetStorage

/// Aggregates counted by SQLite itself: no placement, participant code or day leaves the query.
extension SQLiteReader {
    public func figures(from: LocalDate, to: LocalDate, in scope: MunicipalityScope) throws -> [MunicipalityTotals] {
        let numbers = scope.numbers
        let inScope = numbers.map { "AND pl.municipality_number IN (\(Self.marks($0.count)))" } ?? ""
        var figures: [String: MunicipalityTotals] = [:]
        func key(_ municipality: String, _ kind: String) -> String { municipality + "|" + kind }
        let placed = try Row.fetchAll(db, sql: """
            SELECT pl.municipality_number, pl.kind, COUNT(DISTINCT pl.participant_code) AS participants, COUNT(*) AS placements
            FROM placement pl WHERE pl.cancelled = 0 AND pl.start_date <= ? AND pl.end_date >= ? \(inScope)
            GROUP BY pl.municipality_number, pl.kind
            """, arguments: StatementArguments([to.iso, from.iso]) + StatementArguments(numbers ?? []))
        for row in placed {
            guard let kind = PlacementKind(rawValue: row["kind"]) else { continue }
            let municipality: String = row["municipality_number"]
            figures[key(municipality, kind.rawValue)] = MunicipalityTotals(
                municipality: municipality, kind: kind, participants: row["participants"], placements: row["placements"])
        }
        let reported = try Row.fetchAll(db, sql: """
            SELECT pl.municipality_number, pl.kind, SUM(at.status = ?) AS present, SUM(at.status IN (?, ?)) AS absent,
                   SUM(at.day_price_ore + at.transport_ore) AS spent
            FROM placement pl CROSS JOIN attendance at ON at.placement_id = pl.id
            WHERE at.date >= ? AND at.date <= ? \(inScope)
            GROUP BY pl.municipality_number, pl.kind
            """, arguments: StatementArguments([AttendanceStatus.present.rawValue, AttendanceStatus.absentWithNotice.rawValue,
                                                AttendanceStatus.absentWithoutNotice.rawValue, from.iso, to.iso])
                + StatementArguments(numbers ?? []))
        for row in reported {
            guard let kind = PlacementKind(rawValue: row["kind"]) else { continue }
            let municipality: String = row["municipality_number"]
            var entry = figures[key(municipality, kind.rawValue)] ?? MunicipalityTotals(municipality: municipality, kind: kind)
            entry.presentDays = row["present"]
            entry.absentDays = row["absent"]
            entry.spent = Money(ore: row["spent"])
            figures[key(municipality, kind.rawValue)] = entry
        }
        return figures.values.sorted { ($0.municipality, $0.kind.rawValue) < ($1.municipality, $1.kind.rawValue) }
    }
}
