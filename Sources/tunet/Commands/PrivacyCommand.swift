import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct PrivacyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: Help.abstract("privacy"),
        discussion: Help.discussion("privacy"),
        subcommands: [Report.self, Erase.self, Retention.self])

    /// The kinds of personal data the store counts, as words in the reader's language.

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "report", abstract: Help.abstract("privacy.report"), discussion: Help.discussion("privacy.report"))
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let categories = try PrivacyDesk(global.readableContext()).report()
            if output.json { return try JSONOutput.print(categories) }
            let texts = Console.texts
            func day(_ text: String?) -> String { text.flatMap { try? LocalDate.parse($0).get() }.map { texts.format(.date($0)) } ?? text ?? "" }
            var table = TextTable(texts("privacy.table.category"), texts("privacy.table.count"), texts("privacy.table.oldest"),
                                  texts("privacy.table.newest"), rightAligned: [1])
            for category in categories {
                table.add(texts.render(category.category.label), texts.format(.integer(category.count)), day(category.oldest), day(category.newest))
            }
            Console.out(table.render())
        }
    }

    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase", abstract: Help.abstract("privacy.erase"),
            discussion: Help.discussion("privacy.erase"))
        @Option(help: Help.option("privacy.erase.participant")) var participant: String
        @Flag(help: Help.option("privacy.erase.yes")) var yes = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            guard yes else { throw ValidationError(Console.texts("privacy.erase.confirm")) }
            let result = try PrivacyDesk(global.writableContext()).erase(participant)
            if output.json { return try JSONOutput.print(result) }
            Console.say("privacy.erased", [
                "participant": .text(result.participant), "names": .integer(result.namesErased), "follow_ups": .integer(result.followUpsErased),
                "placements": .integer(result.placements), "snapshots": .integer(result.auditSnapshotsScrubbed),
            ])
            if result.tasksErased > 0 { Console.say("privacy.erased_tasks", ["tasks": .integer(result.tasksErased)]) }
            Console.say(result.filesCleared ? "privacy.files_cleared" : "privacy.files_not_cleared")
        }
    }

    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retention", abstract: Help.abstract("privacy.retention"),
            discussion: Help.discussion("privacy.retention"))
        @Option(help: Help.option("privacy.retention.older-than")) var olderThan: String
        @Flag(help: Help.option("privacy.retention.yes")) var yes = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let result = try PrivacyDesk(yes ? global.writableContext() : global.readableContext()).retention(olderThan: olderThan, dryRun: !yes)
            if output.json { return try JSONOutput.print(result) }
            let arguments: [String: MessageValue] = ["count": .integer(result.participants.count), "cutoff": .date(result.cutoff),
                                                     "participants": .text(result.participants.joined(separator: ", "))]
            switch (result.dryRun, result.participants.isEmpty) {
            case (true, true): Console.say("privacy.retention.none_to_erase", arguments)
            case (true, false): Console.say("privacy.retention.would_erase", arguments)
            case (false, true): Console.say("privacy.retention.none_erased", arguments)
            case (false, false): Console.say("privacy.retention.erased", arguments)
            }
            if result.dryRun && !result.participants.isEmpty { Console.say("privacy.retention.confirm") }
            if !result.dryRun && !result.participants.isEmpty { Console.say(result.filesCleared ? "privacy.files_cleared" : "privacy.files_not_cleared") }
        }
    }
}
