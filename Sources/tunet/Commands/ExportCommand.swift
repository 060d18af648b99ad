import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: Help.abstract("export"),
        discussion: Help.discussion("export"))

    @Argument(help: Help.option("export.report", value: "report"), completion: .reportNames)
    var report: String
    @Option(help: Help.option("export.from"))
    var from: String?
    @Option(help: Help.option("export.to"))
    var to: String?
    @Option(help: Help.option("export.month"))
    var month: String?
    @Option(help: Help.option("export.municipality"))
    var municipality: String?
    @Option(help: Help.option("export.provider"), completion: .organisationNumbers)
    var provider: String?
    @Option(help: Help.option("export.pilot"))
    var pilot: String?
    @Option(help: Help.option("export.buyer"))
    var buyer: [String] = []
    @Option(help: Help.option("export.ocid-prefix", ["prefix": .text(OCDSRequest.defaultPrefix)]))
    var ocidPrefix: String?
    @Option(name: [.customShort("o"), .customLong("output")], help: Help.option("export.output", value: "path"))
    var output: String?
    @OptionGroup var format: OutputOptions
    @OptionGroup var overwrite: OverwriteOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        if report == "list" {
            let catalogue = try ReportCatalogue.load()
            if format.json {
                struct Entry: Encodable { let name: String; let title: String; let sheets: [String] }
                return try JSONOutput.print(catalogue.reports.map { Entry(name: $0.name, title: $0.title.en, sheets: $0.sheets.map(\.name.en)) })
            }
            let texts = Console.texts
            var table = TextTable(texts("report.list.name"), texts("report.list.title"), texts("report.list.contents"))
            for entry in catalogue.reports { table.add(entry.name, entry.title.text(texts.language), entry.description.text(texts.language)) }
            return Console.out(table.render())
        }
        if report == "ocds" { return try ocds() }
        if !buyer.isEmpty || ocidPrefix != nil {
            throw TunetError.invalid("buyer", report, Message("ocds.options_only", fields: ["buyer", "ocid_prefix"]))
        }
        // --lang was read (and an unknown one refused) before any command ran: the request takes its outcome.
        var request = ReportRequest(report: report, defaultLanguage: Console.texts.language)
        request.from = from
        request.to = to
        request.month = month
        request.municipality = municipality
        request.provider = provider
        request.pilots = pilot.map { [$0] } ?? []
        let result = try TerminalProgress.showing(unless: format.json) { progress in
            try ReportDesk(global.readableContext().showing(progress)).write(request, to: output, force: overwrite.force)
        }
        if format.json { return try JSONOutput.print(result) }
        Console.say("report.wrote", ["file": .text(result.file), "rows": .integer(result.rows), "sheets": .list(result.sheets.map { .text($0) })])
    }

    /// `export ocds`: the OCDS 1.1 release package (Contracts/ocds.md).
    private func ocds() throws {
        var request = OCDSRequest()
        request.from = from
        request.to = to
        request.buyers = buyer
        request.ocidPrefix = ocidPrefix
        if month != nil || municipality != nil || provider != nil || pilot != nil {
            throw TunetError.invalid("report", report, Message("ocds.filters", fields: ["from", "to"]))
        }
        guard let output else { throw TunetError.invalid("output", nil, Message("ocds.output_required")) }
        let result = try OCDSDesk(global.readableContext()).write(request, to: output, force: overwrite.force)
        if format.json { return try JSONOutput.print(result) }
        Console.say("ocds.wrote", ["file": .text(result.file), "releases": .integer(Int64(result.releases)),
                                   "procurements": .integer(Int64(result.procurements)), "agreements": .integer(Int64(result.agreements)),
                                   "call_offs": .integer(Int64(result.callOffs))])
        if result.heldBack > 0 {
            Console.say("ocds.held_back", ["groups": .integer(Int64(result.heldBack)), "amount": .money(result.heldBackValue)])
        }
    }
}
