import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

extension AgreementCommand {
    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extend", abstract: Help.abstract("agreement.extend"),
            discussion: Help.discussion("agreement.extend"))

        @Argument(help: Help.option("agreement.extend.reference", value: "reference"), completion: .agreementReferences)
        var reference: String
        @Option(help: Help.option("agreement.extend.note"))
        var note: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let summary = try AgreementDesk(global.writableContext()).extend(reference, note: note)
            if output.json { return try JSONOutput.print(summary) }
            Console.say("agreement.extended", ["reference": .text(summary.agreement.reference), "end": .date(summary.agreement.currentEnd)])
        }
    }

    struct Terminate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "terminate", abstract: Help.abstract("agreement.terminate"),
            discussion: Help.discussion("agreement.terminate"))

        @Argument(help: Help.option("agreement.terminate.reference", value: "reference"), completion: .agreementReferences)
        var reference: String
        @Option(help: Help.option("agreement.terminate.reason"))
        var reason: String
        @Option(help: Help.option("agreement.terminate.on"))
        var on: String?
        @Flag(help: Help.option("agreement.terminate.end-placements"))
        var endPlacements = false
        @Flag(help: Help.option("agreement.terminate.keep-placements"))
        var keepPlacements = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if endPlacements && keepPlacements {
                throw ValidationError(Console.texts("agreement.terminate.both_decisions"))
            }
        }

        func run() throws {
            let decision: PlacementsAtTermination? = endPlacements ? .end : keepPlacements ? .keep : nil
            let outcome = try AgreementDesk(global.writableContext()).terminate(reference, reason: reason, on: on, placements: decision)
            if output.json { return try JSONOutput.print(outcome) }
            let agreement = outcome.summary.agreement
            let texts = Console.texts
            guard let from = agreement.terminatedOn else { throw TunetError.internalFault("terminated without a day") }
            Console.say("agreement.terminated", ["reference": .text(agreement.reference), "from": .date(from), "last_day": .date(from.adding(days: -1))])
            guard !outcome.placements.isEmpty else { return }
            var table = TextTable(texts("agreement.terminate.placement_column"), texts("agreement.terminate.participant"), texts("agreement.terminate.provider"),
                                  texts("agreement.terminate.ended_before"), texts("agreement.terminate.ends_now"),
                                  texts("agreement.terminate.planned_days"), texts("agreement.terminate.released"), rightAligned: [0, 5, 6])
            for change in outcome.placements {
                table.add(String(change.after.id), change.after.participant.text, change.after.provider.digits, texts.format(.date(change.before.end)),
                          change.after.isCancelled ? texts.render(PlacementStatus.cancelled.label) : texts.format(.date(change.after.end)),
                          "\(texts.format(.integer(change.before.plannedDays))) → \(texts.format(.integer(change.after.plannedDays)))",
                          texts.format(.money(change.released)))
            }
            Console.say(outcome.keptPlacements ? "agreement.terminate.kept" : "agreement.terminate.ended", ["count": .integer(outcome.placements.count)])
            Console.out(table.render())
        }
    }
}
