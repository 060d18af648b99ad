import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: Help.abstract("restore"),
        discussion: Help.discussion("restore"))

    @Argument(help: Help.option("restore.path", value: "path")) var path: String
    @Flag(help: Help.option("restore.yes")) var yes = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard yes else {
            throw ValidationError(global.database == nil ? Console.texts("restore.confirm")
                                  : Console.texts("restore.confirm_file", ["path": .text(try global.configuration().databaseDescription)]))
        }
        let restore = try TerminalProgress.showing(unless: output.json) { progress in
            try MaintenanceDesk(global.writableContext().showing(progress)).restore(from: path)
        }
        if output.json { return try JSONOutput.print(restore) }
        let check = restore.backup
        Console.say("restore.done", ["path": .text(check.path), "providers": .integer(check.providers), "events": .integer(check.auditEvents)])
        let tokens = restore.revocationsKept.map { kept in kept.label.map { "\(kept.tokenId) (\($0))" } ?? String(kept.tokenId) }
        if tokens.isEmpty {
            Console.say("restore.revocations_unchanged")
        } else {
            Console.say("restore.revocations_kept", ["count": .integer(tokens.count), "tokens": .text(tokens.joined(separator: ", "))])
        }
        if restore.submissionsLost.isEmpty { return Console.say("restore.submissions_kept") }
        Console.say("restore.submissions_lost", ["count": .integer(restore.submissionsLost.count)])
        for lost in restore.submissionsLost {
            Console.say("restore.submission_lost", ["id": .text(String(lost.id)), "name": .text(lost.providerName), "provider": .text(lost.provider),
                                                    "received": .text(OsloTime.localTimestamp(lost.receivedAt, in: Console.texts.language)),
                                                    "file": .text(lost.fileName)])
        }
    }
}
