@testable import TunetApp
@testable import TunetStoreSQLite

extension TunetContext {
    /// The SQLite store underneath, for tests that change the file as something outside Tunet would.
    var sqlite: SQLiteStore { store as! SQLiteStore }
}
