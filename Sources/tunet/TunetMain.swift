import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

@main
enum TunetMain {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if case .failure(let unknown) = Language.choose(option: Console.languageOption(in: arguments),
                                                        environment: ProcessInfo.processInfo.environment) {
            Console.error(Console.texts("cli.error", ["message": .message(unknown.message)]))
            exit(64)
        }
        do {
            var command = try Tunet.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as TunetError {
            ErrorReport.write(error, asJSON: arguments.contains("--json"))
            exit(ExitStatus.code(for: error))
        } catch {
            Tunet.exit(withError: error)
        }
    }
}

struct Tunet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tunet",
        abstract: "Inn på tunet purchasing for Norwegian municipalities: farms, agreements, placements and attendance.",
        discussion: """
            Tunet keeps one SQLite file (tunet.sqlite in the working directory unless --database or \
            TUNET_DATABASE says otherwise). Every change is audited under the name given by --as or \
            TUNET_ACTOR (else the operating-system user).

            Examples:
              tunet demo                                 build a demo database in ./tunet.sqlite
              tunet provider list --state expiring       farms whose approval runs out within 90 days
              tunet provider import farms.csv --dry-run  check a register file without storing it
              tunet audit --entity provider --since 2026-01-01

            Exit codes: 0 success, 64 wrong command line, 65 invalid input (nothing changed), \
            66 not found, 73 output not writable, 74 database too new or damaged, 75 database busy, 70 internal error.
            """,
        version: TunetVersion.current,
        subcommands: [ProviderCommand.self, ProcurementCommand.self, AgreementCommand.self, PlacementCommand.self, AttendanceCommand.self, InvoiceCommand.self, ExportCommand.self, TeamCommand.self, TaskCommand.self, PilotCommand.self, TokenCommand.self, ServeCommand.self, BackupCommand.self, RestoreCommand.self, PrivacyCommand.self, CalendarCommand.self, KPICommand.self, AuditCommand.self, DemoCommand.self, SyntheticCommand.self]
    )
}
