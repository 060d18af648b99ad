import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

extension AgreementCommand {
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
            let summary = try AgreementDesk(global.writableContext()).extend(reference, note: note)
            if output.json { return try JSONOutput.print(summary) }
            Console.say("agreement.extended", ["reference": .text(summary.agreement.reference), "end": .date(summary.agreement.currentEnd)])
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
