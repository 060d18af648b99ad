import ArgumentParser
import Foundation
import TunetApp
import TunetDomain

struct PrivacyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: "Personal data: what is held, erasure for a participant, retention by age.",
        discussion: "Examples:\n  tunet privacy report\n  tunet privacy erase --participant P-2026-0042 --yes\n  tunet privacy retention --older-than 5y",
        subcommands: [Report.self, Erase.self, Retention.self])

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "report", abstract: "List the personal data held and its age.", discussion: "Example:\n  tunet privacy report --json")
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let categories = try PrivacyDesk(global.readableContext()).report()
            if output.json { return try JSONOutput.print(categories) }
            var table = TextTable("Personal data", "Count", "Oldest", "Newest", rightAligned: [1])
            for category in categories { table.add(Console.texts.render(category.category.label), String(category.count), category.oldest ?? "", category.newest ?? "") }
            Console.out(table.render())
        }
    }

    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase", abstract: "Erase a participant's name and free text (also from earlier audit snapshots); attendance and money stay.",
            discussion: "Example:\n  tunet privacy erase --participant P-2026-0042 --yes")
        @Option(help: "The participant code.") var participant: String
        @Flag(help: "Confirm: the erasure cannot be undone.") var yes = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            guard yes else { throw ValidationError("Erasure cannot be undone; add --yes to confirm.") }
            let result = try PrivacyDesk(global.writableContext()).erase(participant)
            if output.json { return try JSONOutput.print(result) }
            Console.out("Erased \(result.participant): \(result.namesErased) name(s), \(result.followUpsErased) follow-up text(s), free text in \(result.placements) placement(s), \(result.auditSnapshotsScrubbed) earlier audit snapshot(s) scrubbed.")
        }
    }

    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retention", abstract: "Erase participants whose placements all ended longer ago than the given age (shows them first without --yes).",
            discussion: "Example:\n  tunet privacy retention --older-than 5y --yes")
        @Option(help: "An age like 5y or 18m.") var olderThan: String
        @Flag(help: "Erase them (without it, only list them).") var yes = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let result = try PrivacyDesk(yes ? global.writableContext() : global.readableContext()).retention(olderThan: olderThan, dryRun: !yes)
            if output.json { return try JSONOutput.print(result) }
            let verb = result.dryRun ? "Would erase" : "Erased"
            Console.out("\(verb) \(result.participants.count) participant(s) whose placements ended before \(result.cutoff.iso)\(result.participants.isEmpty ? "" : ": " + result.participants.joined(separator: ", ")).")
            if result.dryRun && !result.participants.isEmpty { Console.out("Add --yes to erase them.") }
        }
    }
}
