import Foundation
import TunetDomain

/// Where Tunet keeps a municipality's data: one consistent snapshot to read in, one transaction to
/// change in, each change audited inside it. The use cases see only this; SQLite (TunetStoreSQLite) is
/// one implementation.
public protocol Store: Sendable {
    /// Where the data lives, as a person would name it (a file path), for messages.
    var location: String { get }
    /// What this store promises beyond reading and writing.
    var capabilities: StoreCapabilities { get }

    /// Reads in one consistent snapshot.
    func read<T>(_ body: (any StoreReader) throws -> T) throws -> T
    /// Runs `body` in one transaction; the audit events it records commit with it or not at all.
    func write<T>(actor: AuditActor, at time: Date, _ body: (any StoreTransaction) throws -> T) throws -> T

    /// The days a submission replaced, encoded as its audit event keeps them (nil when it replaced
    /// none): may be made outside the writer and handed to `storeSubmission`.
    func auditSnapshot(ofReplaced replaced: [StoredAttendance]) -> ReplacedDaysAudit?

    /// Copies the data to a new file at `path`, consistently, even while another process writes.
    func backup(to path: String, pages: PageProgress?) throws -> BackupCheck
    /// Replaces the data with the backup at `path` after checking it, refused while another process has
    /// the store open; revocations made since the backup are kept, and the restore itself is audited.
    func restore(from path: String, actor: AuditActor, pages: PageProgress?) throws -> RestoreOutcome
    /// Leaves nothing of erased content in the store's files (for SQLite: rebuilds the file and empties
    /// the write-ahead log); false when the log could not be emptied because another process was reading.
    func clearFreedContent() throws -> Bool
    /// Tidies the store's own files beside the writer (for SQLite: copies the write-ahead log into the
    /// database file); a store that needs none does nothing. True when there was something to tidy, as
    /// while the store is being written to.
    @discardableResult
    func tidy() throws -> Bool
    /// Gives back the memory the store keeps to be faster (page caches, prepared statements, connections
    /// that only read), for a service gone quiet: nothing it holds changes, the next request is only slower.
    func releaseMemory()
    /// Closes the store's connections once its owner is done with it (for SQLite: the write-ahead log is
    /// copied into the database file and emptied). Nothing reads or writes through it afterwards.
    func close() throws
}

extension Store {
    /// Runs `body` in one transaction at the present moment.
    public func write<T>(actor: AuditActor, _ body: (any StoreTransaction) throws -> T) throws -> T {
        try write(actor: actor, at: Date(), body)
    }
}

/// What a store promises beyond reading and writing, so that a use case may choose a faster way
/// only where it is sound.
public struct StoreCapabilities: Sendable, Equatable {
    /// A snapshot read while a transaction is open sees exactly the state that transaction started
    /// from, and reads may run on other threads meanwhile: helpers may share the writer's snapshot.
    public var readsBesideTheWriter: Bool
    /// Record numbers only grow, also across a restore: a number seen once is never given again.
    public var numbersOnlyGrow: Bool

    public init(readsBesideTheWriter: Bool, numbersOnlyGrow: Bool) {
        self.readsBesideTheWriter = readsBesideTheWriter
        self.numbersOnlyGrow = numbersOnlyGrow
    }
}

/// Told, while a database is copied page by page, how many of its pages are copied so far.
public typealias PageProgress = (_ copied: Int, _ total: Int) -> Void

extension Store {
    public func backup(to path: String) throws -> BackupCheck { try backup(to: path, pages: nil) }
    public func restore(from path: String, actor: AuditActor) throws -> RestoreOutcome { try restore(from: path, actor: actor, pages: nil) }
}
