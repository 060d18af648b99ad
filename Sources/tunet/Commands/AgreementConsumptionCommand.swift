import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

extension AgreementCommand {
    struct Consumption: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "consumption", abstract: Help.abstract("agreement.consumption"),
            discussion: Help.discussion("agreement.consumption"))

        @Argument(help: Help.option("agreement.consumption.reference", value: "reference"), completion: .agreementReferences)
        var reference: String?
        @Flag(help: Help.option("agreement.consumption.by-municipality"))
        var byMunicipality = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        struct Row: Encodable {
            let reference: String
            let status: AgreementStatus
            let consumption: TunetDomain.Consumption
            let byMunicipality: [MunicipalityConsumption]?
            let forecast: CeilingForecast?
            let forecastIsEarly: Bool

            enum CodingKeys: String, CodingKey {
                case reference, status, consumption
                case byMunicipality = "consumption_by_municipality"
                case forecast = "ceiling_forecast"
                case forecastIsEarly = "ceiling_forecast_early"
            }

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(reference, forKey: .reference)
                try container.encode(status, forKey: .status)
                try container.encode(consumption, forKey: .consumption)
                try container.encodeIfPresent(byMunicipality, forKey: .byMunicipality)
                try container.encode(forecast, forKey: .forecast)
                try container.encode(forecastIsEarly, forKey: .forecastIsEarly)
            }
        }

        func run() throws {
            let summaries = try AgreementDesk(global.readableContext()).consumption(reference)
            if output.json {
                return try JSONOutput.print(summaries.map {
                    Row(reference: $0.agreement.reference, status: $0.status, consumption: $0.consumption,
                        byMunicipality: byMunicipality ? $0.consumptionByMunicipality : nil,
                        forecast: $0.forecast, forecastIsEarly: $0.forecastIsEarly)
                })
            }
            if byMunicipality {
                let tables = summaries.map { summary in
                    Console.texts("agreement.by_municipality.of", ["reference": .text(summary.agreement.reference)]) + "\n"
                        + AgreementCommand.municipalityTable(summary).render()
                }
                return Console.out(tables.joined(separator: "\n\n"))
            }
            let texts = Console.texts
            var table = TextTable(texts("agreement.table.reference"), texts("agreement.consumption.maximum"), texts("agreement.consumption.committed"),
                                  texts("agreement.consumption.spent"), texts("agreement.consumption.headroom"), texts("agreement.table.used"),
                                  texts("forecast.column"), texts("agreement.table.status"), rightAligned: [1, 2, 3, 4, 5])
            for summary in summaries {
                let use = summary.consumption
                table.add(summary.agreement.reference, texts.format(.money(use.maximum)), texts.format(.money(use.committed)),
                          texts.format(.money(use.spent)), texts.format(.money(use.headroom)), AgreementCommand.used(use),
                          AgreementCommand.forecastCell(summary), texts.render(summary.status.label))
            }
            Console.out(table.render())
            // The agreements whose maximum comes early, each in a sentence: the table's "!" explained.
            let early = summaries.filter(\.forecastIsEarly).compactMap { summary in
                summary.forecast.map { "\(summary.agreement.reference): " + texts.render($0.message) }
            }
            if !early.isEmpty { Console.out("\n" + early.joined(separator: "\n")) }
        }
    }

    /// The forecast day in a table's cell: the date, "reached" or "–", marked "!" when it calls for attention.
    static func forecastCell(_ summary: AgreementView) -> String {
        let texts = Console.texts
        guard let forecast = summary.forecast else { return "–" }
        let text = switch forecast.expected {
        case .alreadyReached: texts("forecast.cell.reached")
        case .reached(let date): texts.format(.date(date))
        case .notAtThisPace: "–"
        }
        return summary.forecastIsEarly ? text + " !" : text
    }

    /// Each municipality's line of the shared ceiling, and the agreement's total under them.
    static func municipalityTable(_ summary: AgreementView) -> TextTable {
        let texts = Console.texts
        func share(_ percentage: Percentage?) -> String { percentage.map { texts.format(.percentage($0)) } ?? "–" }
        var table = TextTable(texts("agreement.by_municipality.municipality"), texts("agreement.by_municipality.committed"),
                              texts("agreement.by_municipality.spent"), texts("agreement.by_municipality.used"),
                              texts("agreement.by_municipality.share_of_used"), texts("agreement.by_municipality.share_of_maximum"),
                              rightAligned: [1, 2, 3, 4, 5])
        for line in summary.consumptionByMunicipality {
            table.add(line.municipalityText, texts.format(.money(line.committed)), texts.format(.money(line.spent)),
                      texts.format(.money(line.used)), share(line.shareOfUsed), share(line.shareOfMaximum))
        }
        let total = summary.consumption
        table.add(texts("agreement.by_municipality.total"), texts.format(.money(total.committed)), texts.format(.money(total.spent)),
                  texts.format(.money(total.used)), share(Percentage(total.used.ore, of: total.used.ore)), share(total.percentUsed))
        return table
    }
}
