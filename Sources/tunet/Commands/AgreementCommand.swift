import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: Help.abstract("agreement"),
        discussion: Help.discussion("agreement"),
        subcommands: [Add.self, Show.self, List.self, Extend.self, Terminate.self, Prices.self, AdjustPrices.self, Consumption.self, Places.self]
    )

    /// An amount in kroner with its currency, as the reader's language writes it: `kr 8 000 000,00`, `NOK 8,000,000.00`.
    /// The share of the maximum used, or a dash when the maximum is zero.
    static func used(_ consumption: TunetDomain.Consumption) -> String {
        consumption.percentUsed.map { Console.texts.format(.percentage($0)) } ?? "–"
    }

    static func money(_ value: Money) -> String { Console.texts("agreement.amount", ["amount": .money(value)]) }

    /// Where a price came from, as a word: the agreement itself or a year's KPI adjustment (`kpi 2027`).
    static func source(_ code: String) -> String {
        if code == "agreement" { return Console.texts("agreement.price_source.agreement") }
        if code.hasPrefix("kpi "), let year = Int(code.dropFirst(4)) {
            return Console.texts("agreement.price_source.kpi", ["year": .text(String(year))])
        }
        return code
    }

    /// `agreement add` and `procurement conclude` with `--json`: the agreement, and its warnings as sentences
    /// in the reader's language.
    struct AddedJSON: Encodable {
        let added: AgreementAddedView
        init(_ added: AgreementAddedView) { self.added = added }
        func encode(to encoder: Encoder) throws { try added.encode(to: encoder) { Console.texts.render($0) } }
    }
}

