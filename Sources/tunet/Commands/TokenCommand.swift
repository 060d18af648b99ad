import ArgumentParser
import Foundation
import TunetApp
import TunetDomain

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
            Console.error("Token \(issued.record.id) (\(issued.record.role.rawValue)\(issued.record.provider.map { " for \($0)" } ?? "")), valid through \(issued.record.expiresOn.iso). It is shown only now; Tunet keeps only its hash.")
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
            var table = TextTable("#", "Role", "Provider", "Label", "Issued (Norwegian time)", "Expires", "State", rightAligned: [0])
            for token in tokens {
                let state = token.revokedAt != nil ? "revoked" : token.isValid(on: context.today) ? "valid" : "expired"
                table.add(String(token.id), token.role.rawValue, token.provider?.digits ?? "", token.label ?? "",
                          OsloCalendar.localTimestamp(token.createdAt), token.expiresOn.iso, state)
            }
            Console.out(tokens.isEmpty ? "No tokens are issued." : table.render())
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
            Console.out("Revoked token \(token.id).")
        }
    }
}
