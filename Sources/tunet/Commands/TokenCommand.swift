import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Tokens for the provider-facing service: shown once, stored only as a SHA-256 hash.",
        discussion: "Examples:\n  tunet token issue --provider 912345602 --label \"Lia gård, regnskap\"\n  tunet token issue --role leader --expires 2027-06-30\n  tunet token revoke 3",
        subcommands: [Issue.self, List.self, Revoke.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue", abstract: "Issue a token and print it once.", discussion: "Example:\n  tunet token issue --provider 912345602 --expires 2027-12-31")
        @Option(help: "The farm the token belongs to.") var provider: String?
        @Option(help: "provider (default) or leader.") var role: String?
        @Option(help: "The last day it is valid (default one year).") var expires: String?
        @Option(help: "A label to recognise it by.") var label: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let issued = try TokenDesk(global.writableContext()).issue(provider: provider, role: role, expires: expires, label: label)
            if output.json { return try JSONOutput.print(issued) }
            Console.out(issued.token)
            let record = issued.record
            Console.error(Console.texts(record.provider == nil ? "token.issued" : "token.issued_for_provider", [
                "token": .text(String(record.id)), "role": record.role.labelValue, "provider": .text(record.provider?.digits ?? ""),
                "expires": .date(record.expiresOn),
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
            var table = TextTable(texts("token.table.number"), texts("token.table.role"), texts("token.table.provider"), texts("token.table.label"),
                                  texts("token.table.issued"), texts("token.table.expires"), texts("token.table.state"), rightAligned: [0])
            for token in tokens {
                let state = token.revokedAt != nil ? texts("token.state.revoked") : token.isValid(on: context.today) ? texts("token.state.valid")
                    : texts("token.state.expired")
                table.add(String(token.id), texts.render(token.role.label), token.provider?.digits ?? "", token.label ?? "",
                          OsloTime.localTimestamp(token.createdAt, in: texts.language), texts.format(.date(token.expiresOn)), state)
            }
            Console.out(tokens.isEmpty ? texts("token.list.none") : table.render())
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
