import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct PilotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pilot",
        abstract: "Pilots and their evaluation: placements, attendance, cost against a day centre, documented choices, tasks, measures.",
        discussion: """
            Examples:
              tunet pilot add --name "Demens Oslo og Viken" --county Viken --target-group dementia --municipality 3316 --municipality 0301 \\
                --from 2026-01-01 --to 2027-12-31 --project-leader "Prosjektleder, Oslo kommune"
              tunet pilot evaluate 1 -o evaluering.xlsx
              tunet pilot compare 1 2
            """,
        subcommands: [Add.self, List.self, Show.self, ReferencePrice.self, Measure.self, Evaluate.self, Compare.self])

    static func table(_ evaluations: [PilotEvaluationView]) -> String {
        let texts = Console.texts
        var table = TextTable(texts("pilot.table.pilot"), texts("pilot.table.municipality"), texts("pilot.table.participants"),
                              texts("pilot.table.placements"), texts("pilot.table.planned"), texts("pilot.table.present"), texts("pilot.table.rate"),
                              texts("pilot.table.spent"), texts("pilot.table.per_day"), texts("pilot.table.day_centre"), texts("pilot.table.ratio"),
                              rightAligned: Set(2...10))
        func percent(_ share: Percentage?) -> String { share.map { texts.format(.percentage($0)) } ?? "–" }
        func money(_ amount: Money?) -> String { amount.map { texts.format(.money($0)) } ?? "–" }
        func count(_ number: Int) -> String { texts.format(.integer(number)) }
        for evaluation in evaluations {
            for figures in evaluation.municipalities + [evaluation.total] {
                table.add(evaluation.pilot.name,
                          figures.municipality == "all" ? texts("pilot.all_municipalities")
                              : Municipality.named(figures.municipality)?.description ?? figures.municipality,
                          count(figures.participants), count(figures.placements), count(figures.plannedDays), count(figures.presentDays),
                          percent(figures.attendanceRate), money(figures.spent), money(figures.costPerAttendedDay),
                          money(figures.referencePrice), percent(figures.costRatio))
            }
        }
        return table.render()
    }

    /// A measure's value as the reader writes it: "52,0 %" or "4,3".
    static func value(_ measure: PilotMeasure) -> String {
        Console.texts(measure.unit == .percent ? "pilot.measure.percent" : "pilot.measure.score", ["value": .tenths(measure.valueTenths)])
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a pilot.", discussion: "Example: see `tunet pilot --help`.")
        @Option(help: "Name.") var name: String
        @Option(help: "County.") var county: String
        @Option(help: "Target group: pupils or dementia.") var targetGroup: String
        @Option(help: "Municipality number; repeat.") var municipality: [String] = []
        @Option(help: "First day.") var from: String
        @Option(help: "Last day.") var to: String
        @Option(help: "Project leader (role or name).") var projectLeader: String
        @Option(help: "Research partner.") var researchPartner: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let pilot = try PilotDesk(global.writableContext()).add(name: name, county: county, targetGroup: targetGroup, municipalities: municipality,
                                                                    from: from, to: to, projectLeader: projectLeader, researchPartner: researchPartner)
            if output.json { return try JSONOutput.print(pilot) }
            Console.say("pilot.registered", ["pilot": .text(String(pilot.id)), "name": .text(pilot.name)])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List pilots.", discussion: "Example:\n  tunet pilot list --json")
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let pilots = try PilotDesk(global.readableContext()).list()
            if output.json { return try JSONOutput.print(pilots) }
            let texts = Console.texts
            var table = TextTable(texts("pilot.list.number"), texts("pilot.list.pilot"), texts("pilot.list.county"), texts("pilot.list.target_group"),
                                  texts("pilot.list.municipalities"), texts("pilot.list.period"), texts("pilot.list.project_leader"), rightAligned: [0])
            for pilot in pilots {
                table.add(String(pilot.id), pilot.name, pilot.county, texts.render(pilot.targetGroup.label), pilot.municipalities.joined(separator: ","),
                          texts("pilot.period_short", ["from": .date(pilot.from), "to": .date(pilot.to)]), pilot.projectLeader)
            }
            Console.out(pilots.isEmpty ? texts("pilot.list.none") : table.render())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a pilot and its measures.", discussion: "Example:\n  tunet pilot show 1")
        @Argument(help: "The pilot's number or name.") var id: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (pilot, measures) = try PilotDesk(global.readableContext()).show(id)
            if output.json {
                struct Detail: Encodable { let pilot: Pilot; let measures: [PilotMeasure] }
                return try JSONOutput.print(Detail(pilot: pilot, measures: measures))
            }
            let texts = Console.texts
            var list = DetailList()
            list.add(texts("pilot.show.pilot"), "\(pilot.id): \(pilot.name)")
            list.add(texts("pilot.show.county"), pilot.county)
            list.add(texts("pilot.show.target_group"), texts.render(pilot.targetGroup.label))
            list.add(texts("pilot.show.municipalities"), pilot.municipalities.map { Municipality.named($0)?.description ?? $0 }.joined(separator: ", "))
            list.add(texts("pilot.show.period"), texts("pilot.period", ["from": .date(pilot.from), "to": .date(pilot.to)]))
            list.add(texts("pilot.show.project_leader"), pilot.projectLeader)
            list.add(texts("pilot.show.research_partner"), pilot.researchPartner)
            list.add(texts("pilot.show.reference_prices"), pilot.referencePrices.sorted { $0.key < $1.key }
                .map { texts("pilot.reference_price", ["municipality": .text($0.key), "price": .money($0.value)]) }.joined(separator: ", "))
            Console.out(list.render())
            var table = TextTable(texts("pilot.measures.municipality"), texts("pilot.measures.from"), texts("pilot.measures.to"),
                                  texts("pilot.measures.measure"), texts("pilot.measures.value"), texts("pilot.measures.n"), texts("pilot.measures.source"),
                                  rightAligned: [4, 5])
            for measure in measures {
                table.add(measure.municipalityNumber, texts.format(.date(measure.from)), texts.format(.date(measure.to)), measure.name,
                          PilotCommand.value(measure), texts.format(.integer(measure.n)), measure.source)
            }
            if !measures.isEmpty { Console.out("\n" + texts("pilot.measures.heading") + "\n" + table.render()) }
        }
    }

    struct ReferencePrice: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reference-price", abstract: "The price of a participant-day at an ordinary day centre in a municipality.",
            discussion: "Example:\n  tunet pilot reference-price 1 --municipality 3316 --price 1450")
        @Argument(help: "The pilot's number or name.") var id: String
        @Option(help: "Municipality.") var municipality: String
        @Option(help: "NOK per participant-day.") var price: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let pilot = try PilotDesk(global.writableContext()).setReferencePrice(id, municipality: municipality, price: price)
            if output.json { return try JSONOutput.print(pilot) }
            Console.say("pilot.reference_price_recorded", ["municipality": .text(municipality), "pilot": .text(pilot.name)])
        }
    }

    struct Measure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "measure", abstract: "Survey and observation measures.",
            discussion: "Example:\n  tunet pilot measure add 1 --municipality 3316 --from 2026-01-01 --to 2026-06-30 --name good_mood --value 52 --unit percent --n 24 --source \"Observasjon, forskningspartner\"",
            subcommands: [AddMeasure.self])
    }

    struct AddMeasure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Record a measure for a period and municipality, with n and source.",
            discussion: "Units: percent (0–100, one decimal) or score (1–5). A measure at the ordinary day centre (--setting day_centre) is the reference pilot evaluate compares the farm's measure of the same name with.\n\nExample:\n  tunet pilot measure add 1 --municipality 3316 --from 2026-01-01 --to 2026-06-30 --name satisfaction --value 4.3 --unit score --n 20 --source Spørreskjema")
        @Argument(help: "The pilot's number or name.") var id: String
        @Option(help: "Municipality.") var municipality: String
        @Option(help: "First day of the period measured.") var from: String
        @Option(help: "Last day.") var to: String
        @Option(help: "The measure (good_mood, social_activity, satisfaction).") var name: String
        @Option(help: "The value, one decimal.") var value: String
        @Option(help: "percent or score.") var unit: String
        @Option(help: "How many participants or observations.") var n: String
        @Option(help: "Where the figure comes from.") var source: String
        @Option(help: "Where it was measured: farm (the default) or day_centre, the ordinary day centre pilot evaluate compares the farm with.")
        var setting: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let measure = try PilotDesk(global.writableContext()).addMeasure(id, municipality: municipality, from: from, to: to, name: name,
                                                                             value: value, unit: unit, n: n, source: source, setting: setting)
            if output.json { return try JSONOutput.print(measure) }
            Console.say("pilot.measure_recorded", ["measure": .text(measure.name), "value": .text(PilotCommand.value(measure)),
                                                   "n": .integer(measure.n), "municipality": .text(measure.municipalityNumber)])
        }
    }

    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evaluate", abstract: "Compute the pilot's indicators from the data.",
            discussion: """
                Per municipality: participants and placements (by sector), planned and attended days and the attendance rate, \
                spent (billed attendance), cost per attended participant-day against the day-centre reference. For the pilot: \
                approved and active providers, placements whose farm choice is documented by the agreement's rule, tasks done on \
                time, and the recorded measures.

                Example:
                  tunet pilot evaluate 1 --from 2026-01-01 --to 2026-06-30 -o evaluering.xlsx
                """)
        @Argument(help: "The pilot's number or name.") var id: String
        @Option(help: "From (default the pilot's start).") var from: String?
        @Option(help: "To (default the pilot's end).") var to: String?
        @Option(name: [.customShort("o"), .customLong("output")], help: "Also write an xlsx workbook with a chart.") var file: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var overwrite: OverwriteOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let context = try global.readableContext()
            let evaluation = try PilotDesk(context).evaluate(id, from: from, to: to)
            if let file {
                // The catalogue's pilot-evaluation report, narrowed to the pilot and the period.
                var request = ReportRequest(report: "pilot-evaluation", defaultLanguage: Console.texts.language)
                request.pilots = [id]
                request.from = from
                request.to = to
                _ = try ReportDesk(context).write(request, to: file, force: overwrite.force)
            }
            if output.json { return try JSONOutput.print(evaluation) }
            Console.say("pilot.evaluation.heading", ["pilot": .text(evaluation.pilot.name), "from": .date(evaluation.from), "to": .date(evaluation.to)])
            Console.out(PilotCommand.table([evaluation]))
            Console.say("pilot.evaluation.summary", [
                "approved": .integer(evaluation.approvedProviders), "active": .integer(evaluation.activeProviders),
                "documented": .integer(evaluation.placementsWithDocumentedChoice), "placements": .integer(evaluation.total.placements),
                "on_time": .integer(evaluation.tasksDoneOnTime), "done": .integer(evaluation.tasksDone),
            ])
            if !evaluation.placesBoughtBySector.isEmpty {
                Console.say("pilot.evaluation.places_bought", ["sectors": .list(evaluation.placesBoughtBySector.sorted { $0.key < $1.key }.map { code, places in
                    .message(Message("pilot.evaluation.places_in_sector", ["places": .integer(Int64(places)),
                                                                           "sector": Sector(rawValue: code).map(\.labelValue) ?? .text(code)]))
                })])
            }
            for measure in evaluation.measures {
                Console.say(measure.setting == .farm ? "pilot.evaluation.measure" : "pilot.evaluation.measure_day_centre", [
                    "municipality": .text(measure.municipalityNumber), "measure": .text(measure.name),
                    "value": .text(PilotCommand.value(measure)), "n": .integer(measure.n), "source": .text(measure.source)])
            }
            if !evaluation.comparisons.isEmpty { Console.say("pilot.evaluation.comparisons_heading") }
            for comparison in evaluation.comparisons {
                let difference = comparison.differenceTenths
                Console.say(comparison.unit == .percent ? "pilot.evaluation.comparison_percent" : "pilot.evaluation.comparison_score", [
                    "municipality": .text(comparison.municipalityNumber), "measure": .text(comparison.name),
                    "farm": .text(PilotCommand.value(comparison.farm)), "day_centre": .text(PilotCommand.value(comparison.dayCentre)),
                    "difference": .tenths(abs(difference)),
                    "direction": .message(Message(difference > 0 ? "pilot.evaluation.higher" : difference < 0 ? "pilot.evaluation.lower" : "pilot.evaluation.same")),
                ])
            }
            if let file { Console.say("pilot.wrote", ["file": .text(file)]) }
        }
    }

    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare", abstract: "Put pilots side by side.", discussion: "Example:\n  tunet pilot compare 1 2 -o sammenligning.xlsx")
        @Argument(help: "Two or more pilots (number or name).") var ids: [String]
        @Option(name: [.customShort("o"), .customLong("output")], help: "Also write an xlsx workbook with a chart.") var file: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var overwrite: OverwriteOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            guard ids.count >= 2 else { throw ValidationError(Console.texts("pilot.compare.too_few")) }
            let context = try global.readableContext()
            let desk = PilotDesk(context)
            let evaluations = try ids.map { try desk.evaluate($0) }
            if let file {
                // The catalogue's pilot-evaluation report over the pilots compared, each over its own period.
                var request = ReportRequest(report: "pilot-evaluation", defaultLanguage: Console.texts.language)
                request.pilots = ids
                _ = try ReportDesk(context).write(request, to: file, force: overwrite.force)
            }
            if output.json { return try JSONOutput.print(evaluations) }
            Console.out(PilotCommand.table(evaluations))
            if let file { Console.say("pilot.wrote", ["file": .text(file)]) }
        }
    }
}
