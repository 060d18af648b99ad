import Foundation
import PostgresNIO
import TunetDomain
import TunetStorage

/// Tunet's data in a shared PostgreSQL database: the store of a county's or the nation's service,
/// where several service instances use one database.
///
/// One writer at a time, as in SQLite: every transaction that changes something first takes a lock
/// the whole database shares (an advisory lock), so its snapshot is taken after the last writer
/// committed and audit numbers are given in the order transactions commit; the caches' stamps rely on
/// that. Reads never wait for the writer.
public final class PostgresStore: @unchecked Sendable {
    let address: PostgresAddress
    let pool: PostgresSessionPool

    /// The lock every writer takes, in every instance ("TUNETW").
    static let writerLock: Int64 = 0x54_55_4E_45_54_57
    /// How many times a transaction the server could not serialise runs again before the user is told
    /// the database is busy.
    static let serializationRetries = 4

    /// Connects, and applies the migrations the database lacks. `connections` bounds what this process
    /// opens: a service's requests wait for one of them rather than each opening its own.
    public init(address: PostgresAddress, busyTimeout: TimeInterval, connections: Int = 8) throws(TunetError) {
        self.address = address
        pool = PostgresSessionPool(address: address, capacity: connections, busyTimeout: busyTimeout)
        let session = try pool.take()
        defer { pool.give(session) }
        _ = try PostgresSchema.migrate(session)
    }

    public var location: String { address.description }

    /// A read started while a transaction is open sees the state it started from, since nothing else
    /// writes meanwhile; numbers are given under the writer's lock, so they grow in commit order.
    public var capabilities: StoreCapabilities { StoreCapabilities(readsBesideTheWriter: true, numbersOnlyGrow: true) }

    /// The migrations applied to the database, oldest first.
    public func appliedMigrations() throws -> [String] {
        try withSession { session throws(TunetError) in
            try session.run("SELECT name FROM tunet_schema_migration ORDER BY applied_at, name").map { row throws(TunetError) in try row.cells(0) }
        }
    }

    func readPostgres<T>(_ body: (PostgresReader) throws -> T) throws -> T {
        try withSession { session in
            try session.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do {
                let result = try body(PostgresReader(session))
                try session.run("COMMIT")
                return result
            } catch {
                session.rollBack()
                throw PostgresFailure.translate(error, address: address)
            }
        }
    }

    func writePostgres<T>(actor: AuditActor, at time: Date = Date(), _ body: (PostgresTransaction) throws -> T) throws -> T {
        let timestamp = AuditClock.timestamp(time)
        var attempt = 0
        while true {
            do {
                return try withSession { session in
                    try session.run("SELECT pg_advisory_lock(\(Self.writerLock))")
                    defer { session.releaseWriterLock(Self.writerLock) }
                    try session.run("BEGIN ISOLATION LEVEL REPEATABLE READ")
                    do {
                        let transaction = PostgresTransaction(session, actor: actor, at: timestamp)
                        let result = try body(transaction)
                        try transaction.writeHeldDays()
                        try session.run("COMMIT")
                        return result
                    } catch {
                        session.rollBack()
                        throw error
                    }
                }
            } catch let error where PostgresFailure.isSerializationFailure(error) && attempt < Self.serializationRetries {
                attempt += 1
                Thread.sleep(forTimeInterval: Double.random(in: 0.005...0.02) * Double(attempt))
            } catch {
                throw PostgresFailure.translate(error, address: address)
            }
        }
    }

