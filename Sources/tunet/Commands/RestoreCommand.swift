import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

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
            throw ValidationError(global.database.map { Console.texts("restore.confirm_file", ["path": .text($0)]) } ?? Console.texts("restore.confirm"))
        }
        let context = try global.writableContext()
        let check = try MaintenanceDesk(context).restore(from: path)
        if output.json { return try JSONOutput.print(check) }
        Console.say("restore.done", ["path": .text(check.path), "providers": .integer(check.providers), "events": .integer(check.auditEvents)])
    }
}
