import ArgumentParser
import Foundation
import TunetApp
import TunetText
import TunetDomain

extension PlacementCommand {
    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "end", abstract: "End a placement earlier; the committed value of the remaining days is released.",
            discussion: "Example:\n  tunet placement end 3 --on 2026-04-30 --reason \"Moved to a nursing home\"")

        @Argument(help: "The placement number.")
        var id: String
        @Option(help: "The new last day.")
        var on: String
        @Option(help: "Why, for the audit log.")
        var reason: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try PlacementDesk(global.writableContext()).end(PlacementCommand.parseId(id), on: on, reason: reason)
            if output.json { return try JSONOutput.print(view) }
            PlacementCommand.sayNewEnd(view)
        }
    }

    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extend", abstract: "Extend a placement; capacity, the agreement's period and the ceiling are checked for the added days.",
            discussion: "Example:\n  tunet placement extend 3 --to 2026-12-18")

        @Argument(help: "The placement number.")
        var id: String
        @Option(help: "The new last day.")
        var to: String
        @Flag(help: "Go on although the ceiling would be exceeded (needs --reason).")
        var overrideCeiling = false
        @Option(help: "Why the ceiling may be exceeded.")
        var reason: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            if overrideCeiling != (reason != nil) { throw ValidationError(Console.texts("placement.override_needs_reason")) }
            let view = try PlacementDesk(global.writableContext()).extend(PlacementCommand.parseId(id), to: to, overrideCeilingReason: reason)
            if output.json { return try JSONOutput.print(view) }
            PlacementCommand.sayNewEnd(view)
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel", abstract: "Cancel a placement; its whole committed value is released.",
            discussion: "Example:\n  tunet placement cancel 3 --reason \"The family declined the offer\"")

        @Argument(help: "The placement number.")
        var id: String
        @Option(help: "Why (required, audited).")
        var reason: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try PlacementDesk(global.writableContext()).cancel(PlacementCommand.parseId(id), reason: reason)
            if output.json { return try JSONOutput.print(view) }
            Console.say("placement.cancelled_done", ["id": .text(String(view.placement.id))])
        }
    }

    struct FollowUpCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "followup",
            abstract: "Follow-up conversations (Aktive sammen): dated, with the roles present and the participant's wishes.",
            discussion: "Examples:\n  tunet placement followup add 3 --date 2026-02-10 --roles participant,relative --wishes \"...\" --next 2026-05-10\n  tunet placement followup list 3",
            subcommands: [AddFollowUp.self, ListFollowUps.self])
    }

    struct AddFollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Record a follow-up conversation.",
            discussion: "Example:\n  tunet placement followup add 3 --date 2026-02-10 --roles participant,relative,farmer --wishes \"Vil være mer ute\" --next 2026-05-10")

        @Argument(help: "The placement number.")
        var id: String
        @Option(help: "The day it took place.")
        var date: String
        @Option(help: "The roles that took part (participant, relative, teacher, farmer, coordinator), comma-separated.")
        var roles: [String] = []
        @Option(help: "The participant's own wishes and needs, as said.")
        var wishes: String
        @Option(help: "When the next follow-up is due.")
        var next: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let followUp = try PlacementDesk(global.writableContext())
                .addFollowUp(PlacementCommand.parseId(id), date: date, roles: roles, wishesAndNeeds: wishes, next: next)
            if output.json { return try JSONOutput.print(followUp) }
            Console.say("placement.followup.recorded", [
                "date": .date(followUp.date), "id": .text(String(followUp.placementId)),
                "next": followUp.nextDate.map { .message(Message("placement.followup.next_due", ["date": .date($0)])) } ?? .text(""),
            ])
        }
    }

    struct ListFollowUps: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List a placement's follow-ups.", discussion: "Example:\n  tunet placement followup list 3 --json")

        @Argument(help: "The placement number.")
        var id: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let followUps = try PlacementDesk(global.readableContext()).followUps(PlacementCommand.parseId(id))
            if output.json { return try JSONOutput.print(followUps) }
            if followUps.isEmpty { return Console.say("placement.followup.none") }
            Console.out(PlacementCommand.table(followUps))
        }
    }
}
