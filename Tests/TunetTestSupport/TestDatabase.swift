import Foundation

/// Where a test keeps its data: a SQLite file in its folder, or, when the suite runs a second time with
/// TUNET_TEST_STORE=postgres (scripts/test does), a fresh database of a throwaway PostgreSQL server.
/// The same tests then specify both stores.
public enum TestDatabase {
    public static var usesPostgres: Bool { ProcessInfo.processInfo.environment["TUNET_TEST_STORE"] == "postgres" }

    /// Every byte the database holds where a reader of its files could find it: a SQLite file's bytes, or
    /// every row of every table of a PostgreSQL database.
    public static func everythingStored(at location: String) throws -> Data {
        usesPostgres ? Data(try PostgresCluster.shared().snapshot(of: location).utf8) : try Data(contentsOf: URL(fileURLWithPath: location))
    }

    /// The database a test's Tunet is given (`--database` or TUNET_DATABASE).
    public static func location(in folder: URL, name: String = "tunet.sqlite") throws -> String {
        usesPostgres ? try PostgresCluster.shared().freshDatabase() : folder.appendingPathComponent(name).path
    }
}
