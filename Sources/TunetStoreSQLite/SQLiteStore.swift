import CSQLiteSettings
import Foundation
import Synchronization
import GRDB
import TunetDomain
import TunetStorage

/// The one SQLite file that holds a municipality's Tunet data.
///
/// Opened in WAL mode (a `DatabasePool`) so that readers never block the writer, with foreign keys
/// on and a bounded wait when another process is writing. Every change goes through `write`,
/// which runs one transaction and writes the audit events inside it.
public final class SQLiteStore: Store {
    /// The pages the write-ahead log held after the last `tidy`.
    private let tidiedLogPages = Atomic(0)
    public let path: String
    let pool: DatabasePool
    /// A connection of its own for copying the write-ahead log into the file, when the caller does that.
    private let checkpointer: DatabaseQueue?
    /// This process's shared hold on the file: a restore or a replacement elsewhere waits for it to go.
    let hold: DatabaseHold
    /// Opened read-only: its folder cannot be written to (a read-only mount, say), or a command that only
    /// reads opened it while another process may be writing.
    public let readOnly: Bool

    /// Who copies the write-ahead log into the database file.
    public enum Checkpoints: Sendable {
        /// The writer, as a commit takes the log past 1,000 pages (SQLite's default): right for a command.
        case whenCommitting
        /// The caller, through `checkpoint()`: a service does it beside the writer, whose commits a
        /// checkpoint would otherwise hold up while other uploads wait (BENCHMARKS.md).
        case byCaller
    }

    /// How long a writer waits for another process before the user is told to try again, unless the
    /// configuration says otherwise (TUNET_BUSY_TIMEOUT).
    public static let defaultBusyTimeout: TimeInterval = 10

