import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

extension InvoiceCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check", abstract: Help.abstract("invoice.check"),
            discussion: Help.discussion("invoice.check"))

        @Argument(help: Help.option("invoice.check.file", value: "path"))
        var file: String
        @Option(help: Help.option("invoice.check.provider"), completion: .organisationNumbers)
        var provider: String?
        @Option(help: Help.option("invoice.check.municipality"))
        var municipality: String?
        @Flag(help: Help.option("invoice.check.again"))
        var again = false
        @Option(name: [.customShort("o"), .customLong("output")], help: Help.option("invoice.check.output", value: "path"))
        var workbook: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var overwrite: OverwriteOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let data = try InvoiceCheckDesk.readFile(file)
            let context = try global.writableContext()
            let target = try workbook.map { try OutputPath.check($0, database: try global.configuration().databasePath, force: overwrite.force) }
            let staging = target.map { $0.deletingLastPathComponent().appendingPathComponent(".\($0.lastPathComponent).\(UUID().uuidString).tmp") }
            defer { if let staging { try? FileManager.default.removeItem(at: staging) } }
            let view = try InvoiceCheckDesk(context).check(data, name: file, sender: .municipality(provider: provider), municipality: municipality,
                                                           again: again) { view in
                if let staging { try InvoiceCheckWorkbook.write(view, to: staging.path, language: Console.texts.language) }
            }
            if let target, let staging {
                _ = try? FileManager.default.removeItem(at: target)
                try FileManager.default.moveItem(at: staging, to: target)
            }
            if output.json {
                try JSONOutput.print(view)
            } else {
                Console.out(InvoiceCommand.checkText(view))
            }
            if !view.matches { throw ExitCode(1) }
        }
    }

    /// A check as people read it: the invoice, its price lines against the basis, the totals, and the differences.
    static func checkText(_ view: InvoiceCheckView, recorded: Bool = true) -> String {
        let texts = Console.texts
        let invoice = view.invoice
        var lines = [texts.render(InvoiceCheckText.title(view)), texts.render(InvoiceCheckText.period(invoice))]
        if let credited = view.creditedInvoice { lines.append(texts("invoice.check.credits", ["number": .text(credited.number)])) }
        if !invoice.lines.isEmpty {
            var table = TextTable(["invoice.check.price_line", "invoice.check.unit", "invoice.check.invoiced_quantity", "invoice.check.expected_quantity",
                                   "invoice.check.invoiced_amount", "invoice.check.expected_amount", "invoice.check.difference"].map { texts($0) },
                                  rightAligned: [2, 3, 4, 5, 6])
            for line in invoice.lines {
                table.add(line.priceLine, texts("invoice.unit.\(line.unit.rawValue)"), quantity(line.invoicedQuantity), quantity(line.expectedQuantity),
                          texts.format(line.invoicedAmount), texts.format(line.expectedAmount), texts.format(line.invoicedAmount - line.expectedAmount))
            }
            lines.append("")
            lines.append(table.render())
        }
        lines.append(texts.render(InvoiceCheckText.totals(invoice)))
        lines.append("")
        if view.matches {
            if let credited = view.creditedInvoice {
                lines.append(texts("invoice.check.credit_matches", ["number": .text(credited.number), "status": .label("invoice.status.\(credited.status.rawValue)")]))
            } else {
                lines.append(texts("invoice.check.matches"))
            }
        } else {
            lines.append(texts("invoice.check.differs", ["count": .integer(invoice.differences.count)]))
            for difference in invoice.differences { lines.append("  - " + texts.render(difference.message)) }
        }
        if recorded {
            lines.append(view.recorded ? texts("invoice.check.recorded", ["id": .integer(invoice.id)]) : texts("invoice.check.not_recorded"))
        }
        return lines.joined(separator: "\n")
    }

    static func quantity(_ value: DecimalNumber) -> String {
        if let whole = value.whole { return Console.texts.format(.integer(whole)) }
        return value.description.replacingOccurrences(of: ".", with: Console.texts.language == .en ? "." : ",")
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: Help.abstract("invoice.show"),
            discussion: Help.discussion("invoice.show"))

        @Argument(help: Help.option("invoice.show.id"))
        var id: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try InvoiceListDesk(global.readableContext()).show(id)
            if output.json { return try JSONOutput.print(view) }
            Console.out(InvoiceCommand.checkText(view, recorded: false))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Help.abstract("invoice.list"),
            discussion: Help.discussion("invoice.list"))

        @Option(help: Help.option("invoice.list.provider"), completion: .organisationNumbers)
        var provider: String?
        @Option(help: Help.option("invoice.list.month"))
        var month: String?
        @Option(help: Help.option("invoice.list.status"))
        var status: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let checks = try InvoiceListDesk(global.readableContext()).list(provider: provider, month: month, status: status)
            if output.json { return try JSONOutput.print(checks) }
            let texts = Console.texts
            guard !checks.isEmpty else { return Console.say("invoice.list.none") }
            var table = TextTable(["id", "kind", "number", "provider", "period", "net", "expected", "status", "checked"].map { texts("invoice.list.\($0)") },
                                  rightAligned: [0, 5, 6])
            for check in checks {
                let invoice = check.invoice
                table.add(String(invoice.id), texts("invoice.kind.\(invoice.kind.rawValue)"), invoice.number, check.providerName,
                          texts.format(.date(invoice.period.from)) + "–" + texts.format(.date(invoice.period.to)), texts.format(invoice.totals.taxExclusive),
                          texts.format(invoice.expectedTotal), texts("invoice.status.\(invoice.status.rawValue)"), texts.format(.date(invoice.checkedOn)))
            }
            Console.out(table.render())
        }
    }
}