extension AgreementCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: Help.abstract("agreement.add"),
            discussion: Help.discussion("agreement.add"))

        @Option(help: Help.option("agreement.add.reference"))
        var reference: String
        @Option(help: Help.option("agreement.add.title"))
        var title: String
        @Option(help: Help.option("agreement.add.municipality"))
        var municipality: [String] = []
        @Option(help: Help.option("agreement.add.provider"))
        var provider: [String] = []
        @Option(help: Help.option("agreement.add.target-groups"))
        var targetGroups: String
        @Option(help: Help.option("agreement.add.start"))
        var start: String
        @Option(help: Help.option("agreement.add.end"))
        var end: String
        @Option(help: Help.option("agreement.add.option"))
        var option: [String] = []
        @Option(help: Help.option("agreement.add.estimated-value"))
        var estimatedValue: String
        @Option(help: Help.option("agreement.add.maximum-value"))
        var maximumValue: String?
        @Option(help: Help.option("agreement.add.maximum-participant-days"))
        var maximumParticipantDays: String?
        @Option(name: [.customLong("call-off")], help: Help.option("agreement.add.call-off"))
        var callOff: String
        @Option(help: Help.option("agreement.add.allocation-criteria"))
        var allocationCriteria: String?
        @Option(help: Help.option("agreement.add.absence-rule"))
        var absenceRule: String?
        @Option(help: Help.option("agreement.add.transport-billing"))
        var transportBilling: String?
        @Flag(help: Help.option("agreement.add.allows-extra-days"))
        var allowsExtraDays = false
        @Option(help: Help.option("agreement.add.bought-places"))
        var boughtPlaces: [String] = []
        @Flag(help: Help.option("agreement.add.allows-extra-places"))
        var allowsExtraPlaces = false
        @Option(help: Help.option("agreement.add.price"))
        var price: [String] = []
        @Option(help: Help.option("agreement.add.kpi-base"))
        var kpiBase: String?
        @Option(help: Help.option("agreement.add.kpi-month"))
        var kpiMonth: String?
        @Option(help: Help.option("agreement.add.kpi-effective-month"))
        var kpiEffectiveMonth: String?
        @Option(help: Help.option("agreement.add.kpi-effective-day"))
        var kpiEffectiveDay: String?
        @Option(help: Help.option("agreement.add.special-reason"))
        var specialReason: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            var form = AgreementForm()
            form.reference = reference
            form.title = title
            form.municipalities = municipality
            form.parties = provider
            form.targetGroups = targetGroups
            form.start = start
            form.end = end
            form.options = option
            form.estimatedValue = estimatedValue
            form.maximumValue = maximumValue
            form.maximumParticipantDays = maximumParticipantDays
            form.callOffMethod = callOff
            form.allocationCriteria = allocationCriteria
            form.absenceRule = absenceRule
            form.transportBilling = transportBilling
            form.allowsExtraDays = allowsExtraDays
            form.boughtPlaces = boughtPlaces
            form.allowsExtraPlaces = allowsExtraPlaces
            form.prices = price
            form.kpiBaseMonth = kpiBase
            form.kpiIndexMonth = kpiMonth
            form.kpiEffectiveMonth = kpiEffectiveMonth
            form.kpiEffectiveDay = kpiEffectiveDay
            form.specialReason = specialReason
            let added = try AgreementDesk(global.writableContext()).add(form)
            for warning in added.warnings { Console.warn(warning) }
            if output.json { return try JSONOutput.print(AddedJSON(added)) }
            let agreement = added.summary.agreement
            Console.say("agreement.added", ["reference": .text(agreement.reference), "providers": .integer(agreement.parties.count),
                                            "start": .date(agreement.start), "end": .date(agreement.end), "status": added.summary.status.labelValue])
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: Help.abstract("agreement.show"),
            discussion: Help.discussion("agreement.show"))

        @Argument(help: Help.option("agreement.show.reference", value: "reference"), completion: .agreementReferences)
        var reference: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let context = try global.readableContext()
            let summary = try AgreementDesk(context).show(reference)
            if output.json { return try JSONOutput.print(summary) }
            let agreement = summary.agreement
            let texts = Console.texts
            var list = DetailList()
            list.add(texts("agreement.field.reference"), agreement.reference)
            list.add(texts("agreement.field.title"), agreement.title)
            list.add(texts("agreement.field.status"), texts.render(summary.status.label))
            list.add(texts("agreement.field.municipalities"), agreement.municipalities.map { Municipality.named($0)?.description ?? $0 }.joined(separator: ", "))
            list.add(texts("agreement.field.target_groups"), ProviderCommand.targetGroups(agreement.targetGroups))
            list.add(texts("agreement.field.period"), texts("agreement.period", ["start": .date(agreement.start), "end": .date(agreement.end)]))
            list.add(texts("agreement.field.current_end"), texts.format(.date(agreement.currentEnd)))
            list.add(texts("agreement.field.latest_possible_end"), texts.format(.date(agreement.latestPossibleEnd)))
            list.add(texts("agreement.field.special_reason"), agreement.specialReason)
            list.add(texts("agreement.field.call_off_method"), texts.render(agreement.callOffMethod.label))
            list.add(texts("agreement.field.allocation_criteria"), agreement.allocationCriteria)
            list.add(texts("agreement.field.absence_rule"), texts.render(agreement.absenceRule.label))
            list.add(texts("agreement.field.transport_billing"), texts.render(agreement.transportBilling.label))
            list.add(texts("agreement.field.extra_days"), texts(agreement.allowsExtraDays ? "agreement.yes" : "agreement.no"))
            list.add(texts("agreement.field.price_adjustment"), agreement.priceAdjustment.map {
                texts("agreement.price_adjustment", ["base": .text($0.baseMonth.ssb), "index_month": .text(String($0.indexMonth)),
                                                     "day": .text(String($0.effectiveDay)), "month": .text(String($0.effectiveMonth))])
            })
            list.add(texts("agreement.field.estimated_value"), AgreementCommand.money(agreement.estimatedValue))
            list.add(texts("agreement.field.maximum_value"), AgreementCommand.money(agreement.maximumValue))
            list.add(texts("agreement.field.maximum_participant_days"), agreement.maximumParticipantDays.map { texts.format(.integer($0)) })
            list.add(texts("agreement.field.committed"), AgreementCommand.money(summary.consumption.committed))
            list.add(texts("agreement.field.spent"), AgreementCommand.money(summary.consumption.spent))
            list.add(texts("agreement.field.headroom"), texts("agreement.headroom", ["amount": .text(AgreementCommand.money(summary.consumption.headroom)),
                                                                                    "used": .text(AgreementCommand.used(summary.consumption))]))
            if let forecast = summary.forecast {
                list.add(texts("forecast.title"), texts.render(forecast.message) + (summary.forecastIsEarly && forecast.expected.date != nil ? " " + texts("forecast.attention") : ""))
                list.add(texts("forecast.pace.field"), texts("forecast.pace", ["days": .integer(Int64(forecast.coveredDays)),
                                                                              "amount": .text(AgreementCommand.money(forecast.pacePerDay))]))
            }
            list.add(texts("agreement.field.terminated"), agreement.terminatedOn.map {
                texts("agreement.terminated_on", ["date": .date($0), "reason": .text(agreement.terminationReason ?? "")])
            })
            Console.out(list.render())
            if agreement.municipalities.count > 1 {
                Console.out("\n" + texts("agreement.by_municipality.title") + "\n" + AgreementCommand.municipalityTable(summary).render())
            }
            var parties = TextTable(texts("agreement.parties.rank"), texts("agreement.parties.organisation_number"), texts("agreement.parties.provider"),
                                    rightAligned: [0])
            let names = try ProviderDesk(context).list().reduce(into: [String: String]()) {
                $0[$1.provider.organisationNumber.digits] = $1.provider.name
            }
            for party in agreement.parties {
                parties.add(party.rank.map(String.init) ?? "", party.provider.digits, names[party.provider.digits] ?? "")
            }
            Console.out("\n" + texts("agreement.parties.title") + "\n" + parties.render())
            if !agreement.boughtPlaces.isEmpty {
                Console.out("\n" + AgreementCommand.placesText(try BoughtPlacesDesk(context).use(agreement.reference)))
            }
            if !agreement.options.isEmpty {
                var options = TextTable("#", texts("agreement.options.months"), texts("agreement.options.starts"), texts("agreement.options.decide_by"),
                                        texts("agreement.options.exercised"), rightAligned: [0, 1])
                for (index, (option, starts)) in zip(agreement.options, agreement.optionStarts).enumerated() {
                    options.add(String(index + 1), String(option.months), texts.format(.date(starts)), texts.format(.date(option.decisionDeadline)),
                                day(option.exercisedOn) ?? "")
                }
                Console.out("\n" + texts("agreement.options.title") + "\n" + options.render())
            }
            var prices = AgreementCommand.priceTable()
            for price in agreement.prices.prices(on: context.today) { AgreementCommand.add(price, to: &prices) }
            Console.out("\n" + texts("agreement.prices.today", ["date": .date(context.today)]) + "\n" + prices.render())
        }
    }

    static func priceTable() -> TextTable {
        let texts = Console.texts
        return TextTable(texts("agreement.prices.organisation_number"), texts("agreement.prices.line"), texts("agreement.prices.unit"),
                         texts("agreement.prices.price"), texts("agreement.prices.valid_from"), texts("agreement.prices.source"), rightAligned: [3])
    }

    static func add(_ price: PriceVersion, to table: inout TextTable) {
        let texts = Console.texts
        table.add(price.provider.digits, price.line, texts.render(price.unit.label), texts.format(.money(price.amount)),
                  texts.format(.date(price.validFrom)), source(price.source))
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Help.abstract("agreement.list"),
            discussion: Help.discussion("agreement.list"))

        @Option(help: Help.option("agreement.list.status"))
        var status: String?
        @Option(help: Help.option("agreement.list.municipality"))
        var municipality: String?
        @Option(help: Help.option("agreement.list.provider", value: "organisation_number"), completion: .organisationNumbers)
        var provider: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            var filter = AgreementFilter()
            var problems = ProblemCollector()
            if let status {
                filter.status = AgreementStatus(rawValue: status.lowercased())
                if filter.status == nil {
                    problems.add("status", status, Message("agreement.filter.status", ["codes": .text(AgreementStatus.allCases.map(\.rawValue).joined(separator: ", "))]))
                }
            }
            if let municipality { filter.municipalityNumber = problems.take("municipality", municipality, Municipality.parse(municipality))?.number }
            if let provider { filter.provider = problems.take("provider", provider, OrganisationNumber.parse(provider)) }
            try problems.check()
            let summaries = try AgreementDesk(global.readableContext()).list(filter)
            if output.json { return try JSONOutput.print(summaries) }
            if summaries.isEmpty { return Console.say("agreement.list.none") }
            let texts = Console.texts
            var table = TextTable(texts("agreement.table.reference"), texts("agreement.table.title"), texts("agreement.table.method"),
                                  texts("agreement.table.providers"), texts("agreement.table.start"), texts("agreement.table.ends"),
                                  texts("agreement.table.maximum"), texts("agreement.table.used"), texts("agreement.table.status"),
                                  rightAligned: [3, 6, 7])
            for summary in summaries {
                let agreement = summary.agreement
                table.add(agreement.reference, agreement.title, texts.render(agreement.callOffMethod.label), texts.format(.integer(agreement.parties.count)),
                          texts.format(.date(agreement.start)), texts.format(.date(agreement.currentEnd)), texts.format(.money(agreement.maximumValue)),
                          AgreementCommand.used(summary.consumption), texts.render(summary.status.label))
            }
            Console.out(table.render())
        }
    }

}

private func day(_ date: LocalDate?) -> String? { date.map { Console.texts.format(.date($0)) } }
