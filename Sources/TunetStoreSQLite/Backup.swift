import Foundation
import GRDB
import TunetDomain
import TunetStorage

extension SQLiteStore {
    /// Copies the database to `path` with SQLite's online backup: consistent even while the service writes.
    public func backup(to path: String, pages: PageProgress?) throws -> BackupCheck {
        // Not `fileExists`, which follows a link: a link that points nowhere is refused too.
        if (try? FileManager.default.attributesOfItem(atPath: path)) != nil {
            throw TunetError.unwritableOutput(path: path, reason: Message("files.backup.exists"))
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            throw TunetError.unwritableOutput(path: path, reason: Message("files.folder_missing", ["folder": .text(folder)]))
        }
        do {
            let target = try DatabaseQueue(path: path)
            try pool.backup(to: target, pagesPerStep: pages == nil ? -1 : Self.pagesPerStep, progress: Self.reporting(pages))
            try target.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw Self.translate(error, path: path)
        }
        return try Self.check(path)
    }

    /// Replaces this database's content with the backup at `path`, after checking that the backup is
    /// a sound Tunet database this version understands, and only while no other process has the database
    /// open (a service writing beside a restore would hand out numbers the copy then hands out again).
    /// Revocations made since the backup are kept; the submissions the backup lacks are named.
    public func restore(from path: String, actor: AuditActor, pages: PageProgress?) throws -> RestoreOutcome {
        let checked = try Self.check(path)
        return try hold.exclusively {
            let (issued, revoked, acknowledged) = try readSQLite { reader in
                (try reader.issuedIds(), try reader.revocations(), try reader.acknowledgedSubmissions())
            }
            do {
                let source = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
                try source.backup(to: pool, pagesPerStep: pages == nil ? -1 : Self.pagesPerStep, progress: Self.reporting(pages))
                try source.close()
            } catch {
                throw Self.translate(error, path: path)
            }
            try migrate()
            return try writeSQLite(actor: actor) { tx in
                try tx.continueIds(after: issued)
                let outcome = RestoreOutcome(backup: checked, revocationsKept: try tx.keep(revoked), submissionsLost: try tx.missing(acknowledged))
                try tx.audit("restore", entity: "database", id: (path as NSString).lastPathComponent, before: String?.none, after: outcome)
                return outcome
            }
        }
    }

    /// Pages copied in one step when someone watches: 16 MB of 4 KB pages, a few steps a second.
    static let pagesPerStep: CInt = 4_096

    static func reporting(_ pages: PageProgress?) -> ((DatabaseBackupProgress) throws -> Void)? {
        guard let pages else { return nil }
        return { progress in pages(progress.completedPageCount, progress.totalPageCount) }
    }

    /// Integrity, a Tunet schema and no migration from a newer Tunet.
    static func check(_ path: String) throws -> BackupCheck {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw TunetError.missingDatabase(path: path) }
        guard !isFolder.boolValue else { throw TunetError.incompatibleDatabase(Message("files.backup.folder", ["path": .text(path)])) }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard integrity == ["ok"] else {
                    throw TunetError.incompatibleDatabase(Message("files.backup.integrity", ["path": .text(path), "detail": .text(integrity.prefix(3).joined(separator: "; "))]))
                }
                guard try db.tableExists("grdb_migrations") else {
                    throw TunetError.incompatibleDatabase(Message("files.backup.not_tunet", ["path": .text(path)]))
                }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                let known = Set(Schema.migrator.migrations)
                let unknown = applied.filter { !known.contains($0) }
                guard unknown.isEmpty else {
                    throw TunetError.incompatibleDatabase(Message("files.backup.newer", ["path": .text(path), "schema": .text(unknown.joined(separator: ", "))]))
                }
                return BackupCheck(path: path, migrations: applied,
                                   providers: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM provider") ?? 0,
                                   auditEvents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_event") ?? 0)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            throw TunetError.incompatibleDatabase(Message("files.backup.damaged", ["path": .text(path), "detail": .text(error.message ?? "SQLITE_CORRUPT")]))
        } catch {
            throw translate(error, path: path)
        }
    }
}

/// The last id handed out in each table that numbers with AUTOINCREMENT.
struct IssuedIds: Sendable {
    let byTable: [String: Int64]
}

extension SQLiteReader {
    func issuedIds() throws -> IssuedIds {
        IssuedIds(byTable: Dictionary(try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence")
            .map { ($0["name"] as String, $0["seq"] as Int64) }, uniquingKeysWith: max))
    }
}

extension SQLiteTransaction {
    /// After a restore, ids go on from where the replaced database had come, never handing out again an
    /// id it had used: an audit event or a submission is known by its id, and what a running service
    /// keeps is stamped with the newest ones (it looks for events after them to learn what changed).
    func continueIds(after issued: IssuedIds) throws {
        for (table, seq) in issued.byTable {
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?", arguments: [seq, table])
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_sequence WHERE name = ?", arguments: [table]) == 0 {
                try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [table, seq])
            }
        }
    }
}