    /// Opens (and upgrades in place) the database at `path`.
    /// - Parameter mustExist: refuse a path with no file, so that a mistyped path is not silently
    ///   answered from a new, empty database.
    public init(path: String, mustExist: Bool = false, busyTimeout: TimeInterval = defaultBusyTimeout,
                checkpoints: Checkpoints = .whenCommitting) throws(TunetError) {
        self.path = path
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            throw .incompatibleDatabase(Message("files.database.folder", ["path": .text(path)]))
        }
        if !exists && mustExist {
            throw .missingDatabase(path: path)
        }
        // A command that only reads must not quietly turn an empty file into a database.
        if exists && mustExist, Self.fileSize(path) == 0 {
            throw .incompatibleDatabase(Message("files.database.empty_file", ["path": .text(path)], fields: ["database"]))
        }
        let folderPath = (path as NSString).deletingLastPathComponent
        let folderWritable = fileManager.isWritableFile(atPath: folderPath.isEmpty ? "." : folderPath)
        // Opening for writing makes GRDB write a scratch table when the log is there but empty (another
        // process has the file open and has not yet written, or holds a write transaction that has not
        // spilled): that would wait for a writer, which WAL readers never need. A command that only reads
        // then opens read-only.
        let emptyLog = Self.fileSize(path + "-wal") == 0
        readOnly = exists && (!folderWritable || (mustExist && emptyLog))
        if !exists {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty && !fileManager.fileExists(atPath: folder) {
                throw .unwritableOutput(path: path, reason: Message("files.folder_missing", ["folder": .text(folder)]))
            }
        }
        _ = Self.processSettings
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .callback(BusyWait.polling(upTo: busyTimeout))
        configuration.label = "tunet"
        if checkpoints == .byCaller && !readOnly {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        }
        configuration.readonly = readOnly
        do {
            pool = try DatabasePool(path: folderWritable ? path : Self.readOnlyLocation(path), configuration: configuration)
            var own = Configuration()
            own.label = "tunet-checkpoints"
            own.busyMode = .callback(BusyWait.polling(upTo: busyTimeout))
            checkpointer = checkpoints == .byCaller && !readOnly ? try DatabaseQueue(path: path, configuration: own) : nil
        } catch {
            throw Self.translate(error, path: path)
        }
        hold = try DatabaseHold(path: path, timeout: busyTimeout)
        try migrate()
    }

    /// A file's size in bytes; nil when there is none. `stat` itself: FileManager's dictionary of every
    /// attribute, and casting its size from `Any`, were a tenth of opening the store.
    private static func fileSize(_ path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_size)
    }

    /// A database in a folder this process cannot write to is read as it is. Without a write-ahead log
    /// beside it (closed cleanly) nobody can be writing it, so SQLite is told the file will not change and
    /// needs no shared-memory file it could not create; with one, SQLite reads the log as it stands.
    private static func readOnlyLocation(_ path: String) -> String {
        guard !FileManager.default.fileExists(atPath: path + "-wal") else { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))) ?? absolute
        return "file:\(escaped)?immutable=1"
    }

    /// SQLite's process-wide settings, made once before the first database is opened.
    private static let processSettings: Void = {
        _ = tunet_sqlite_disable_memory_statistics()
    }()

    func migrate() throws(TunetError) {
        let migrator = Schema.migrator
        do {
            // A database already up to date is not written to: a command that only reads then never waits
            // for another process's writer, and a read-only file can be read.
            let upToDate = try pool.read { db -> Bool in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if !tables.isEmpty && !tables.contains("grdb_migrations") {
                    throw TunetError.incompatibleDatabase(
                        Message("files.database.foreign", ["path": .text(path)]))
                }
                if try migrator.hasBeenSuperseded(db) {
                    let known = Set(migrator.migrations)
                    let unknown = try migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted()
                    throw TunetError.incompatibleDatabase(Message("files.database.newer", [
                        "path": .text(path), "schema": .text(unknown.joined(separator: ", ")), "version": .text(TunetVersion.current)]))
                }
                return try migrator.hasCompletedMigrations(db)
            }
            if !upToDate { try migrator.migrate(pool) }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Copies what it can of the write-ahead log into the database file without waiting for the writer
    /// or the readers (a passive checkpoint), and returns the pages the log then holds. Uploads that
    /// never pause leave no moment when the log may start again from its beginning, so once it holds
    /// `restartAbove` pages, the checkpoint waits for the writer and the readers instead, and the log
    /// starts again: it stays bounded. Does nothing unless the database was opened with `.byCaller`.
    @discardableResult
    public func checkpoint(restartAbove: Int = 16_384) throws -> Int {
        guard let checkpointer else { return 0 }
        do {
            return try checkpointer.writeWithoutTransaction { db in
                let passive = try db.checkpoint(.passive)
                guard passive.walFrameCount > restartAbove else { return passive.walFrameCount }
                return try db.checkpoint(.restart).walFrameCount
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// The schema migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Schema.migrator.appliedMigrations(db) }
    }

    /// Reads in a consistent snapshot.
    public func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        try readSQLite(body)
    }

    /// Runs `body` in one transaction; the audit events it records commit with it or not at all.
    public func write<T>(actor: AuditActor, at time: Date, _ body: (any StoreTransaction) throws -> T) throws -> T {
        try writeSQLite(actor: actor, at: time, body)
    }

    func readSQLite<T>(_ body: (SQLiteReader) throws -> T) throws -> T {
        do {
            return try pool.read { db in try body(SQLiteReader(db)) }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    func writeSQLite<T>(actor: AuditActor, at time: Date = Date(), _ body: (SQLiteTransaction) throws -> T) throws -> T {
        do {
            return try pool.write { db in
                try body(SQLiteTransaction(db, actor: actor, at: AuditClock.timestamp(time)))
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    public var location: String { path }

    /// WAL mode lets a snapshot be read beside the open write transaction, and it sees the state that
    /// transaction started from; numbers come from AUTOINCREMENT and a restore keeps them growing.
    public var capabilities: StoreCapabilities { StoreCapabilities(readsBesideTheWriter: true, numbersOnlyGrow: true) }

    public func auditSnapshot(ofReplaced replaced: [StoredAttendance]) -> ReplacedDaysAudit? {
        Self.auditSnapshot(ofReplaced: replaced)
    }

    /// Deflated here, beside the writer, when large: the writer then only stores it.
    static func auditSnapshot(ofReplaced replaced: [StoredAttendance]) -> ReplacedDaysAudit? {
        guard !replaced.isEmpty else { return nil }
        let json = ReplacedDaysSnapshot.json(replaced)
        return ReplacedDaysAudit(json: json, kept: StoredSnapshot.deflated(json))
    }

    /// Something was tidied when the log holds another number of pages than after the last tidying: it
    /// grew, or started again from its beginning.
    public func tidy() throws -> Bool {
        let pages = try checkpoint()
        return tidiedLogPages.exchange(pages, ordering: .relaxed) != pages
    }

    /// SQLite's page caches and prepared statements are freed and the readers' connections closed (GRDB
    /// opens them again when a read needs one; one in use closes when its read ends); waits for a write in
    /// progress to finish. Not GRDB's `releaseMemory()`: its barrier holds every new read until all running
    /// ones end, and an import's helpers, reading beside the writer and waiting for each other, never would.
    public func releaseMemory() {
        pool.releaseMemoryEventually()
        // The writer frees its caches on its own queue: once a write after it has run, they are freed.
        pool.writeWithoutTransaction { _ in }
    }

    public func close() throws {
        do {
            // The pool closes its read-only connections last, and a read-only connection cannot remove the
            // write-ahead log as the last one out: the log is copied into the database file and emptied first.
            _ = try pool.writeWithoutTransaction(Self.emptyWriteAheadLog)
            try checkpointer?.close()
            try pool.close()
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    static func translate(_ error: any Error, path: String) -> TunetError {
        if let tunetError = error as? TunetError { return tunetError }
        guard let databaseError = error as? DatabaseError else {
            return TunetError.internalFault(String(describing: error))
        }
        switch databaseError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return TunetError.busy(
                Message("files.database.busy", ["path": .text(path)]))
        case .SQLITE_NOTADB:
            return TunetError.incompatibleDatabase(Message("files.database.not_sqlite", ["path": .text(path)]))
        case .SQLITE_CORRUPT:
            return TunetError.incompatibleDatabase(
                Message("files.database.damaged", ["path": .text(path), "detail": .text(databaseError.message ?? "SQLITE_CORRUPT")]))
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
            return TunetError.unwritableOutput(path: path, reason: databaseError.message.map { Message("files.database.cannot_open_detail", ["detail": .text($0)]) } ?? Message("files.database.cannot_open"))
        case .SQLITE_FULL:
            return TunetError.unwritableOutput(path: path, reason: Message("files.database.disk_full"))
        default:
            return TunetError.internalFault("SQLite: \(databaseError.message ?? databaseError.description)")
        }
    }
}

/// Read access inside one snapshot or transaction.
public class SQLiteReader: StoreReader {
    let db: Database
    init(_ db: Database) { self.db = db }

    /// `?, ?, ?`: placeholders for a list whose values are bound as parameters, never written into SQL.
    static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// The statement for `sql`, prepared once per connection: the service runs the same few queries for
    /// every request, and parsing them each time was a fourteenth of an upload (BENCHMARKS.md). Only for
    /// SQL whose text is one of a few (lists of `marks` would fill the cache), and not for cursors (a
    /// cached statement is not re-entrant).
    func cached(_ sql: String) throws -> Statement {
        try db.cachedStatement(sql: sql)
    }
}

/// Write access inside one transaction. Every change a use case makes goes through a method here
/// that also records its audit event.
public final class SQLiteTransaction: SQLiteReader, StoreTransaction {
    public let actor: AuditActor
    /// The transaction's time, shared by all its audit events (ISO 8601, UTC).
    public let timestamp: String

    init(_ db: Database, actor: AuditActor, at timestamp: String) {
        self.actor = actor
        self.timestamp = timestamp
        super.init(db)
    }
}
