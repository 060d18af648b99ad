import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: Help.abstract("copy"),
        discussion: Help.discussion("copy"))

    @Option(name: .long, help: Help.option("copy.from", value: "path")) var from: String
    @Option(name: .long, help: Help.option("copy.to")) var to: String
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let summary = try TerminalProgress.showing(unless: output.json) { progress in
            try CopyDesk.copy(from: from, to: to, configuration: global.configuration(), progress: progress)
        }
        if output.json { return try JSONOutput.print(summary) }
        let rows = summary.tables.reduce(0) { $0 + $1.rows }
        Console.say("copy.done", ["source": .text(summary.source), "target": .text(summary.target), "rows": .integer(Int64(rows)),
                                  "tables": .integer(Int64(summary.tables.count))])
        for table in summary.tables where table.rows > 0 {
            Console.say("copy.table", ["table": .text(table.table), "rows": .integer(Int64(table.rows))])
        }
    }
}
