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

/// A test that changes the SQLite file directly ran on another store: it belongs to the SQLite pass only.
struct NotSQLite: Error, CustomStringConvertible {
    var description: String { "this test changes the SQLite file directly; it is not run on PostgreSQL" }
}
