import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Tokens for the service: shown once, stored only as a SHA-256 hash.",
        discussion: """
            Examples:
              tunet token issue --provider 912345602 --label "Lia gård, regnskap"
              tunet token issue --role leader --municipality 3303 --expires 2027-06-30
              tunet token issue --role work-team --municipality 0301,3316,3326,3107,3222
              tunet token issue --pilot "Demens Oslo og Viken"
              tunet token issue --role national
              tunet token revoke 3
            """,
        subcommands: [Issue.self, List.self, Revoke.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue", abstract: "Issue a token and print it once.",
            discussion: """
                A farm's token sees its own placements and submissions in every municipality it serves. A leader's or a
                work team's token sees the municipalities named (--municipality, repeatable or comma-separated), a pilot's
                municipalities (--pilot, for a county project leader) or, on one municipality's own server, the whole
                service (--every-municipality). A national reader's token gets counts and money only, never a participant.

                Example:
                  tunet token issue --role leader --municipality 3303 --expires 2027-12-31
                """)
        @Option(help: "The farm the token belongs to.") var provider: String?
        @Option(help: "provider (default), leader, work-team or national.") var role: String?
        @Option(help: "A municipality the token sees (a leader or a work team); repeat it or separate by commas.") var municipality: [String] = []
        @Option(help: "A pilot, by number or name, whose municipalities a county project leader's token sees.") var pilot: String?
        @Flag(help: "A leader's or work team's token for every municipality of this service.") var everyMunicipality = false
        @Option(help: "The last day it is valid (default one year).") var expires: String?
        @Option(help: "A label to recognise it by.") var label: String?
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
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens (never the tokens themselves).", discussion: "Example:\n  tunet token list")
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
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token at once.", discussion: "Example:\n  tunet token revoke 3")
        @Argument(help: "The token number.") var id: Int64
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let token = try TokenDesk(global.writableContext()).revoke(id)
            if output.json { return try JSONOutput.print(token) }
            Console.say("token.revoked", ["token": .text(String(token.id))])
        }
    }
}
