import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

extension AgreementCommand {
    struct Prices: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prices", abstract: Help.abstract("agreement.prices"),
            discussion: Help.discussion("agreement.prices"))

        @Argument(help: Help.option("agreement.prices.reference", value: "reference"), completion: .agreementReferences)
        var reference: String
        @Option(help: Help.option("agreement.prices.provider", value: "organisation_number"), completion: .organisationNumbers)
        var provider: String?
        @Option(help: Help.option("agreement.prices.on"))
        var on: String?
        @Flag(help: Help.option("agreement.prices.history"))
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
            abstract: Help.abstract("agreement.adjust-prices"),
            discussion: Help.discussion("agreement.adjust-prices"))

        @Option(help: Help.option("agreement.adjust-prices.year"))
        var year: Int
        @Option(help: Help.option("agreement.adjust-prices.reference", value: "reference"), completion: .agreementReferences)
        var reference: String?
        @Flag(help: Help.option("agreement.adjust-prices.dry-run"))
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
