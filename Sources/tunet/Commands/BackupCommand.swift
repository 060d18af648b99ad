import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: Help.abstract("backup"),
        discussion: Help.discussion("backup"))

    @Argument(help: Help.option("backup.path", value: "path")) var path: String
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
