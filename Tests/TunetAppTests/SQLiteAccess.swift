import GRDB
@testable import TunetApp
@testable import TunetStoreSQLite

extension TunetContext {
    /// The SQLite store underneath, for tests that change the file as something outside Tunet would.
    var sqlite: SQLiteStore {
        get throws {
            guard let store = store as? SQLiteStore else { throw NotSQLite() }
            return store
        }
    }
}

extension SyntheticFarm {
    /// A farm of four placements with May 2025's days stored, in the SQLite file.
    static func mayInSQLite() throws -> SyntheticFarm {
        let farms = try SyntheticFarm(placements: 4)
        _ = try farms.importMonth("2025-05")
        return farms
    }
}

extension SQLiteStore {
    /// Every stored day, as the attendance table holds it, in key order.
    func attendanceTable() throws -> [Row] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM attendance ORDER BY placement_id, date") }
    }
}

/// A test that changes the SQLite file directly ran on another store: it belongs to the SQLite pass only.
struct NotSQLite: Error, CustomStringConvertible {
    var description: String { "this test changes the SQLite file directly; it is not run on PostgreSQL" }
}
