import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct PilotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pilot",
        abstract: Help.abstract("pilot"),
        discussion: Help.discussion("pilot"),
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
        static let configuration = CommandConfiguration(commandName: "add", abstract: Help.abstract("pilot.add"), discussion: Help.discussion("pilot.add"))
        @Option(help: Help.option("pilot.add.name")) var name: String
        @Option(help: Help.option("pilot.add.county")) var county: String
        @Option(help: Help.option("pilot.add.target-group")) var targetGroup: String
        @Option(help: Help.option("pilot.add.municipality")) var municipality: [String] = []
        @Option(help: Help.option("pilot.add.from")) var from: String
        @Option(help: Help.option("pilot.add.to")) var to: String
        @Option(help: Help.option("pilot.add.project-leader")) var projectLeader: String
        @Option(help: Help.option("pilot.add.research-partner")) var researchPartner: String?
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
        static let configuration = CommandConfiguration(commandName: "list", abstract: Help.abstract("pilot.list"), discussion: Help.discussion("pilot.list"))
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
        static let configuration = CommandConfiguration(commandName: "show", abstract: Help.abstract("pilot.show"), discussion: Help.discussion("pilot.show"))
        @Argument(help: Help.option("pilot.show.id")) var id: String
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
            commandName: "reference-price", abstract: Help.abstract("pilot.reference-price"),
            discussion: Help.discussion("pilot.reference-price"))
        @Argument(help: Help.option("pilot.reference-price.id")) var id: String
        @Option(help: Help.option("pilot.reference-price.municipality")) var municipality: String
        @Option(help: Help.option("pilot.reference-price.price")) var price: String
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
            commandName: "measure", abstract: Help.abstract("pilot.measure"),
            discussion: Help.discussion("pilot.measure"),
            subcommands: [AddMeasure.self])
    }

    struct AddMeasure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: Help.abstract("pilot.measure.add"),
            discussion: Help.discussion("pilot.measure.add"))
        @Argument(help: Help.option("pilot.measure.add.id")) var id: String
        @Option(help: Help.option("pilot.measure.add.municipality")) var municipality: String
        @Option(help: Help.option("pilot.measure.add.from")) var from: String
        @Option(help: Help.option("pilot.measure.add.to")) var to: String
        @Option(help: Help.option("pilot.measure.add.name")) var name: String
        @Option(help: Help.option("pilot.measure.add.value")) var value: String
        @Option(help: Help.option("pilot.measure.add.unit")) var unit: String
        @Option(help: Help.option("pilot.measure.add.n")) var n: String
        @Option(help: Help.option("pilot.measure.add.source")) var source: String
        @Option(help: Help.option("pilot.measure.add.setting"))
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
            commandName: "evaluate", abstract: Help.abstract("pilot.evaluate"),
            discussion: Help.discussion("pilot.evaluate"))
        @Argument(help: Help.option("pilot.evaluate.id")) var id: String
        @Option(help: Help.option("pilot.evaluate.from")) var from: String?
        @Option(help: Help.option("pilot.evaluate.to")) var to: String?
        @Option(name: [.customShort("o"), .customLong("output")], help: Help.option("pilot.evaluate.output", value: "path")) var file: String?
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
            commandName: "compare", abstract: Help.abstract("pilot.compare"), discussion: Help.discussion("pilot.compare"))
        @Argument(help: Help.option("pilot.compare.ids")) var ids: [String]
        @Option(name: [.customShort("o"), .customLong("output")], help: Help.option("pilot.compare.output", value: "path")) var file: String?
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
