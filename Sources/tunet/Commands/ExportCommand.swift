import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a report from the catalogue as an xlsx workbook (`tunet export list` shows the catalogue).",
        discussion: """
            Every workbook has a front sheet (title, filters, time, Tunet's version), styled frozen headers, \
            an autofilter, NOK and date formats and totals. Norwegian headers by default, English with --lang en. \
            Without -o the file goes to Reports/output/ in the working directory. The catalogue is Reports/catalogue.json.

            Examples:
              tunet export list
              tunet export agreements --municipality 3303 -o avtaler.xlsx
              tunet export attendance-month --from 2026-03-01 --lang en
              tunet export invoice-basis --month 2026-03 --provider 974760673 -o lia-2026-03.xlsx
              tunet export attendance-rows --from 2026-01-01 --to 2026-12-31 -o /tmp
              tunet export ocds --buyer 3303=ORGANISATION_NUMBER -o kongsberg-ocds.json

            `ocds` writes an Open Contracting Data Standard 1.1 release package (JSON) instead of a workbook: \
            the competitions, the framework agreements and the call-offs summed per farm and month \
            (Contracts/ocds.md).
            """)

    @Argument(help: "The report's name, or list.")
    var report: String
    @Option(help: "From this day (YYYY-MM-DD or DD.MM.YYYY); for one-month reports, the month of this day.")
    var from: String?
    @Option(help: "To this day.")
    var to: String?
    @Option(help: "One month, 2026-03 (instead of --from and --to).")
    var month: String?
    @Option(help: "Only this municipality (4 digits).")
    var municipality: String?
    @Option(help: "Only this farm (organisation number), for the reports that take it (invoice-basis).")
    var provider: String?
    @Option(help: "Only this pilot's municipalities and, unless --from/--to say otherwise, its period (number or name).")
    var pilot: String?
    @Option(help: "ocds only: a buyer municipality's organisation number, 3303=ORGANISATION_NUMBER (repeat for each).")
    var buyer: [String] = []
    @Option(help: "ocds only: the publisher's OCID prefix from the Open Contracting Partnership (default \(OCDSRequest.defaultPrefix)).")
    var ocidPrefix: String?
    @Option(name: [.customShort("o"), .customLong("output")], help: "The xlsx file, or a folder to write it in (ocds: the .json file).")
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
