import ArgumentParser
import Foundation
import TunetApp

struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi",
        abstract: "Statistics Norway's consumer price index (table 03013, 2015 = 100) for price adjustment.",
        discussion: """
            Examples:
              tunet kpi set 2026M10 137.4
              tunet kpi import 03013.csv
              tunet kpi list
            """,
        subcommands: [SetIndex.self, Import.self, List.self]
    )

    struct SetIndex: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Register one month's index.", discussion: "Example:\n  tunet kpi set 2026M10 137.4")

        @Argument(help: "The month, 2026M10 or 2026-10.")
        var month: String
        @Argument(help: "The index, one decimal.")
        var index: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let entry = try ConsumerPriceIndexRegistry(global.writableContext()).set(month, index)
            if output.json { return try JSONOutput.print(entry) }
            Console.out("KPI \(entry.month) = \(entry.index)")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Import table 03013 as downloaded from Statistics Norway (semicolon-separated).",
            discussion: "Format: Contracts/kpi-03013.md.\n\nExample:\n  tunet kpi import 03013.csv --dry-run")

        @Argument(help: "The CSV file.")
        var file: String
        @Flag(help: "Check and report without storing.")
        var dryRun = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let report = try ConsumerPriceIndexRegistry(global.writableContext()).importFile(URL(fileURLWithPath: file), dryRun: dryRun)
            if output.json { return try JSONOutput.print(report) }
            Console.out("\(report.dryRun ? "Would import" : "Imported") \(report.months) months from \(report.file): \(report.new.count) new, \(report.changed.count) changed, \(report.unchanged) unchanged; \(report.skipped) rows without a published value or for another consumer group left out.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the registered index values.", discussion: "Example:\n  tunet kpi list --json")

        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let entries = try ConsumerPriceIndexRegistry(global.readableContext()).list()
            if output.json { return try JSONOutput.print(entries) }
            if entries.isEmpty { return Console.out("No index values are registered.") }
            var table = TextTable("Month", "KPI (2015=100)", rightAligned: [1])
            for entry in entries { table.add(entry.month, entry.index.description) }
            Console.out(table.render())
        }
    }
}
