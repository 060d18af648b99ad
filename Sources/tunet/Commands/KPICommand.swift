import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi",
        abstract: Help.abstract("kpi"),
        discussion: Help.discussion("kpi"),
        subcommands: [SetIndex.self, Import.self, List.self]
    )

    struct SetIndex: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: Help.abstract("kpi.set"), discussion: Help.discussion("kpi.set"))

        @Argument(help: Help.option("kpi.set.month", value: "month"))
        var month: String
        @Argument(help: Help.option("kpi.set.index", value: "index"))
        var index: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let entry = try ConsumerPriceIndexDesk(global.writableContext()).set(month, index)
            if output.json { return try JSONOutput.print(entry) }
            Console.say(entry.changed ? "kpi.set" : "kpi.set.unchanged", ["month": .text(entry.month), "index": .tenths(entry.index.tenths)])
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: Help.abstract("kpi.import"),
            discussion: Help.discussion("kpi.import"))

        @Argument(help: Help.option("kpi.import.file", value: "path"))
        var file: String
        @Flag(help: Help.option("kpi.import.dry-run"))
        var dryRun = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let report = try ConsumerPriceIndexDesk(global.writableContext()).importFile(URL(fileURLWithPath: file), dryRun: dryRun)
            if output.json { return try JSONOutput.print(report) }
            Console.out(Self.render(report))
        }

        static func render(_ report: IndexImportView) -> String {
            let texts = Console.texts
            var lines = [texts(report.dryRun ? "kpi.import.would_import" : "kpi.import.imported", [
                "months": .integer(report.months), "file": .text(report.file), "layout": .label("kpi.layout.\(report.layout.rawValue)"),
                "new": .integer(report.new.count), "changed": .integer(report.changed.count), "unchanged": .integer(report.unchanged)])]
            if !report.monthsWithoutValue.isEmpty {
                lines.append(texts("kpi.import.months_without_value", ["months": .text(report.monthsWithoutValue.joined(separator: ", "))]))
            }
            if !report.otherVariables.isEmpty {
                lines.append(texts("kpi.import.other_variables", ["variables": .text(report.otherVariables.joined(separator: ", "))]))
            }
            if report.leftOut.isEmpty {
                lines.append(texts("kpi.import.nothing_left_out"))
            } else {
                lines.append(texts("kpi.import.left_out", ["rows": .integer(report.skipped)]))
                var table = TextTable(texts("kpi.import.table.rows"), texts("kpi.import.table.why"), texts("kpi.import.table.what"))
                for group in report.leftOut {
                    table.add(group.rowList, texts("kpi.left_out.\(group.reason.rawValue)"), group.names.joined(separator: ", "))
                }
                lines.append(table.render())
            }
            if report.dryRun { lines.append(texts("kpi.import.dry_run")) }
            return lines.joined(separator: "\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: Help.abstract("kpi.list"), discussion: Help.discussion("kpi.list"))

        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let entries = try ConsumerPriceIndexDesk(global.readableContext()).list()
            if output.json { return try JSONOutput.print(entries) }
            if entries.isEmpty { return Console.say("kpi.list.none") }
            var table = TextTable(Console.texts("kpi.table.month"), Console.texts("kpi.table.index"), rightAligned: [1])
            for entry in entries { table.add(entry.month, Console.texts.format(.tenths(entry.index.tenths))) }
            Console.out(table.render())
        }
    }
}
