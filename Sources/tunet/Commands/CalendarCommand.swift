import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: Help.abstract("calendar"),
        discussion: Help.discussion("calendar"),
        subcommands: [School.self])

    struct School: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "school", abstract: Help.abstract("calendar.school"),
            discussion: Help.discussion("calendar.school"),
            subcommands: [SetHoliday.self, Import.self, Show.self])
    }

    struct SetHoliday: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: Help.abstract("calendar.school.set"),
            discussion: Help.discussion("calendar.school.set"))

        @Option(help: Help.option("calendar.school.set.municipality"))
        var municipality: String
        @Option(help: Help.option("calendar.school.set.from"))
        var from: String
        @Option(help: Help.option("calendar.school.set.to"))
        var to: String
        @Option(help: Help.option("calendar.school.set.name"))
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
            commandName: "import", abstract: Help.abstract("calendar.school.import"),
            discussion: Help.discussion("calendar.school.import"))

        @Argument(help: Help.option("calendar.school.import.file", value: "path"))
        var file: String
        @Flag(help: Help.option("calendar.school.import.dry-run"))
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
            commandName: "show", abstract: Help.abstract("calendar.school.show"),
            discussion: Help.discussion("calendar.school.show"))

        @Option(help: Help.option("calendar.school.show.municipality"))
        var municipality: String
        @Option(help: Help.option("calendar.school.show.year"))
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
