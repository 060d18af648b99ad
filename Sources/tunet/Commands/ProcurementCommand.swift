import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct ProcurementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procurement",
        abstract: Help.abstract("procurement"),
        discussion: Help.discussion("procurement"),
        subcommands: [Create.self, Criteria.self, Open.self, TenderCommand.self, Score.self, Evaluate.self, AwardCommand.self,
                      Letters.self, Conclude.self, Cancel.self, Show.self, List.self]
    )

    static func printView(_ view: ProcurementView, json: Bool) throws {
        if json { return try JSONOutput.print(view) }
        let texts = Console.texts
        let procurement = view.procurement
        let rules = view.classification
        var list = DetailList()
        list.add(texts("procurement.field.id"), String(procurement.id))
        list.add(texts("procurement.field.title"), procurement.title)
        list.add(texts("procurement.field.state"), procurement.cancellationReason.map {
            texts("procurement.state_with_reason", ["state": procurement.state.labelValue, "reason": .text($0)])
        } ?? texts.render(procurement.state.label))
        list.add(texts("procurement.field.municipalities"), procurement.municipalities.map { Municipality.named($0)?.description ?? $0 }.joined(separator: ", "))
        list.add(texts("procurement.field.target_groups"), ProviderCommand.targetGroups(procurement.targetGroups))
        list.add(texts("procurement.field.estimated_value"),
                 texts("procurement.estimated_value", ["value": .money(procurement.estimatedValue), "category": procurement.category.labelValue]))
        list.add(texts("procurement.field.rules"), texts.render(rules.regime.label))
        list.add(texts("procurement.field.notice"), texts.render(rules.notice.label))
        list.add(texts("procurement.field.standstill"), texts(rules.standstillRequired ? "procurement.standstill.required" : "procurement.standstill.not_required"))
        list.add(texts("procurement.field.four_year_limit"), texts(rules.fourYearLimit ? "procurement.four_year_limit.applies" : "procurement.four_year_limit.does_not_apply"))
        if procurement.reservedForNonProfits {
            list.add(texts("procurement.field.reserved_for_non_profits"), texts("procurement.yes"))
        } else {
            list.add(texts("procurement.field.reserved"), texts(rules.mayBeReservedForNonProfits ? "procurement.yes" : "procurement.no"))
        }
        list.add(texts("procurement.field.deadline"), procurement.tenderDeadline.map { texts.format(.date($0)) })
        if !procurement.criteria.isEmpty {
            list.add(texts("procurement.field.criteria"), procurement.criteria.map {
                texts($0.isPrice ? "procurement.criterion.price" : "procurement.criterion", ["name": .text($0.name), "weight": .integer($0.weight)])
            }.joined(separator: ", "))
        }
        if !procurement.priceTemplate.isEmpty {
            list.add(texts("procurement.field.price_form"), procurement.priceTemplate.map {
                texts("procurement.price_line", ["line": .text($0.line), "unit": $0.unit.labelValue, "quantity": .integer($0.quantity)])
            }.joined(separator: ", "))
        }
        list.add(texts("procurement.field.tenders"), texts.format(.integer(procurement.tenders.count)))
        if let award = procurement.award {
            list.add(texts("procurement.field.award_notice"), texts(award.notifiedElectronically ? "procurement.award_notice.electronic" : "procurement.award_notice.not_electronic",
                                                                   ["date": .date(award.noticeDate)]))
            list.add(texts("procurement.field.standstill_end"), award.standstillEnd.map {
                texts(award.standstillVoluntary ? "procurement.standstill_end.voluntary" : "procurement.standstill_end", ["date": .date($0)])
            } ?? texts("procurement.standstill_end.none"))
            list.add(texts("procurement.field.may_conclude_from"), texts.format(.date(award.mayConcludeFrom)))
        }
        list.add(texts("procurement.field.agreement"), procurement.agreementReference)
        Console.out(list.render())
        if let evaluation = view.evaluation {
            let names = procurement.criteria.map(\.name)
            var table = TextTable([texts("procurement.evaluation.rank"), texts("procurement.evaluation.organisation_number"),
                                   texts("procurement.evaluation.price")] + names
                                  + [texts("procurement.evaluation.total"), texts("procurement.evaluation.tie_break")],
                                  rightAligned: Set(0..<(names.count + 4)).subtracting([1]))
            for row in evaluation {
                table.add([String(row.rank), row.provider.digits, texts.format(.money(row.evaluatedPrice))]
                    + names.map { points(row.pointsMilli[$0] ?? 0) }
                    + [points(row.totalMilli), row.tieBreak.map(tieBreak) ?? ""])
            }
            Console.out("\n" + texts("procurement.evaluation.title") + "\n" + table.render())
        }
    }

    /// Points to three decimals, as the reader's language writes decimals (8,333 or 8.333).
    static func points(_ milli: Int64) -> String { Console.texts.thousandths(milli) }

    /// Why two tenders with the same total are ranked as they are. The evaluation gives the reason as an
    /// English sentence; each is shown from the catalogue, and one this front end does not know as it is.
    static func tieBreak(_ reason: EvaluatedTender.TieBreak) -> String { Console.texts.render(reason.message) }

    static func parseId(_ text: String) throws -> Int64 {
        guard let id = Int64(text.trimmingCharacters(in: .whitespaces)), id > 0 else {
            throw TunetError.invalid("procurement", text, Message("procurement.id.invalid", ["text": .text(text)]))
        }
        return id
    }
}

