import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct TeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "The interdisciplinary work team (arbeidslag): its owner, members and sectors.",
        discussion: "Examples:\n  tunet team add --name \"Arbeidslag Inn på tunet\" --municipality 3303 --owner Kommunedirektør\n  tunet team member add --name \"Kari Lia\" --sector education --role leder",
        subcommands: [Add.self, Show.self, List.self, Member.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Create a team.", discussion: """
                Examples:
                  tunet team add --name "Arbeidslag Inn på tunet" --municipality 3303 --owner Kommunedirektør
                  tunet team add --name "Arbeidslag Oslo og Viken" --municipality 0301,3201 --owner "Styringsgruppen"
                """)
        @Option(help: "The team's name.") var name: String
        @Option(help: "Its municipality; repeat or separate with commas for an inter-municipal cooperation.") var municipality: [String] = []
        @Option(help: "Who evaluates the team yearly (role or name).") var owner: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try WorkTeamDesk(global.writableContext()).addTeam(name: name, municipalities: municipality, owner: owner)
            if output.json { return try JSONOutput.print(view) }
            Console.say("team.created", ["team": .text(String(view.team.id)), "name": .text(view.team.name)])
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a team with its members.", discussion: "Example:\n  tunet team show")
        @Argument(help: "The team number (not needed when there is one team).") var id: String?
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
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List teams.", discussion: "Example:\n  tunet team list --json")
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
            commandName: "member", abstract: "The team's members.", discussion: "Examples:\n  tunet team member add --name \"Per Haugen\" --sector nav --role rådgiver\n  tunet team member list",
            subcommands: [AddMember.self, ListMembers.self, RemoveMember.self])
    }

    struct AddMember: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a member.",
            discussion: "Sectors: education, health_and_care, nav, agriculture, procurement, finance, coordinating_unit.\n\nExample:\n  tunet team member add --name \"Kari Lia\" --sector education --role leder --email kari@kommune.example")
        @Option(help: "The team (not needed when there is one).") var team: String?
        @Option(help: "Name.") var name: String
        @Option(help: "Sector.") var sector: String
        @Option(help: "Role in the team.") var role: String
        @Option(help: "E-mail.") var email: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let member = try WorkTeamDesk(global.writableContext()).addMember(team: team, name: name, sector: sector, role: role, email: email)
            if output.json { return try JSONOutput.print(member) }
            Console.say("team.member.added", ["member": .text(String(member.id)), "name": .text(member.name), "sector": member.sector.labelValue])
        }
    }

    struct ListMembers: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List members.", discussion: "Example:\n  tunet team member list")
        @Option(help: "The team (not needed when there is one).") var team: String?
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
            commandName: "remove", abstract: "A member leaves the team (their history stays); open tasks must be handed over first.",
            discussion: "Example:\n  tunet team member remove 4")
        @Argument(help: "The member number.") var id: Int64
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let member = try WorkTeamDesk(global.writableContext()).removeMember(id)
            if output.json { return try JSONOutput.print(member) }
            Console.say("team.member.removed", ["name": .text(member.name)])
        }
    }
}
