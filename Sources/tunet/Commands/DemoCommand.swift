import ArgumentParser
import TunetApp

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a realistic demo database (Kongsberg and the Nordland and Oslo/Viken pilot municipalities).",
        discussion: """
            The demo is built only in an empty or new database; --replace deletes the file first.

            Examples:
              tunet demo
              tunet demo --database /tmp/demo.sqlite --replace
            """)

    @Flag(help: "Delete the database file first if it exists.")
    var replace = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let report = try DemoScenario.build(global.configuration(), replace: replace)
        if output.json { return try JSONOutput.print(report) }
        Console.out("Demo database ready: \(report.database)")
        Console.out("  \(report.providers) providers in \(report.municipalities.joined(separator: ", "))")
        let states = report.approvalStates.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        Console.out("  approval states: \(states.joined(separator: ", "))")
        Console.out("  agreements: \(report.agreements.joined(separator: ", ")); \(report.indexMonths) KPI months (illustrative values)")
        Console.out("  \(report.placements) placements; \(report.submissions) attendance files imported; Kongsberg's work team with \(report.tasks) tasks; \(report.pilots) pilots")
        Console.out("Try: tunet provider list --database \(report.database)")
    }
}
