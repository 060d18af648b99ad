import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: Help.abstract("token"),
        discussion: Help.discussion("token"),
        subcommands: [Issue.self, List.self, Revoke.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue", abstract: Help.abstract("token.issue"),
            discussion: Help.discussion("token.issue"))
        @Option(help: Help.option("token.issue.provider"), completion: .organisationNumbers) var provider: String?
        @Option(help: Help.option("token.issue.role")) var role: String?
        @Option(help: Help.option("token.issue.municipality")) var municipality: [String] = []
        @Option(help: Help.option("token.issue.pilot")) var pilot: String?
        @Flag(help: Help.option("token.issue.every-municipality")) var everyMunicipality = false
        @Option(help: Help.option("token.issue.expires")) var expires: String?
        @Option(help: Help.option("token.issue.label")) var label: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let request = TokenRequest(role: role, provider: provider, municipalities: municipality, pilot: pilot,
                                       everyMunicipality: everyMunicipality, expires: expires, label: label)
            let issued = try TokenDesk(global.writableContext()).issue(request)
            if output.json { return try JSONOutput.print(issued) }
            Console.out(issued.token)
            let record = issued.record
            Console.error(Console.texts(record.provider == nil ? "token.issued" : "token.issued_for_provider", [
                "token": .text(String(record.id)), "role": record.role.labelValue, "provider": .text(record.provider?.digits ?? ""),
                "expires": .date(record.expiresOn), "scope": .text(TokenCommand.scope(of: record, Console.texts)),
            ]))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: Help.abstract("token.list"), discussion: Help.discussion("token.list"))
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let context = try global.readableContext()
            let tokens = try TokenDesk(context).list()
            if output.json { return try JSONOutput.print(tokens) }
            let texts = Console.texts
            var table = TextTable(texts("token.table.number"), texts("token.table.role"), texts("token.table.provider"), texts("token.table.scope"),
                                  texts("token.table.label"),
                                  texts("token.table.issued"), texts("token.table.expires"), texts("token.table.state"), rightAligned: [0])
            for token in tokens {
                let state = token.revokedAt != nil ? texts("token.state.revoked") : token.isValid(on: context.today) ? texts("token.state.valid")
                    : texts("token.state.expired")
                table.add(String(token.id), texts.render(token.role.label), token.provider?.digits ?? "", TokenCommand.scope(of: token, texts),
                          token.label ?? "",
                          OsloTime.localTimestamp(token.createdAt, in: texts.language), texts.format(.date(token.expiresOn)), state)
            }
            Console.out(tokens.isEmpty ? texts("token.list.none") : table.render())
        }
    }

    /// What a token sees, in words: "3303 Kongsberg", "pilot 2", "alle kommuner"; empty for a farm's token.
    static func scope(of token: AccessToken, _ texts: Texts) -> String {
        if let pilot = token.pilotId { return texts("token.scope.pilot", ["pilot": .text(String(pilot))]) }
        switch token.municipalities {
        case nil: return token.role == .national ? texts("token.scope.aggregates") : ""
        case .every: return texts("token.scope.every")
        case .only(let numbers): return numbers.sorted().map { Municipality.named($0)?.description ?? $0 }.joined(separator: ", ")
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: Help.abstract("token.revoke"), discussion: Help.discussion("token.revoke"))
        @Argument(help: Help.option("token.revoke.id")) var id: Int64
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let token = try TokenDesk(global.writableContext()).revoke(id)
            if output.json { return try JSONOutput.print(token) }
            Console.say("token.revoked", ["token": .text(String(token.id))])
        }
    }
}
