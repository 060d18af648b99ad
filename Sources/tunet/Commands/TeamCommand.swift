import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: Help.abstract("team"),
        discussion: Help.discussion("team"),
        subcommands: [Add.self, Show.self, List.self, Member.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: Help.abstract("team.add"), discussion: Help.discussion("team.add"))
        @Option(help: Help.option("team.add.name")) var name: String
        @Option(help: Help.option("team.add.municipality")) var municipality: [String] = []
        @Option(help: Help.option("team.add.owner")) var owner: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try WorkTeamDesk(global.writableContext()).addTeam(name: name, municipalities: municipality, owner: owner)
            if output.json { return try JSONOutput.print(view) }
            Console.say("team.created", ["team": .text(String(view.team.id)), "name": .text(view.team.name)])
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: Help.abstract("team.show"), discussion: Help.discussion("team.show"))
        @Argument(help: Help.option("team.show.id")) var id: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try WorkTeamDesk(global.readableContext()).show(id)
            if output.json { return try JSONOutput.print(view) }
            Console.say("team.heading", ["name": .text(view.team.name), "owner": .text(view.team.owner),
                                         "municipality": .text(TeamCommand.municipalities(view.team))])
            Console.out(TeamCommand.members(view.members))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: Help.abstract("team.list"), discussion: Help.discussion("team.list"))
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let teams = try WorkTeamDesk(global.readableContext()).teams()
            if output.json { return try JSONOutput.print(teams) }
            let texts = Console.texts
            var table = TextTable(texts("team.table.number"), texts("team.table.team"), texts("team.table.municipality"), texts("team.table.owner"),
                                  texts("team.table.members"), rightAligned: [0, 4])
            for view in teams {
                table.add(String(view.team.id), view.team.name, view.team.municipalities.joined(separator: ", "), view.team.owner,
                          texts.format(.integer(view.members.filter(\.active).count)))
            }
            Console.out(teams.isEmpty ? texts("team.list.none") : table.render())
        }
    }

    /// "Kongsberg (3303)", or "Oslo (0301) og Asker (3203)" for a cooperation.
    static func municipalities(_ team: Team) -> String {
        Console.texts.list(team.municipalities.map { Municipality.named($0)?.description ?? $0 })
    }

    static func members(_ members: [TeamMember]) -> String {
        let texts = Console.texts
        var table = TextTable(texts("team.member.table.number"), texts("team.member.table.name"), texts("team.member.table.sector"),
                              texts("team.member.table.role"), texts("team.member.table.email"), texts("team.member.table.active"), rightAligned: [0])
        for member in members {
            table.add(String(member.id), member.name, texts.render(member.sector.label), member.role, member.email ?? "",
                      texts(member.active ? "team.member.active" : "team.member.left"))
        }
        return table.render()
    }

    struct Member: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "member", abstract: Help.abstract("team.member"), discussion: Help.discussion("team.member"),
            subcommands: [AddMember.self, ListMembers.self, RemoveMember.self])
    }

    struct AddMember: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: Help.abstract("team.member.add"),
            discussion: Help.discussion("team.member.add"))
        @Option(help: Help.option("team.member.add.team")) var team: String?
        @Option(help: Help.option("team.member.add.name")) var name: String
        @Option(help: Help.option("team.member.add.sector")) var sector: String
        @Option(help: Help.option("team.member.add.role")) var role: String
        @Option(help: Help.option("team.member.add.email")) var email: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let member = try WorkTeamDesk(global.writableContext()).addMember(team: team, name: name, sector: sector, role: role, email: email)
            if output.json { return try JSONOutput.print(member) }
            Console.say("team.member.added", ["member": .text(String(member.id)), "name": .text(member.name), "sector": member.sector.labelValue])
        }
    }

    struct ListMembers: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: Help.abstract("team.member.list"), discussion: Help.discussion("team.member.list"))
        @Option(help: Help.option("team.member.list.team")) var team: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try WorkTeamDesk(global.readableContext()).show(team)
            if output.json { return try JSONOutput.print(view.members) }
            Console.out(TeamCommand.members(view.members))
        }
    }

    struct RemoveMember: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: Help.abstract("team.member.remove"),
            discussion: Help.discussion("team.member.remove"))
        @Argument(help: Help.option("team.member.remove.id")) var id: Int64
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let member = try WorkTeamDesk(global.writableContext()).removeMember(id)
            if output.json { return try JSONOutput.print(member) }
            Console.say("team.member.removed", ["name": .text(member.name)])
        }
    }
}
