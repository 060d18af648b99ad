import ArgumentParser
import Foundation
import TunetApp
import TunetStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a new file, consistently, even while `tunet serve` is writing.",
        discussion: "Example:\n  tunet backup /var/backups/tunet-2026-11-23.sqlite")

    @Argument(help: "The new backup file (it must not exist).") var path: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let check = try global.readableContext().database.backup(to: path)
        if output.json { return try JSONOutput.print(check) }
        Console.out("Backed up to \(check.path): schema \(check.migrations.last ?? "–"), \(check.providers) providers, \(check.auditEvents) audit events; integrity checked.")
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database's content with a backup, after checking its integrity and schema version.",
        discussion: """
            Everything in the current database is replaced; --yes confirms that. A backup from an older Tunet is \
            upgraded; one from a newer Tunet or one that fails SQLite's integrity check is refused and nothing changes.

            Example:
              tunet restore /var/backups/tunet-2026-11-23.sqlite --yes
            """)

    @Argument(help: "The backup file.") var path: String
    @Flag(help: "Confirm that the current content is replaced.") var yes = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard yes else {
            throw ValidationError("Restoring replaces everything in \(global.database ?? "the database"); add --yes to confirm.")
        }
        let context = try global.writableContext()
        let check = try context.database.restore(from: path, actor: context.actor)
        if output.json { return try JSONOutput.print(check) }
        Console.out("Restored \(check.path): \(check.providers) providers, \(check.auditEvents) audit events (the restore itself is now audited).")
    }
}
