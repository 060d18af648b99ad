import Foundation
import TunetDomain
import TunetStorage

/// A copy of the data, checked: where it is, the schema it has, how many farms and audit events it holds.
public struct BackupView: Sendable, Encodable {
    public let path: String
    public let migrations: [String]
    public let providers: Int
    public let auditEvents: Int

    init(_ check: BackupCheck, path: String? = nil) {
        self.path = path ?? check.path
        migrations = check.migrations
        providers = check.providers
        auditEvents = check.auditEvents
    }
}

/// A restore: the backup it copied, the revocations it kept and the acknowledged submissions it lost.
public struct RestoreView: Sendable, Encodable {
    public let backup: BackupView
    public let revocationsKept: [KeptRevocation]
    public let submissionsLost: [LostSubmission]

    enum CodingKeys: String, CodingKey {
        case revocationsKept = "revocations_kept"
        case submissionsLost = "submissions_lost"
    }

    /// The backup's fields stay at the top, as before, beside what the restore kept and lost.
    public func encode(to encoder: Encoder) throws {
        try backup.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(revocationsKept, forKey: .revocationsKept)
        try container.encode(submissionsLost, forKey: .submissionsLost)
    }
}

/// Backing up and restoring the whole store.
public struct MaintenanceDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// Copies the data to a new file, consistently, even while the service writes. The path is checked
    /// as every output is (no link, not the database under another name); an existing file is replaced
    /// only with `force`, and then only once the new copy is complete and checked.
    public func backup(to path: String, force: Bool = false) throws -> BackupView {
        let url = try OutputPath.check(path, extension: nil, database: context.store.location, force: force)
        guard (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil else {
            return BackupView(try context.store.backup(to: path, pages: pageProgress))
        }
        let fresh = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)").path
        do {
            let check = try context.store.backup(to: fresh, pages: pageProgress)
            guard rename(fresh, url.path) == 0 else {
                throw TunetError.unwritableOutput(path: path, reason: Message("output.error.not_replaced", ["detail": .text(String(cString: strerror(errno)))]))
            }
            return BackupView(check, path: path)
        } catch {
            try? FileManager.default.removeItem(atPath: fresh)
            throw error
        }
    }

    /// The pages copied, as progress; nil when no one watches, so that the copy is made in one step.
    private var pageProgress: PageProgress? {
        let progress = context.progress
        guard !(progress is SilentProgress) else { return nil }
        var begun = false
        return { copied, total in
            if !begun { progress.begin(.copyingPages, total: Int64(total)); begun = true }
            progress.update(Int64(copied))
        }
    }

    /// Replaces the data with a checked backup, refused while another process has the database open;
    /// the restore is audited under the context's actor.
    public func restore(from path: String) throws -> RestoreView {
        let outcome = try context.store.restore(from: path, actor: context.actor, pages: pageProgress)
        return RestoreView(backup: BackupView(outcome.backup), revocationsKept: outcome.revocationsKept, submissionsLost: outcome.submissionsLost)
    }
}
