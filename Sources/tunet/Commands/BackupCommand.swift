import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a new file, consistently, even while `tunet serve` is writing.",
        discussion: "Example:\n  tunet backup /var/backups/tunet-2026-11-23.sqlite")

    @Argument(help: "The new backup file (an existing file is kept unless --force).") var path: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var overwrite: OverwriteOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let check = try TerminalProgress.showing(unless: output.json) { progress in
            try MaintenanceDesk(global.readableContext().showing(progress)).backup(to: path, force: overwrite.force)
        }
        if output.json { return try JSONOutput.print(check) }
        Console.say("backup.done", ["path": .text(check.path), "schema": .text(check.migrations.last ?? "–"), "providers": .integer(check.providers),
                                    "events": .integer(check.auditEvents)])
    }
}
