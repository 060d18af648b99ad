import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

@main
enum TunetMain {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // A shell asking for completions (ArgumentParser's `---completion`) reads no text: a wrong TUNET_LANG
        // must not print into the command line at every Tab.
        let completing = arguments.first == "---completion"
        if !completing, case .failure(let unknown) = Language.choose(option: Console.languageOption(in: arguments),
                                                        environment: ProcessInfo.processInfo.environment) {
            Console.error(Console.texts("cli.error", ["message": .message(unknown.message)]))
            exit(64)
        }
        if arguments.first == ManualChrome.dumpRequest { return ManualChrome.dump() }
        if arguments.first == ManualChrome.chromeRequest { return ManualChrome.chrome() }
        var parsed: ParsableCommand.Type?
        do {
            // The language is chosen once for the whole run (Console.texts), so --lang may stand anywhere,
            // before the subcommand as well as after it.
            var command = try Tunet.parseAsRoot(Console.removingLanguageOption(from: arguments))
            parsed = type(of: command)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as TunetError {
            ErrorOutput.write(error, asJSON: arguments.contains("--json"))
            exit(ExitStatus.code(for: error))
        } catch let error as ValidationError where parsed != nil {
            // ArgumentParser would show the top level's usage for an error its parser did not find itself.
            UsageReport.write(error.message, for: parsed!)
            exit(ExitCode.validationFailure.rawValue)
        } catch where HelpChrome.isHelpRequest(error, arguments: arguments) {
            Console.out(HelpChrome.translated(Tunet.fullMessage(for: error)))
            exit(0)
        } catch where ParseErrorOutput.applies(to: error) {
            ParseErrorOutput.write(error)
            exit(Tunet.exitCode(for: error).rawValue)
        } catch {
            Tunet.exit(withError: error)
        }
    }
}

/// A wrong command line found while a subcommand runs (a missing --yes, say), told with that
/// subcommand's usage: the error, `tunet privacy erase …`, and where its help is.
enum UsageReport {
    static func write(_ message: String, for command: ParsableCommand.Type) {
        let texts = Console.texts
        Console.error(texts("cli.error", ["message": .text(message)]))
        Console.error(texts("command.usage", ["usage": .text(Tunet.usageString(for: command))]))
        Console.error(texts("command.see_help", ["command": .text(path(to: command).joined(separator: " "))]))
    }

    /// `["tunet", "privacy", "erase"]`: the command names from the top down to `command`.
    static func path(to command: ParsableCommand.Type, from parent: ParsableCommand.Type = Tunet.self) -> [String] {
        let name = parent.configuration.commandName ?? "tunet"
        if ObjectIdentifier(parent) == ObjectIdentifier(command) { return [name] }
        for child in parent.configuration.subcommands {
            let below = path(to: command, from: child)
            if !below.isEmpty { return [name] + below }
        }
        return []
    }
}

struct Tunet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tunet",
        abstract: Help.abstract("tunet"),
        discussion: Help.discussion("tunet"),
        version: TunetVersion.current,
        subcommands: [ProviderCommand.self, ProcurementCommand.self, AgreementCommand.self, PlacementCommand.self, AttendanceCommand.self, InvoiceCommand.self, ExportCommand.self, TeamCommand.self, TaskCommand.self, PilotCommand.self, TokenCommand.self, ServeCommand.self, BackupCommand.self, RestoreCommand.self, CopyCommand.self, PrivacyCommand.self, CalendarCommand.self, KPICommand.self, AuditCommand.self, DemoCommand.self, SyntheticCommand.self, CompletionsCommand.self]
    )
}
