import ArgumentParser
import TunetApp
import TunetFixtures
import TunetDomain
import TunetText

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: Help.abstract("demo"),
        discussion: Help.discussion("demo"))

    @Flag(help: Help.option("demo.replace"))
    var replace = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let report = try TerminalProgress.showing(unless: output.json) { progress in
            try DemoScenario.build(global.configuration(), replace: replace, progress: progress)
        }
        if output.json { return try JSONOutput.print(report) }
        let texts = Console.texts
        Console.say("demo.ready", ["database": .text(report.database)])
        Console.say("demo.providers", ["providers": .integer(report.providers), "municipalities": .text(report.municipalities.joined(separator: ", "))])
        let states: [MessageValue] = ApprovalState.allCases.compactMap { state in
            report.approvalStates[state.rawValue].map { .text(texts("demo.approval_state", ["count": .integer($0), "state": state.labelValue])) }
        }
        Console.say("demo.approval_states", ["states": .text(states.map(texts.format).joined(separator: ", "))])
        Console.say("demo.agreements", ["agreements": .text(report.agreements.joined(separator: ", ")), "months": .integer(report.indexMonths)])
        Console.say("demo.placements", ["placements": .integer(report.placements), "files": .integer(report.submissions), "teams": .integer(report.teams), "tasks": .integer(report.tasks),
                                        "pilots": .integer(report.pilots)])
        Console.say("demo.try", ["database": .text(report.database)])
    }
}
