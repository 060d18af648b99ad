import ArgumentParser
import Foundation
import TunetApp
import TunetText
import TunetDomain

extension PlacementCommand {
    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "end", abstract: Help.abstract("placement.end"),
            discussion: Help.discussion("placement.end"))

        @Argument(help: Help.option("placement.end.id", value: "number"))
        var id: String
        @Option(help: Help.option("placement.end.on"))
        var on: String
        @Option(help: Help.option("placement.end.reason"))
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
            commandName: "extend", abstract: Help.abstract("placement.extend"),
            discussion: Help.discussion("placement.extend"))

        @Argument(help: Help.option("placement.extend.id", value: "number"))
        var id: String
        @Option(help: Help.option("placement.extend.to"))
        var to: String
        @Flag(help: Help.option("placement.extend.override-ceiling"))
        var overrideCeiling = false
        @Option(help: Help.option("placement.extend.reason"))
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
            commandName: "cancel", abstract: Help.abstract("placement.cancel"),
            discussion: Help.discussion("placement.cancel"))

        @Argument(help: Help.option("placement.cancel.id", value: "number"))
        var id: String
        @Option(help: Help.option("placement.cancel.reason"))
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
            abstract: Help.abstract("placement.followup"),
            discussion: Help.discussion("placement.followup"),
            subcommands: [AddFollowUp.self, ListFollowUps.self])
    }

    struct AddFollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: Help.abstract("placement.followup.add"),
            discussion: Help.discussion("placement.followup.add"))

        @Argument(help: Help.option("placement.followup.add.id", value: "number"))
        var id: String
        @Option(help: Help.option("placement.followup.add.date"))
        var date: String
        @Option(help: Help.option("placement.followup.add.roles"))
        var roles: [String] = []
        @Option(help: Help.option("placement.followup.add.wishes"))
        var wishes: String
        @Option(help: Help.option("placement.followup.add.next"))
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
            commandName: "list", abstract: Help.abstract("placement.followup.list"), discussion: Help.discussion("placement.followup.list"))

        @Argument(help: Help.option("placement.followup.list.id", value: "number"))
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
