import TunetDomain
import TunetStorage

/// A copy of the data, checked: where it is, the schema it has, how many farms and audit events it holds.
public struct BackupView: Sendable, Encodable {
    public let path: String
    public let migrations: [String]
    public let providers: Int
    public let auditEvents: Int

    init(_ check: BackupCheck) {
        path = check.path
        migrations = check.migrations
        providers = check.providers
        auditEvents = check.auditEvents
    }
}

/// Backing up and restoring the whole store.
public struct MaintenanceDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// Copies the data to a new file, consistently, even while the service writes.
    public func backup(to path: String) throws -> BackupView {
        BackupView(try context.store.backup(to: path))
    }

    /// Replaces the data with a checked backup; the restore is audited under the context's actor.
    public func restore(from path: String) throws -> BackupView {
        BackupView(try context.store.restore(from: path, actor: context.actor))
    }
}