extension ProcurementCommand {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: Help.abstract("procurement.create"),
            discussion: Help.discussion("procurement.create"))

        @Option(help: Help.option("procurement.create.title"))
        var title: String
        @Option(help: Help.option("procurement.create.target-groups"))
        var targetGroups: String
        @Option(help: Help.option("procurement.create.municipality"))
        var municipality: [String] = []
        @Option(help: Help.option("procurement.create.estimated-value"))
        var estimatedValue: String
        @Option(help: Help.option("procurement.create.category"))
        var category: String?
        @Flag(name: [.customLong("reserved-for-non-profits"), .customLong("reserved")],
              help: Help.option("procurement.create.reserved-for-non-profits"))
        var reservedForNonProfits = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try ProcurementDesk(global.writableContext()).create(
                title: title, targetGroups: targetGroups, municipalities: municipality, estimatedValue: estimatedValue, category: category,
                reservedForNonProfits: reservedForNonProfits)
            if output.json { return try JSONOutput.print(view) }
            Console.say("procurement.created", ["id": .integer(view.procurement.id), "rules": view.classification.regime.labelValue])
            try ProcurementCommand.printView(view, json: false)
        }
    }

    struct Criteria: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "criteria", abstract: Help.abstract("procurement.criteria"),
            discussion: Help.discussion("procurement.criteria"))

        @Argument(help: Help.option("procurement.criteria.id", value: "number"))
        var id: String
        @Option(help: Help.option("procurement.criteria.criterion"))
        var criterion: [String] = []
        @Option(help: Help.option("procurement.criteria.price-line"))
        var priceLine: [String] = []
        @Option(help: Help.option("procurement.criteria.deadline"))
        var deadline: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try ProcurementDesk(global.writableContext())
                .setCriteria(ProcurementCommand.parseId(id), criteria: criterion, priceLines: priceLine, deadline: deadline)
            try ProcurementCommand.printView(view, json: output.json)
        }
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open", abstract: Help.abstract("procurement.open"), discussion: Help.discussion("procurement.open"))

        @Argument(help: Help.option("procurement.open.id", value: "number"))
        var id: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try ProcurementCommand.printView(ProcurementDesk(global.writableContext()).open(ProcurementCommand.parseId(id)), json: output.json)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: Help.abstract("procurement.show"), discussion: Help.discussion("procurement.show"))

        @Argument(help: Help.option("procurement.show.id", value: "number"))
        var id: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try ProcurementCommand.printView(ProcurementDesk(global.readableContext()).show(ProcurementCommand.parseId(id)), json: output.json)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Help.abstract("procurement.list"), discussion: Help.discussion("procurement.list"))

        @Option(help: Help.option("procurement.list.state"))
        var state: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            var filter: ProcurementState?
            if let state {
                guard let parsed = ProcurementState(rawValue: state.lowercased()) else {
                    throw TunetError.invalid("state", state, Message("procurement.filter.state", ["codes": .text(ProcurementState.allCases.map(\.rawValue).joined(separator: ", "))]))
                }
                filter = parsed
            }
            let views = try ProcurementDesk(global.readableContext()).list(state: filter)
            if output.json { return try JSONOutput.print(views) }
            if views.isEmpty { return Console.say("procurement.list.none") }
            let texts = Console.texts
            var table = TextTable("#", texts("procurement.table.title"), texts("procurement.table.estimated"), texts("procurement.table.rules"),
                                  texts("procurement.table.tenders"), texts("procurement.table.deadline"), texts("procurement.table.state"),
                                  texts("procurement.table.agreement"), rightAligned: [0, 2, 4])
            for view in views {
                let procurement = view.procurement
                table.add(String(procurement.id), procurement.title, texts.format(.money(procurement.estimatedValue)),
                          texts.render(view.classification.regime.label), texts.format(.integer(procurement.tenders.count)),
                          procurement.tenderDeadline.map { texts.format(.date($0)) } ?? "", texts.render(procurement.state.label),
                          procurement.agreementReference ?? "")
            }
            Console.out(table.render())
        }
    }
}
