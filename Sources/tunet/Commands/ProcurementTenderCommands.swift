import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

extension ProcurementCommand {
    struct TenderCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tender",
            abstract: Help.abstract("procurement.tender"),
            discussion: Help.discussion("procurement.tender"))

        @Argument(help: Help.option("procurement.tender.id", value: "number"))
        var id: String
        @Option(help: Help.option("procurement.tender.provider", value: "organisation_number"), completion: .organisationNumbers)
        var provider: String
        @Option(help: Help.option("procurement.tender.price"))
        var price: [String] = []
        @Option(help: Help.option("procurement.tender.score"))
        var score: [String] = []
        @Option(help: Help.option("procurement.tender.received"))
        var received: String?
        @Option(help: Help.option("procurement.tender.late-reason"))
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
            commandName: "score", abstract: Help.abstract("procurement.score"),
            discussion: Help.discussion("procurement.score"))

        @Argument(help: Help.option("procurement.score.id", value: "number"))
        var id: String
        @Option(help: Help.option("procurement.score.provider", value: "organisation_number"), completion: .organisationNumbers)
        var provider: String
        @Option(help: Help.option("procurement.score.score"))
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
            commandName: "evaluate", abstract: Help.abstract("procurement.evaluate"),
            discussion: Help.discussion("procurement.evaluate"))

        @Argument(help: Help.option("procurement.evaluate.id", value: "number"))
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
            abstract: Help.abstract("procurement.award"),
            discussion: Help.discussion("procurement.award"))

        @Argument(help: Help.option("procurement.award.id", value: "number"))
        var id: String
        @Option(help: Help.option("procurement.award.winner", value: "organisation_number"), completion: .organisationNumbers)
        var winner: [String] = []
        @Option(help: Help.option("procurement.award.winners"))
        var winners: Int?
        @Option(help: Help.option("procurement.award.notice-date"))
        var noticeDate: String?
        @Flag(help: Help.option("procurement.award.not-electronic"))
        var notElectronic = false
        @Option(help: Help.option("procurement.award.standstill-days"))
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
            commandName: "conclude", abstract: Help.abstract("procurement.conclude"),
            discussion: Help.discussion("procurement.conclude"))

        @Argument(help: Help.option("procurement.conclude.id", value: "number"))
        var id: String
        @Option(help: Help.option("procurement.conclude.reference"))
        var reference: String
        @Option(help: Help.option("procurement.conclude.title"))
        var title: String?
        @Option(help: Help.option("procurement.conclude.start"))
        var start: String
        @Option(help: Help.option("procurement.conclude.end"))
        var end: String
        @Option(help: Help.option("procurement.conclude.option"))
        var option: [String] = []
        @Option(help: Help.option("procurement.conclude.maximum-value"))
        var maximumValue: String?
        @Option(help: Help.option("procurement.conclude.maximum-participant-days"))
        var maximumParticipantDays: String?
        @Option(name: [.customLong("call-off")], help: Help.option("procurement.conclude.call-off"))
        var callOff = "ranking"
        @Option(help: Help.option("procurement.conclude.allocation-criteria"))
        var allocationCriteria: String?
        @Option(help: Help.option("procurement.conclude.absence-rule"))
        var absenceRule: String?
        @Option(help: Help.option("procurement.conclude.transport-billing"))
        var transportBilling: String?
        @Flag(help: Help.option("procurement.conclude.allows-extra-days"))
        var allowsExtraDays = false
        @Option(help: Help.option("procurement.conclude.kpi-base"))
        var kpiBase: String?
        @Option(help: Help.option("procurement.conclude.kpi-month"))
        var kpiMonth: String?
        @Option(help: Help.option("procurement.conclude.kpi-effective-month"))
        var kpiEffectiveMonth: String?
        @Option(help: Help.option("procurement.conclude.special-reason"))
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
            commandName: "cancel", abstract: Help.abstract("procurement.cancel"), discussion: Help.discussion("procurement.cancel"))

        @Argument(help: Help.option("procurement.cancel.id", value: "number"))
        var id: String
        @Option(help: Help.option("procurement.cancel.reason"))
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
