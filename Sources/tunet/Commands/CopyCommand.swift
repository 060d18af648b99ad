import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a municipality's SQLite database into a shared PostgreSQL database, all or nothing, with its audit history.",
        discussion: "Example:\n  tunet copy --from kongsberg.sqlite --to postgres://tunet@db.example.no/ipt")

    @Option(name: .long, help: "The municipality's SQLite file.") var from: String
    @Option(name: .long, help: "The shared database (postgres://USER@HOST:PORT/DATABASE); the password from PGPASSWORD or ~/.pgpass.") var to: String
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
