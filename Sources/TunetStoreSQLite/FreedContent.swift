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
                return try Self.emptyWriteAheadLog(db)
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Copies the write-ahead log into the database file and truncates it to nothing; false when
    /// another connection's reader still held part of it.
    static func emptyWriteAheadLog(_ db: Database) throws -> Bool {
        (try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")?[0] as Int?) == 0
    }
}
