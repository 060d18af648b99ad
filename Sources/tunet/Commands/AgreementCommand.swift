import ArgumentParser
import Foundation
import TunetApp
import TunetDomain

struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Framework agreements (rammeavtaler): register, extend, terminate, prices and the ceiling.",
        discussion: """
            Examples:
              tunet agreement list --status expiring
              tunet agreement show 2023/4512
              tunet agreement prices 2023/4512 --on 2027-02-01
              tunet agreement adjust-prices --year 2027 --dry-run
            """,
        subcommands: [Add.self, Show.self, List.self, Extend.self, Terminate.self, Prices.self, AdjustPrices.self, Consumption.self]
    )

    static func money(_ value: Money) -> String { "NOK " + value.formatted }
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
        @Flag(help: "Providers may report extra days outside a placement's weekdays.")
        var allowsExtraDays = false
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
            form.allowsExtraDays = allowsExtraDays
            form.prices = price
            form.kpiBaseMonth = kpiBase
            form.kpiIndexMonth = kpiMonth
            form.kpiEffectiveMonth = kpiEffectiveMonth
            form.kpiEffectiveDay = kpiEffectiveDay
            form.specialReason = specialReason
            let added = try AgreementRegistry(global.writableContext()).add(form)
            for warning in added.warnings { Console.warn(warning) }
            if output.json { return try JSONOutput.print(added) }
            let agreement = added.summary.agreement
            Console.out("Registered agreement \(agreement.reference) (\(agreement.parties.count) providers, \(agreement.start.iso) to \(agreement.end.iso)); status: \(added.summary.status.rawValue).")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show an agreement: parties, options, prices today and the ceiling.",
            discussion: "Example:\n  tunet agreement show 2023/4512 --json")

        @Argument(help: "The agreement's reference.")
        var reference: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let context = try global.readableContext()
            let summary = try AgreementRegistry(context).show(reference)
            if output.json { return try JSONOutput.print(summary) }
            let agreement = summary.agreement
            var list = DetailList()
            list.add("Reference", agreement.reference)
            list.add("Title", agreement.title)
            list.add("Status", summary.status.rawValue)
            list.add("Municipalities", agreement.municipalities.map { Municipality.named($0)?.description ?? $0 }.joined(separator: ", "))
            list.add("Target groups", TargetGroup.codes(agreement.targetGroups))
            list.add("Period", "\(agreement.start.iso) to \(agreement.end.iso)")
            list.add("Current end", agreement.currentEnd.iso)
            list.add("Latest possible end", agreement.latestPossibleEnd.iso)
            list.add("Special reason (> 4 years)", agreement.specialReason)
            list.add("Call-off method", agreement.callOffMethod.rawValue)
            list.add("Allocation criteria", agreement.allocationCriteria)
            list.add("Absence billing", agreement.absenceRule.rawValue)
            list.add("Extra days allowed", agreement.allowsExtraDays ? "yes" : "no")
            list.add("Price adjustment", agreement.priceAdjustment.map {
                "KPI from \($0.baseMonth.ssb), index month \($0.indexMonth), effective \($0.effectiveDay).\($0.effectiveMonth) each year"
            })
            list.add("Estimated value", AgreementCommand.money(agreement.estimatedValue))
            list.add("Maximum value", AgreementCommand.money(agreement.maximumValue))
            list.add("Maximum participant-days", agreement.maximumParticipantDays.map(String.init))
            list.add("Committed", AgreementCommand.money(summary.consumption.committed))
            list.add("Spent", AgreementCommand.money(summary.consumption.spent))
            list.add("Headroom", AgreementCommand.money(summary.consumption.headroom) + " (\(summary.consumption.percentUsedText) used)")
            list.add("Terminated", agreement.terminatedOn.map { "\($0.iso): \(agreement.terminationReason ?? "")" })
            Console.out(list.render())
            var parties = TextTable("Rank", "Org. number", "Provider", rightAligned: [0])
            let names = try ProviderRegistry(context).list().reduce(into: [String: String]()) {
                $0[$1.provider.organisationNumber.digits] = $1.provider.name
            }
            for party in agreement.parties {
                parties.add(party.rank.map(String.init) ?? "", party.provider.digits, names[party.provider.digits] ?? "")
            }
            Console.out("\nParties:\n" + parties.render())
            if !agreement.options.isEmpty {
                var options = TextTable("#", "Months", "Starts", "Decide by", "Exercised", rightAligned: [0, 1])
                for (index, (option, starts)) in zip(agreement.options, agreement.optionStarts).enumerated() {
                    options.add(String(index + 1), String(option.months), starts.iso, option.decisionDeadline.iso, option.exercisedOn?.iso ?? "")
                }
                Console.out("\nExtension options:\n" + options.render())
            }
            var prices = TextTable("Org. number", "Line", "Unit", "Price", "Valid from", "Source", rightAligned: [3])
            for price in agreement.prices.prices(on: context.today) {
                prices.add(price.provider.digits, price.line, price.unit.rawValue, price.amount.formatted, price.validFrom.iso, price.source)
            }
            Console.out("\nPrices valid today (\(context.today.iso)):\n" + prices.render())
        }
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
                    problems.add("status", status, .verbatim("use one of \(AgreementStatus.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
            }
            if let municipality { filter.municipalityNumber = problems.take("municipality", municipality, Municipality.parse(municipality))?.number }
            if let provider { filter.provider = problems.take("provider", provider, OrganisationNumber.parse(provider)) }
            try problems.check()
            let summaries = try AgreementRegistry(global.readableContext()).list(filter)
            if output.json { return try JSONOutput.print(summaries) }
            if summaries.isEmpty { return Console.out("No agreements match.") }
            var table = TextTable("Reference", "Title", "Method", "Providers", "Start", "Ends", "Maximum (NOK)", "Used", "Status",
                                  rightAligned: [3, 6, 7])
            for summary in summaries {
                let agreement = summary.agreement
                table.add(agreement.reference, agreement.title, agreement.callOffMethod.rawValue, String(agreement.parties.count),
                          agreement.start.iso, agreement.currentEnd.iso, agreement.maximumValue.formatted,
                          summary.consumption.percentUsedText, summary.status.rawValue)
            }
            Console.out(table.render())
        }
    }

    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extend", abstract: "Exercise the next extension option (before its decision deadline).",
            discussion: "Example:\n  tunet agreement extend 2023/4512 --note \"Decided by the work team 2025-09-12\"")

        @Argument(help: "The agreement's reference.")
        var reference: String
        @Option(help: "A note for the audit log.")
        var note: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let summary = try AgreementRegistry(global.writableContext()).extend(reference, note: note)
            if output.json { return try JSONOutput.print(summary) }
            Console.out("Extended \(reference); it now ends \(summary.agreement.currentEnd.iso).")
        }
    }

    struct Terminate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "terminate", abstract: "Terminate an agreement from a day, with a reason.",
            discussion: """
                The agreement no longer applies from the given day; its last day is the day before. Placements \
                that run on or past that day are listed and the termination is refused until you say what \
                happens to them: --end-placements ends each on the agreement's last day and releases its \
                committed value (a placement not yet started is cancelled), each audited; --keep-placements \
                keeps them as they are, with the reason recorded.

                Examples:
                  tunet agreement terminate 2023/4512 --reason "Merged into the joint agreement" --on 2027-01-01
                  tunet agreement terminate 2023/4512 --reason "Breach of contract" --on 2026-12-15 --end-placements
                """)

        @Argument(help: "The agreement's reference.")
        var reference: String
        @Option(help: "Why (required, audited).")
        var reason: String
        @Option(help: "The first day it no longer applies (default today).")
        var on: String?
        @Flag(help: "End the placements that run past the termination on the agreement's last day.")
        var endPlacements = false
        @Flag(help: "Keep the placements that run past the termination, recording the reason.")
        var keepPlacements = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if endPlacements && keepPlacements {
                throw ValidationError("Give either --end-placements or --keep-placements, not both.")
            }
        }

        func run() throws {
            let decision: PlacementsAtTermination? = endPlacements ? .end : keepPlacements ? .keep : nil
            let outcome = try AgreementRegistry(global.writableContext()).terminate(reference, reason: reason, on: on, placements: decision)
            if output.json { return try JSONOutput.print(outcome) }
            let agreement = outcome.summary.agreement
            Console.out("Terminated \(reference) from \(agreement.terminatedOn!.iso); its last day is \(agreement.terminatedOn!.adding(days: -1).iso).")
            guard !outcome.placements.isEmpty else { return }
            var table = TextTable("Placement", "Participant", "Provider", "Ended before", "Ends now", "Planned days", "Released (NOK)",
                                  rightAligned: [0, 5, 6])
            for change in outcome.placements {
                table.add(String(change.after.id), change.after.participant.text, change.after.provider.digits, change.before.end.iso,
                          change.after.isCancelled ? "cancelled" : change.after.end.iso,
                          "\(change.before.plannedDays) → \(change.after.plannedDays)",
                          change.released.formatted)
            }
            Console.out(outcome.keptPlacements
                        ? "\(outcome.placements.count) placements kept past the termination, as decided:\n" + table.render()
                        : "\(outcome.placements.count) placements ended:\n" + table.render())
        }
    }

    struct Prices: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prices", abstract: "Show the prices valid on a day, and every version of them.",
            discussion: "Example:\n  tunet agreement prices 2023/4512 --provider 912345602 --on 2027-01-15")

        @Argument(help: "The agreement's reference.")
        var reference: String
        @Option(help: "Only this provider's prices.")
        var provider: String?
        @Option(help: "The day (default today).")
        var on: String?
        @Flag(help: "Also list every price version.")
        var history = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try AgreementRegistry(global.readableContext()).prices(reference, provider: provider, on: on)
            if output.json { return try JSONOutput.print(view) }
            var table = TextTable("Org. number", "Line", "Unit", "Price (NOK)", "Valid from", "Source", rightAligned: [3])
            for price in history ? view.versions : view.prices {
                table.add(price.provider.digits, price.line, price.unit.rawValue, price.amount.formatted, price.validFrom.iso, price.source)
            }
            Console.out((history ? "Every price version of \(reference):\n" : "Prices of \(reference) valid on \(view.on.iso):\n") + table.render())
        }
    }

    struct AdjustPrices: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "adjust-prices",
            abstract: "Apply the agreements' KPI clauses for a year; every price is kept as a dated version.",
            discussion: """
                New price = original price × KPI(reference month) ÷ KPI(base month), rounded to the nearest øre \
                (halves away from zero). Running it again for the same year changes nothing.

                Example:
                  tunet agreement adjust-prices --year 2027 --dry-run
                """)

        @Option(help: "The year the adjusted prices take effect.")
        var year: Int
        @Option(help: "Only this agreement.")
        var reference: String?
        @Flag(help: "Show the new prices without storing them.")
        var dryRun = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let report = try PriceAdjustment(global.writableContext()).run(year: year, reference: reference, dryRun: dryRun)
            if output.json { return try JSONOutput.print(report) }
            for adjustment in report.adjusted {
                Console.out("\(adjustment.reference): from \(adjustment.effectiveFrom.iso), KPI \(adjustment.referenceMonth) \(adjustment.referenceIndex) / \(adjustment.baseMonth) \(adjustment.baseIndex)")
                var table = TextTable("Org. number", "Line", "Original", "Adjusted", rightAligned: [2, 3])
                for price in adjustment.prices {
                    table.add(price.provider.digits, price.line, price.original.formatted, price.adjusted.formatted)
                }
                Console.out(table.render())
            }
            for (reference, reason) in report.skipped.sorted(by: { $0.key < $1.key }) {
                Console.out("\(reference): not adjusted (\(reason))")
            }
            if report.dryRun { Console.out("Dry run: nothing was stored.") }
        }
    }

    struct Consumption: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "consumption", abstract: "Committed plus spent against each agreement's maximum value.",
            discussion: """
                Committed is the projected cost of placements; spent is billed attendance.

                Example:
                  tunet agreement consumption 2023/4512
                """)

        @Argument(help: "One agreement (default: all).")
        var reference: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let summaries = try AgreementRegistry(global.readableContext()).consumption(reference)
            if output.json {
                struct Row: Encodable {
                    let reference: String
                    let status: AgreementStatus
                    let consumption: TunetDomain.Consumption
                }
                return try JSONOutput.print(summaries.map { Row(reference: $0.agreement.reference, status: $0.status, consumption: $0.consumption) })
            }
            var table = TextTable("Reference", "Maximum", "Committed", "Spent", "Headroom", "Used", "Status", rightAligned: [1, 2, 3, 4, 5])
            for summary in summaries {
                let use = summary.consumption
                table.add(summary.agreement.reference, use.maximum.formatted, use.committed.formatted, use.spent.formatted,
                          use.headroom.formatted, use.percentUsedText, summary.status.rawValue)
            }
            Console.out(table.render())
        }
    }
}