    private func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let session = try pool.take()
        defer { pool.give(session) }
        return try body(session)
    }

    public func auditSnapshot(ofReplaced replaced: [StoredAttendance]) -> ReplacedDaysAudit? {
        replaced.isEmpty ? nil : ReplacedDaysAudit(json: ReplacedDaysSnapshot.json(replaced))
    }

    /// PostgreSQL's own tools make a shared database's backups (README, "A shared PostgreSQL server"):
    /// `pg_dump` writes a copy that `pg_restore` reads, and continuous archiving recovers to a moment.
    public func backup(to path: String, pages: PageProgress?) throws -> BackupCheck {
        try PostgresBackup(address: address).dump(to: path, check: backupCheck)
    }

    /// A shared database serves other municipalities too: replacing it is the IT department's work with
    /// `pg_restore` or point-in-time recovery, never one municipality's command.
    public func restore(from path: String, actor: AuditActor, pages: PageProgress?) throws -> RestoreOutcome {
        throw TunetError.conflict(Message("files.postgres.restore_refused", ["database": .text(address.description), "path": .text(path)]))
    }

    private func backupCheck(_ path: String) throws -> BackupCheck {
        try readPostgres { reader in
            BackupCheck(path: path, migrations: try appliedMigrations(), providers: try reader.providerCount(),
                        auditEvents: try reader.auditEventCount())
        }
    }

    /// Rewrites the tables that held erased text, so that the old rows' bytes leave the table files (a
    /// plain update leaves them until the space is used again). False when another transaction held one
    /// of the tables longer than the busy timeout: the erasure stands, the rewrite waits for the next.
    public func clearFreedContent() throws -> Bool {
        try withSession { session in
            do {
                try session.run("VACUUM (FULL) participant_name, follow_up, placement, work_task, audit_event")
                return true
            } catch let failure as TunetError {
                guard case .busy = failure else { throw failure }
                return false
            }
        }
    }

    /// The server tidies its own files (autovacuum, checkpoints).
    public func tidy() throws -> Bool { false }

    /// The pool's connections keep no cache worth giving back; the server's memory is the server's.
    public func releaseMemory() {}

    public func close() throws {
        pool.closeAll()
    }
}

/// Read access inside one snapshot or transaction.
public class PostgresReader {
    let session: PostgresSession

    init(_ session: PostgresSession) { self.session = session }

    /// Runs a statement whose values are bound as parameters (a `PostgresQuery` literal binds what it
    /// interpolates), never written into the SQL.
    @discardableResult
    func rows(_ query: PostgresQuery) throws(TunetError) -> [PostgresRow] {
        try beforeStatement()
        return try session.run(query)
    }

    /// The first column of the first row, or nil when there is no row.
    func value<Value: PostgresDecodable>(_ query: PostgresQuery, as type: Value.Type = Value.self) throws(TunetError) -> Value? {
        try beforeStatement()
        guard let row = try session.run(query).first else { return nil }
        return try row.cells(0)
    }

    /// What must reach the server before any statement runs (a transaction's held days).
    func beforeStatement() throws(TunetError) {}
}

/// Write access inside one transaction. Every change a use case makes goes through a method here
/// that also records its audit event.
public final class PostgresTransaction: PostgresReader {
    public let actor: AuditActor
    public let timestamp: String

    /// New days not yet in the table: they go in one COPY before any other statement of the
    /// transaction runs (so that every statement sees them) and before it commits.
    private var heldDays = AttendanceCopyText()
    /// Set while statements run that read and write no reported day, which held days may wait behind.
    private var holding = false
    /// Held days beyond this many go to the table at once: some 1.5 MB of text, so that the statement's
    /// check of the days it wrote (a transition table) stays within the server's default work_mem.
    static let heldDaysLimit = 20_000

    init(_ session: PostgresSession, actor: AuditActor, at timestamp: String) {
        self.actor = actor
        self.timestamp = timestamp
        super.init(session)
    }

    override func beforeStatement() throws(TunetError) {
        if !holding { try writeHeldDays() }
    }

    /// Holds new days (in primary-key order) for the transaction's next COPY.
    func hold(_ ordered: [StoredAttendance], submission: Int64) throws(TunetError) {
        heldDays.append(ordered, submission: submission)
        if heldDays.count >= Self.heldDaysLimit { try writeHeldDays() }
    }

    /// Writes the held days: before any other statement, and before the transaction commits.
    func writeHeldDays() throws(TunetError) {
        guard !heldDays.isEmpty else { return }
        try session.copy(into: "attendance", columns: PostgresAttendanceRows.columns, chunks: heldDays.take())
    }

    /// Runs statements that read and write no reported day: held days may wait behind them.
    func keepingDaysHeld<T>(_ body: () throws -> T) rethrows -> T {
        let wasHolding = holding
        holding = true
        defer { holding = wasHolding }
        return try body()
    }
}
