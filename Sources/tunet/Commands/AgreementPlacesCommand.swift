import ArgumentParser
import TunetApp
import TunetDomain
import TunetText

extension AgreementCommand {
    struct Places: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "places", abstract: Help.abstract("agreement.places"),
            discussion: Help.discussion("agreement.places"))

        @Argument(help: Help.option("agreement.places.reference", value: "reference"), completion: .agreementReferences)
        var reference: String
        @Option(help: Help.option("agreement.places.from"))
        var from: String?
        @Option(help: Help.option("agreement.places.to"))
        var to: String?
        @Option(help: Help.option("agreement.places.set"))
        var set: [String] = []
        @Flag(inversion: .prefixedEnableDisable, help: Help.option("agreement.places.extra-places"))
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
