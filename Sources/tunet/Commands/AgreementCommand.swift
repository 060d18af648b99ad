import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Framework agreements (rammeavtaler): register, extend, terminate, prices and the ceiling.",
        discussion: """
            Examples:
              tunet agreement list --status expiring
              tunet agreement show 2023/4512
              tunet agreement consumption 2025/DAG-77 --by-municipality
              tunet agreement prices 2023/4512 --on 2027-02-01
              tunet agreement adjust-prices --year 2027 --dry-run
            """,
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
            commandName: "add", abstract: "Register an existing framework agreement directly.",
            discussion: """
                The total duration with every option may not exceed 4 years unless --special-reason is given. \
                The maximum value is required: when committed and spent reach it, the agreement is used up.

                Example (Kongsberg, ranked cascade, KPI-adjusted each January from October's index):
                  tunet agreement add --reference 2023/4512 --title "Inn på tunet Kongsberg" \\
                    --municipality 3303 --provider 912345602:1 --provider 912345718:2 \\
                    --target-groups pupils,dementia --start 2024-01-01 --end 2025-12-31 \\
                    --option 12:2025-09-30 --option 12:2026-09-30 \\
                    --estimated-value 6000000 --maximum-value 8000000 --call-off ranking \\
                    --absence-rule bill_unannounced_absence \\
                    --price 912345602:full_day:day:1250 --price 912345602:transport:trip:350 \\
                    --price 912345718:full_day:day:1190 --kpi-base 2023M10 --kpi-month 10
                """)

        @Option(help: "The agreement's reference (case number), like 2023/4512.")
        var reference: String
        @Option(help: "Title.")
        var title: String
        @Option(help: "Municipality number; repeat for joint purchasing.")
        var municipality: [String] = []
        @Option(help: "A party: ORGNR or ORGNR:RANK; repeat for each provider.")
        var provider: [String] = []
        @Option(help: "Target groups: pupils, dementia, other.")
        var targetGroups: String
        @Option(help: "First day (YYYY-MM-DD or DD.MM.YYYY).")
        var start: String
        @Option(help: "Last day without options.")
        var end: String
        @Option(help: "An extension option MONTHS:DECISION-DEADLINE; repeat in order.")
        var option: [String] = []
        @Option(help: "Estimated value in NOK excl. VAT for the whole possible duration.")
        var estimatedValue: String
        @Option(help: "Maximum value in NOK (required): the binding ceiling.")
        var maximumValue: String?
        @Option(help: "Optional maximum number of participant-days.")
        var maximumParticipantDays: String?
        @Option(name: [.customLong("call-off")], help: "Call-off method: direct, ranking, criteria, mini_competition.")
        var callOff: String
        @Option(help: "The allocation criteria written in the agreement (for --call-off criteria).")
        var allocationCriteria: String?
        @Option(help: "Billable absence: present_only (default), bill_unannounced_absence, bill_all_absence.")
        var absenceRule: String?
        @Option(help: "Billed trips: billable_days (default: only on days the absence rule bills, never on a day the farm cancelled) or as_reported (every reported trip).")
        var transportBilling: String?
        @Flag(help: "Providers may report extra days outside a placement's weekdays.")
        var allowsExtraDays = false
        @Option(help: "Places bought ORGNR:GROUP:PLACES, or ORGNR:GROUP:PLACES:WEEKDAYS where the contract buys per weekday; repeat. Call-offs beyond them are refused unless --allows-extra-places.")
        var boughtPlaces: [String] = []
        @Flag(help: "Call-offs may go beyond the bought places.")
        var allowsExtraPlaces = false
        @Option(help: "A price line ORGNR:LINE:UNIT:AMOUNT (unit day, half_day, trip, hour); repeat.")
        var price: [String] = []
        @Option(help: "KPI base month the prices are given in, like 2023M10.")
        var kpiBase: String?
        @Option(help: "Month of the index read each year (1–12).")
        var kpiMonth: String?
        @Option(help: "Month the adjusted prices take effect (1–12, default 1).")
        var kpiEffectiveMonth: String?
        @Option(help: "Day of that month they take effect (1–28, default 1), for adjustment on the anniversary.")
        var kpiEffectiveDay: String?
        @Option(help: "Why the agreement may run longer than 4 years (stored and audited).")
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
            commandName: "show", abstract: "Show an agreement: the ceiling (by municipality when joint), parties, options and prices today.",
            discussion: "Example:\n  tunet agreement show 2023/4512 --json")

        @Argument(help: "The agreement's reference.")
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
                list.add(texts("forecast.pace.field"), texts("forecast.pace", ["days": .integer(Int64(CeilingForecast.windowDays)),
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
            commandName: "list", abstract: "List agreements, optionally filtered.",
            discussion: """
                Statuses: draft, active, expiring (ends within 6 months), expired, terminated, exhausted.

                Example:
                  tunet agreement list --municipality 3303 --status active
                """)

        @Option(help: "Only agreements with this status.")
        var status: String?
        @Option(help: "Only agreements of this municipality.")
        var municipality: String?
        @Option(help: "Only agreements with this provider as a party.")
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
