import Foundation
import GRDB

/// What a shell's Tab may offer from a database file: read over a read-only connection that waits a fifth
/// of a second at most for a writer, and only from a Tunet database of exactly this version. A Tab never
/// creates, migrates or changes a file (another program's SQLite file included), and never hangs.
public enum CompletionWords {
    public static func organisationNumbers(in path: String) -> [String] {
        read(path, "SELECT organisation_number FROM provider ORDER BY organisation_number")
    }

    public static func agreementReferences(in path: String) -> [String] {
        read(path, "SELECT reference FROM agreement ORDER BY reference")
    }

    private static func read(_ path: String, _ sql: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { return [] }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(0.2)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                guard try db.tableExists("grdb_migrations"),
                      try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                      == Schema.migrator.migrations.sorted() else { return [] }
                return try String.fetchAll(db, sql: sql)
            }
        } catch {
            return []
        }
    }
}
