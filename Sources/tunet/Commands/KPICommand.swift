import ArgumentParser
import Foundation
import TunetApp
import TunetDomain

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
            discussion: """
                Reads the all-item index (Totalindeks, Konsumprisindeks (2015=100)) from a download in the long layout \
                (a 'måned' column, with or without 'konsumgruppe') or the wide layout (a column per month). Other \
                consumer groups and other statistic variables (Månedsendring, 12-måneders endring) are left out and named; \
                rows with '..', '.', '...' or ':' instead of a figure are left out and counted; the source and footnote \
                lines below the table are skipped. A month in an unknown form, a value that is not an index or a month \
                given twice with different values is an error naming the row, and nothing is stored.

                Format: Contracts/kpi-03013.md.

                Example:
                  tunet kpi import 03013.csv --dry-run
                """)

        @Argument(help: "The CSV file.")
        var file: String
        @Flag(help: "Check and report without storing.")
        var dryRun = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let report = try ConsumerPriceIndexRegistry(global.writableContext()).importFile(URL(fileURLWithPath: file), dryRun: dryRun)
            if output.json { return try JSONOutput.print(report) }
            Console.out(Self.render(report))
        }

        static func render(_ report: IndexImportReport) -> String {
            var lines = ["\(report.dryRun ? "Would import" : "Imported") \(report.months) \(report.months == 1 ? "month" : "months") of the all-item index from \(report.file) (\(report.layout.rawValue) layout): \(report.new.count) new, \(report.changed.count) changed, \(report.unchanged) unchanged."]
            if !report.monthsWithoutValue.isEmpty {
                lines.append("Months without a published value: \(report.monthsWithoutValue.joined(separator: ", ")).")
            }
            if !report.otherVariables.isEmpty {
                lines.append("Statistic variables left out (only the index is read): \(report.otherVariables.joined(separator: ", ")).")
            }
            if report.leftOut.isEmpty {
                lines.append("No rows left out.")
            } else {
                lines.append("\(report.skipped) \(report.skipped == 1 ? "row" : "rows") left out:")
                var table = TextTable("Rows", "Why", "What they held")
                for group in report.leftOut { table.add(group.rowList, Console.texts.render(group.reason.message), group.names.joined(separator: ", ")) }
                lines.append(table.render())
            }
            return lines.joined(separator: "\n")
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
