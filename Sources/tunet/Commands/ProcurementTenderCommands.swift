import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

extension ProcurementCommand {
    struct TenderCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tender",
            abstract: "Register a provider's tender: a price for every line of the price form, optionally its quality scores.",
            discussion: """
                A tender after the deadline is refused unless --late-reason says why it is accepted (audited).

                Example:
                  tunet procurement tender 1 --provider 923456104 --price full_day=1200 --price transport=300 --score Kvalitet=8
                """)

        @Argument(help: "The procurement number.")
        var id: String
        @Option(help: "The tendering provider's organisation number.")
        var provider: String
        @Option(help: "LINE=AMOUNT for each line of the price form.")
        var price: [String] = []
        @Option(help: "CRITERION=POINTS (0–10) for a quality criterion.")
        var score: [String] = []
        @Option(help: "The day the tender was received (default today).")
        var received: String?
        @Option(help: "Why a tender after the deadline is accepted.")
        var lateReason: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try ProcurementDesk(global.writableContext()).tender(
                ProcurementCommand.parseId(id), provider: provider, prices: price, scores: score, received: received, lateReason: lateReason)
            if output.json { return try JSONOutput.print(view) }
            Console.say("procurement.tender.registered", ["provider": .text(provider), "id": .integer(view.procurement.id),
                                                          "tenders": .integer(view.procurement.tenders.count)])
        }
    }

    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "score", abstract: "Enter the evaluators' quality scores for a tender.",
            discussion: "Example:\n  tunet procurement score 1 --provider 923456104 --score Kvalitet=8 --score \"Faglig opplegg=7\"")

        @Argument(help: "The procurement number.")
        var id: String
        @Option(help: "The tendering provider.")
        var provider: String
        @Option(help: "CRITERION=POINTS (0–10); repeat.")
        var score: [String] = []
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try ProcurementDesk(global.writableContext()).score(ProcurementCommand.parseId(id), provider: provider, scores: score)
            if output.json { return try JSONOutput.print(view) }
            Console.say("procurement.scores.recorded", ["provider": .text(provider), "id": .integer(view.procurement.id)])
        }
    }

    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evaluate", abstract: "Rank the tenders after the deadline: price points, quality points, weighted total.",
            discussion: """
                Price points = lowest evaluated price ÷ the tender's evaluated price × 10, where the evaluated price is \
                Σ quantity × price over the price form. Quality points are the evaluators' 0–10. Total = Σ weight × points ÷ 100, \
                to three decimals. Ties: the lower evaluated price, then the higher quality points, then the earlier tender, \
                then the organisation number.

                Example:
                  tunet procurement evaluate 1 --json
                """)

        @Argument(help: "The procurement number.")
        var id: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try ProcurementCommand.printView(ProcurementDesk(global.writableContext()).evaluate(ProcurementCommand.parseId(id)), json: output.json)
        }
    }

    struct AwardCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "award",
            abstract: "Award the contract and start the standstill period where the rules require one.",
            discussion: """
                Above the EEA thresholds the standstill period (karensperiode) is required: 10 calendar days after an \
                electronic award notice, 15 otherwise, and --standstill-days may make it longer, not shorter. Below \
                them (or outside the regulation) there is none, and the agreement may be concluded at once, unless \
                --standstill-days asks for a voluntary one, which is then kept and audited just the same.

                Examples:
                  tunet procurement award 1 --winners 2
                  tunet procurement award 1 --winner 923456104 --notice-date 2026-03-10 --not-electronic
                  tunet procurement award 2 --winners 1 --standstill-days 10
                """)

        @Argument(help: "The procurement number.")
        var id: String
        @Option(help: "A winning provider; repeat. The agreement ranks them by the evaluation.")
        var winner: [String] = []
        @Option(help: "Award to the N best tenders.")
        var winners: Int?
        @Option(help: "The day the award notice went to all bidders (default today).")
        var noticeDate: String?
        @Flag(help: "The notice was not sent electronically (15-day standstill).")
        var notElectronic = false
        @Option(help: "A standstill period of this many days: longer than required, or voluntary where none is required.")
        var standstillDays: Int?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try ProcurementDesk(global.writableContext()).award(
                ProcurementCommand.parseId(id), winners: winner, count: winners, noticeDate: noticeDate, electronically: !notElectronic,
                standstillDays: standstillDays)
            if output.json { return try JSONOutput.print(view) }
            let award = view.procurement.award!
            let winners = MessageValue.list(award.winners.map { .text($0.provider.digits) })
            if let end = award.standstillEnd {
                Console.say(award.standstillVoluntary ? "procurement.awarded.voluntary_standstill" : "procurement.awarded.standstill",
                            ["id": .integer(view.procurement.id), "winners": winners, "end": .date(end), "from": .date(award.mayConcludeFrom)])
            } else {
                Console.say("procurement.awarded.no_standstill", ["id": .integer(view.procurement.id), "winners": winners,
                                                                  "rules": view.classification.regime.labelValue])
            }
        }
    }

    struct Conclude: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "conclude", abstract: "After the standstill period, conclude the framework agreement with the winners and their tendered prices.",
            discussion: """
                Example:
                  tunet procurement conclude 1 --reference 2026/310 --start 2026-08-01 --end 2028-07-31 \\
                    --option 12:2028-04-30 --maximum-value 3500000 --kpi-base 2026M01 --kpi-month 10
                """)

        @Argument(help: "The procurement number.")
        var id: String
        @Option(help: "The agreement's reference (case number).")
        var reference: String
        @Option(help: "Title (default: the procurement's).")
        var title: String?
        @Option(help: "First day.")
        var start: String
        @Option(help: "Last day without options.")
        var end: String
        @Option(help: "An extension option MONTHS:DECISION-DEADLINE; repeat.")
        var option: [String] = []
        @Option(help: "Maximum value in NOK (required).")
        var maximumValue: String?
        @Option(help: "Optional maximum participant-days.")
        var maximumParticipantDays: String?
        @Option(name: [.customLong("call-off")], help: "direct, ranking (default), criteria, mini_competition.")
        var callOff = "ranking"
        @Option(help: "Allocation criteria (for --call-off criteria).")
        var allocationCriteria: String?
        @Option(help: "present_only (default), bill_unannounced_absence, bill_all_absence.")
        var absenceRule: String?
        @Option(help: "billable_days (default), as_reported: which reported trips are billed.")
        var transportBilling: String?
        @Flag(help: "Providers may report extra days.")
        var allowsExtraDays = false
        @Option(help: "KPI base month.")
        var kpiBase: String?
        @Option(help: "Month of the index read each year.")
        var kpiMonth: String?
        @Option(help: "Month adjusted prices take effect.")
        var kpiEffectiveMonth: String?
        @Option(help: "Why it may run longer than 4 years.")
        var specialReason: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            var terms = AgreementForm()
            terms.reference = reference
            terms.title = title ?? ""
            terms.start = start
            terms.end = end
            terms.options = option
            terms.maximumValue = maximumValue
            terms.maximumParticipantDays = maximumParticipantDays
            terms.callOffMethod = callOff
            terms.allocationCriteria = allocationCriteria
            terms.absenceRule = absenceRule
            terms.transportBilling = transportBilling
            terms.allowsExtraDays = allowsExtraDays
            terms.kpiBaseMonth = kpiBase
            terms.kpiIndexMonth = kpiMonth
            terms.kpiEffectiveMonth = kpiEffectiveMonth
            terms.specialReason = specialReason
            let (view, added) = try ProcurementDesk(global.writableContext()).conclude(ProcurementCommand.parseId(id), terms: terms)
            for warning in added.warnings { Console.warn(warning) }
            if output.json { return try JSONOutput.print(AgreementCommand.AddedJSON(added)) }
            Console.say("procurement.concluded", ["id": .integer(view.procurement.id), "reference": .text(added.summary.agreement.reference),
                                                  "providers": .integer(added.summary.agreement.parties.count)])
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel", abstract: "Cancel the competition, with a reason.", discussion: "Example:\n  tunet procurement cancel 1 --reason \"No acceptable tenders\"")

        @Argument(help: "The procurement number.")
        var id: String
        @Option(help: "Why (required, audited).")
        var reason: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try ProcurementDesk(global.writableContext()).cancel(ProcurementCommand.parseId(id), reason: reason)
            if output.json { return try JSONOutput.print(view) }
            Console.say("procurement.cancelled", ["id": .integer(view.procurement.id)])
        }
    }
}
