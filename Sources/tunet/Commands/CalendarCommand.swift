import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "The Norwegian calendar: public holidays (computed) and school holidays per municipality.",
        discussion: "Examples:\n  tunet calendar school show --municipality 1866 --year 2026\n  tunet calendar school import skoleruter.csv",
        subcommands: [School.self])

    struct School: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "school", abstract: "School holidays, when pupils are not at the farm.",
            discussion: "Examples:\n  tunet calendar school set --municipality 1866 --from 2026-10-05 --to 2026-10-09 --name Høstferie",
            subcommands: [SetHoliday.self, Import.self, Show.self])
    }

    struct SetHoliday: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Add a school holiday period to a municipality's calendar.",
            discussion: "Example:\n  tunet calendar school set --municipality 1866 --from 2026-10-05 --to 2026-10-09 --name Høstferie")

        @Option(help: "Municipality number.")
        var municipality: String
        @Option(help: "First day off.")
        var from: String
        @Option(help: "Last day off.")
        var to: String
        @Option(help: "The holiday's name.")
        var name: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try SchoolCalendarDesk(global.writableContext()).add(municipality: municipality, from: from, to: to, name: name)
            if output.json { return try JSONOutput.print(view) }
            Console.say("calendar.holiday.recorded", ["name": .text(name.trimmingWhitespace()), "municipality": .text(municipalityName(view.municipalityNumber)),
                                                      "count": .integer(view.schoolHolidays.count)])
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Replace the school calendars of the municipalities in a CSV file, all or nothing.",
            discussion: "Format: Contracts/school-calendar-csv.md.\n\nExample:\n  tunet calendar school import skoleruter.csv --dry-run")

        @Argument(help: "The CSV file.")
        var file: String
        @Flag(help: "Check without storing.")
        var dryRun = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let views = try SchoolCalendarDesk(global.writableContext()).importFile(URL(fileURLWithPath: file), dryRun: dryRun)
            if output.json { return try JSONOutput.print(views) }
            for view in views {
                Console.say(view.changed ? "calendar.import.municipality" : "calendar.import.municipality_unchanged",
                            ["municipality": .text(municipalityName(view.municipalityNumber)), "count": .integer(view.schoolHolidays.count)])
            }
            let changed = views.filter(\.changed).count
            if dryRun {
                Console.say("calendar.import.dry_run")
            } else if changed == 0 {
                Console.say("calendar.import.nothing_changed")
            } else {
                Console.say("calendar.import.replaced", ["municipalities": .integer(changed)])
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a municipality's school holidays and, for a year, the public holidays.",
            discussion: "Example:\n  tunet calendar school show --municipality 1866 --year 2026")

        @Option(help: "Municipality number.")
        var municipality: String
        @Option(help: "Only this year (also lists the public holidays).")
        var year: Int?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try SchoolCalendarDesk(global.readableContext()).show(municipality: municipality, year: year)
            if output.json { return try JSONOutput.print(view) }
            let texts = Console.texts
            var table = TextTable(texts("calendar.table.from"), texts("calendar.table.to"), texts("calendar.table.school_holiday"))
            for holiday in view.schoolHolidays { table.add(texts.format(.date(holiday.from)), texts.format(.date(holiday.to)), holiday.name) }
            if view.schoolHolidays.isEmpty {
                Console.say("calendar.none", ["municipality": .text(municipalityName(view.municipalityNumber))])
            } else {
                Console.out(table.render())
            }
            if !view.publicHolidays.isEmpty {
                var holidays = TextTable(texts("calendar.table.date"), texts("calendar.table.weekday"), texts("calendar.table.public_holiday"))
                for holiday in view.publicHolidays {
                    holidays.add(texts.format(.date(holiday.date)), ProviderCommand.weekdays(WeekdaySet([holiday.date.weekday])), texts.render(holiday.holiday.label))
                }
                Console.out("\n" + holidays.render())
            }
        }
    }
}

/// `1866 Hadsel`: the number and the name, as people know the municipality.
private func municipalityName(_ number: String) -> String { Municipality.named(number)?.description ?? number }
