import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

extension AgreementCommand {
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
            let view = try AgreementDesk(global.readableContext()).prices(reference, provider: provider, on: on)
            if output.json { return try JSONOutput.print(view) }
            var table = AgreementCommand.priceTable()
            for price in history ? view.versions : view.prices { AgreementCommand.add(price, to: &table) }
            Console.say(history ? "agreement.prices.every_version" : "agreement.prices.valid_on", ["reference": .text(view.reference), "date": .date(view.on)])
            Console.out(table.render())
        }
    }

    struct AdjustPrices: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "adjust-prices",
            abstract: "Apply the agreements' KPI clauses for a year; every price is kept as a dated version.",
            discussion: """
                New price = original price × KPI(reference month) ÷ KPI(base month), rounded to the nearest øre \
                (halves away from zero). Running it again for the same year changes nothing and says that the year \
                was already applied.

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
            let report = try PriceAdjustmentDesk(global.writableContext()).run(year: year, reference: reference, dryRun: dryRun)
            if output.json { return try JSONOutput.print(report) }
            let texts = Console.texts
            for adjustment in report.adjusted {
                Console.say("agreement.adjust.adjusted", [
                    "reference": .text(adjustment.reference), "from": .date(adjustment.effectiveFrom),
                    "reference_month": .text(adjustment.referenceMonth), "reference_index": .tenths(adjustment.referenceIndex.tenths),
                    "base_month": .text(adjustment.baseMonth), "base_index": .tenths(adjustment.baseIndex.tenths)])
                var table = TextTable(texts("agreement.adjust.organisation_number"), texts("agreement.adjust.line"), texts("agreement.adjust.original"),
                                      texts("agreement.adjust.new_price"), rightAligned: [2, 3])
                for price in adjustment.prices {
                    table.add(price.provider.digits, price.line, texts.format(.money(price.original)), texts.format(.money(price.adjusted)))
                }
                Console.out(table.render())
            }
            for (reference, skipped) in report.skipped.sorted(by: { $0.key < $1.key }) {
                Console.say("agreement.adjust.not_adjusted", ["reference": .text(reference), "reason": .message(skipped.message)])
            }
            if report.dryRun {
                Console.say("agreement.adjust.dry_run")
            } else if report.adjusted.isEmpty {
                Console.say("agreement.adjust.nothing_changed")
            }
        }
    }
}
