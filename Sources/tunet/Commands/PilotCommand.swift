import ArgumentParser
import Foundation
import TunetApp
import TunetDomain

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

    static func table(_ evaluations: [PilotEvaluation]) -> String {
        var table = TextTable("Pilot", "Municipality", "Participants", "Placements", "Planned", "Present", "Rate", "Spent", "Per day", "Day centre",
                              "Ratio", rightAligned: Set(2...10))
        func percent(_ share: Percentage?) -> String { share?.text ?? "–" }
        for evaluation in evaluations {
            for figures in evaluation.municipalities + [evaluation.total] {
                table.add(evaluation.pilot.name, figures.municipality == "all" ? "all" : Municipality.named(figures.municipality)?.description ?? figures.municipality,
                          String(figures.participants), String(figures.placements), String(figures.plannedDays), String(figures.presentDays),
                          percent(figures.attendanceRate), figures.spent.formatted, figures.costPerAttendedDay?.formatted ?? "–",
                          figures.referencePrice?.formatted ?? "–", percent(figures.costRatio))
            }
        }
        return table.render()
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
            Console.out("Registered pilot \(pilot.id): \(pilot.name).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List pilots.", discussion: "Example:\n  tunet pilot list --json")
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let pilots = try PilotDesk(global.readableContext()).list()
            if output.json { return try JSONOutput.print(pilots) }
            var table = TextTable("#", "Pilot", "County", "Target group", "Municipalities", "Period", "Project leader", rightAligned: [0])
            for pilot in pilots {
                table.add(String(pilot.id), pilot.name, pilot.county, pilot.targetGroup.rawValue, pilot.municipalities.joined(separator: ","),
                          "\(pilot.from.iso)–\(pilot.to.iso)", pilot.projectLeader)
            }
            Console.out(pilots.isEmpty ? "No pilots are registered." : table.render())
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
            var list = DetailList()
            list.add("Pilot", "\(pilot.id): \(pilot.name)")
            list.add("County", pilot.county)
            list.add("Target group", pilot.targetGroup.rawValue)
            list.add("Municipalities", pilot.municipalities.map { Municipality.named($0)?.description ?? $0 }.joined(separator: ", "))
            list.add("Period", "\(pilot.from.iso) to \(pilot.to.iso)")
            list.add("Project leader", pilot.projectLeader)
            list.add("Research partner", pilot.researchPartner)
            list.add("Day-centre prices", pilot.referencePrices.sorted { $0.key < $1.key }.map { "\($0.key): NOK \($0.value.formatted)" }.joined(separator: ", "))
            Console.out(list.render())
            var table = TextTable("Municipality", "From", "To", "Measure", "Value", "n", "Source", rightAligned: [4, 5])
            for measure in measures {
                table.add(measure.municipalityNumber, measure.from.iso, measure.to.iso, measure.name, measure.valueText, String(measure.n), measure.source)
            }
            if !measures.isEmpty { Console.out("\nMeasures:\n" + table.render()) }
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
            Console.out("Day-centre price recorded for \(municipality) in \(pilot.name).")
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
            discussion: "Units: percent (0–100, one decimal) or score (1–5).\n\nExample:\n  tunet pilot measure add 1 --municipality 3316 --from 2026-01-01 --to 2026-06-30 --name satisfaction --value 4.3 --unit score --n 20 --source Spørreskjema")
        @Argument(help: "The pilot's number or name.") var id: String
        @Option(help: "Municipality.") var municipality: String
        @Option(help: "First day of the period measured.") var from: String
        @Option(help: "Last day.") var to: String
        @Option(help: "The measure (good_mood, social_activity, satisfaction).") var name: String
        @Option(help: "The value, one decimal.") var value: String
        @Option(help: "percent or score.") var unit: String
        @Option(help: "How many participants or observations.") var n: String
        @Option(help: "Where the figure comes from.") var source: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let measure = try PilotDesk(global.writableContext()).addMeasure(id, municipality: municipality, from: from, to: to, name: name,
                                                                             value: value, unit: unit, n: n, source: source)
            if output.json { return try JSONOutput.print(measure) }
            Console.out("Recorded \(measure.name) = \(measure.valueText) (n = \(measure.n)) for \(measure.municipalityNumber).")
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
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let evaluation = try PilotDesk(global.readableContext()).evaluate(id, from: from, to: to)
            if let file { try PilotWorkbook.write([evaluation], to: file) }
            if output.json { return try JSONOutput.print(evaluation) }
            Console.out("\(evaluation.pilot.name), \(evaluation.from.iso) to \(evaluation.to.iso)")
            Console.out(PilotCommand.table([evaluation]))
            Console.out("Providers: \(evaluation.approvedProviders) approved, \(evaluation.activeProviders) active. Documented farm choice: \(evaluation.placementsWithDocumentedChoice) of \(evaluation.total.placements) placements. Tasks done on time: \(evaluation.tasksDoneOnTime) of \(evaluation.tasksDone).")
            for measure in evaluation.measures {
                Console.out("  \(measure.municipalityNumber) \(measure.name): \(measure.valueText) (n = \(measure.n), \(measure.source))")
            }
            if let file { Console.out("Wrote \(file).") }
        }
    }

    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare", abstract: "Put pilots side by side.", discussion: "Example:\n  tunet pilot compare 1 2 -o sammenligning.xlsx")
        @Argument(help: "Two or more pilots (number or name).") var ids: [String]
        @Option(name: [.customShort("o"), .customLong("output")], help: "Also write an xlsx workbook with a chart.") var file: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            guard ids.count >= 2 else { throw ValidationError("Name at least two pilots to compare.") }
            let desk = try PilotDesk(global.readableContext())
            let evaluations = try ids.map { try desk.evaluate($0) }
            if let file { try PilotWorkbook.write(evaluations, to: file) }
            if output.json { return try JSONOutput.print(evaluations) }
            Console.out(PilotCommand.table(evaluations))
            if let file { Console.out("Wrote \(file).") }
        }
    }
}
