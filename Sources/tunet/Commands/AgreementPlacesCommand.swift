import ArgumentParser
import TunetApp
import TunetDomain
import TunetText

extension AgreementCommand {
    struct Places: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "places", abstract: "The places an agreement buys per farm and target group, and their use day by day (booked of bought).",
            discussion: """
                A call-off beyond the bought places is refused unless the agreement allows extra places. A farm and \
                target group the agreement buys no places from are limited only by the farm's places per day.

                Examples:
                  tunet agreement places 2025/310
                  tunet agreement places 2025/310 --from 2026-08-17 --to 2026-08-28
                  tunet agreement places 2025/310 --set 974760673:pupils:4 --set 923609016:dementia:3:mon,wed
                  tunet agreement places 2025/310 --set 974760673:pupils:0        stop buying places there
                  tunet agreement places 2025/310 --allow-extra-places
                """)

        @Argument(help: "The agreement's reference.")
        var reference: String
        @Option(help: "The first day to show (default today).")
        var from: String?
        @Option(help: "The last day to show (default a week on; at most 367 days).")
        var to: String?
        @Option(help: "ORGNR:GROUP:PLACES, or ORGNR:GROUP:PLACES:WEEKDAYS where the contract buys per weekday; replaces what is bought there (0 stops it); repeat.")
        var set: [String] = []
        @Flag(inversion: .prefixedEnableDisable, help: "Whether call-offs may go beyond the bought places.")
        var extraPlaces: Bool?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view: BoughtPlacesView
            if !set.isEmpty || extraPlaces != nil {
                view = try BoughtPlacesDesk(global.writableContext()).set(reference, places: set, allowsExtraPlaces: extraPlaces)
            } else {
                view = try BoughtPlacesDesk(global.readableContext()).use(reference, from: from, to: to)
            }
            if output.json { return try JSONOutput.print(view) }
            Console.out(AgreementCommand.placesText(view))
        }
    }

    /// What an agreement buys and the use day by day, as people read it.
    static func placesText(_ view: BoughtPlacesView) -> String {
        let texts = Console.texts
        guard !view.bought.isEmpty else { return texts("agreement.places.title") + "\n" + texts("agreement.places.none") }
        var lines = [texts("agreement.places.title")]
        // One line per farm, group and number: "3 plasser på tir og tor".
        var grouped: [(entry: BoughtPlaces, weekdays: [Weekday])] = []
        for entry in view.bought {
            if let weekday = entry.weekday, let index = grouped.firstIndex(where: {
                $0.entry.provider == entry.provider && $0.entry.targetGroup == entry.targetGroup && $0.entry.places == entry.places && !$0.weekdays.isEmpty
            }) {
                grouped[index].weekdays.append(weekday)
            } else {
                grouped.append((entry, entry.weekday.map { [$0] } ?? []))
            }
        }
        for (entry, weekdays) in grouped {
            lines.append("  " + texts("agreement.places.bought_line", [
                "provider": .text(view.providerNames[entry.provider] ?? entry.provider.digits), "group": entry.targetGroup.labelValue,
                "places": .integer(Int64(entry.places)),
                "days": .message(weekdays.isEmpty ? Message("agreement.places.every_day")
                                 : Message("agreement.places.on_weekday", ["weekday": .list(weekdays.sorted().map(\.labelValue))])),
            ]))
        }
        lines.append(texts(view.allowsExtraPlaces ? "agreement.places.extra_allowed" : "agreement.places.extra_not_allowed"))
        lines.append("")
        lines.append(texts("agreement.places.use_title", ["from": .date(view.from), "to": .date(view.to)]))
        guard !view.days.isEmpty else { return (lines + [texts("agreement.places.no_days")]).joined(separator: "\n") }
        var table = TextTable(texts("agreement.places.date"), texts("agreement.places.day"), texts("agreement.places.provider"),
                              texts("agreement.places.group"), texts("agreement.places.booked"), texts("agreement.places.bought"),
                              texts("agreement.places.share"), rightAligned: [4, 5, 6])
        for day in view.days {
            table.add(texts.format(.date(day.date)), texts.render(day.date.weekday.label), view.providerNames[day.provider] ?? day.provider.digits,
                      texts.render(day.targetGroup.label), texts.format(.integer(Int64(day.booked))), texts.format(.integer(Int64(day.bought))),
                      day.share.map { texts.format(.percentage($0)) } ?? "")
        }
        return (lines + [table.render()]).joined(separator: "\n")
    }
}
