import GRDB
import TunetDomain

extension SQLiteStore {
    /// Rebuilds the database file (VACUUM), so that no page keeps a deleted or overwritten text in its
    /// free space, then copies the write-ahead log into it and truncates the log to nothing: an erased
    /// name is then in none of the database's files. Waits for other processes' readers up to the busy
    /// timeout; returns false when one still held the log.
    public func clearFreedContent() throws -> Bool {
        guard !readOnly else { return false }
        do {
            return try pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM")
                let result = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                return (result?[0] as Int?) == 0
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }
}
