/// Parsing and checking what people type for a competition: criteria, the price form, tenders and scores.
public enum ProcurementInput {
    /// `Pris:40:price`, `Kvalitet:35`, `Miljø:25`: weights must sum to 100 and exactly one is the price.
    public static func criteria(_ raw: [String]) throws(TunetError) -> [AwardCriterion] {
        var problems = ProblemCollector()
        var criteria: [AwardCriterion] = []
        for text in raw {
            let pieces = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard (2...3).contains(pieces.count), !pieces[0].isEmpty, let weight = Int(digitsOnly: pieces[1]),
                  (1...100).contains(weight), pieces.count == 2 || pieces[2].lowercased() == "price" || pieces[2].lowercased() == "pris" else {
                problems.add("criterion", text, Message("rules.criterion.form"))
                continue
            }
            if let reason = checkName(pieces[0]) { problems.add("criterion", text, reason.message); continue }
            if criteria.contains(where: { $0.name.lowercased() == pieces[0].lowercased() }) {
                problems.add("criterion", text, Message("rules.criterion.twice", ["name": .text(pieces[0])]))
                continue
            }
            criteria.append(AwardCriterion(name: pieces[0], weight: weight, isPrice: pieces.count == 3))
        }
        if raw.isEmpty { problems.add("criterion", nil, Message("rules.criterion.required")) }
        if problems.isEmpty {
            let total = criteria.reduce(0) { $0 + $1.weight }
            if total != 100 {
                problems.add("criterion", nil, Message("rules.criterion.weights_sum", ["total": .integer(total), "criteria": .text(criteria.map { "\($0.name) \($0.weight)" }.joined(separator: ", "))]))
            }
            let priceCount = criteria.filter(\.isPrice).count
            if priceCount != 1 {
                problems.add("criterion", nil, priceCount == 0
                    ? Message("rules.criterion.no_price")
                    : Message("rules.criterion.several_prices", ["count": .integer(priceCount)]))
            }
        }
        try problems.check()
        return criteria
    }

    /// `full_day:day:4000`: a line of the price form with the quantity tenders are compared on.
    public static func priceTemplate(_ raw: [String]) throws(TunetError) -> [PriceTemplateLine] {
        var problems = ProblemCollector()
        var lines: [PriceTemplateLine] = []
        if raw.isEmpty { problems.add("price-line", nil, Message("rules.price_form.required")) }
        if raw.count > PriceTemplateLine.largestCount {
            problems.add("price-line", nil, Message("rules.price_form.too_many", ["count": .integer(Int64(raw.count)),
                                                                               "largest": .integer(Int64(PriceTemplateLine.largestCount))]))
        }
        for text in raw {
            let pieces = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard pieces.count == 3 else {
                problems.add("price-line", text, Message("rules.price_form.line_form"))
                continue
            }
            if let reason = PriceVersion.checkLineCode(pieces[0]) { problems.add("price-line", text, reason.message); continue }
            guard let unit = PriceUnit(name: pieces[1]) else {
                problems.add("price-line", text, Message("rules.price_unit.unknown", ["text": .text(pieces[1])]))
                continue
            }
            guard let quantity = Int(digitsOnly: pieces[2]), (1...PriceTemplateLine.largestQuantity).contains(quantity) else {
                problems.add("price-line", text, Message("rules.price_form.quantity", ["largest": .integer(Int64(PriceTemplateLine.largestQuantity))]))
                continue
            }
            if lines.contains(where: { $0.line == pieces[0] }) {
                problems.add("price-line", text, Message("rules.price_form.line_twice", ["line": .text(pieces[0])]))
                continue
            }
            lines.append(PriceTemplateLine(line: pieces[0], unit: unit, quantity: quantity))
        }
        try problems.check()
        return lines
    }

    /// `full_day=1250` for each line of the price form, every one above zero.
    public static func tenderPrices(_ raw: [String], template: [PriceTemplateLine]) throws(TunetError) -> [String: Money] {
        var problems = ProblemCollector()
        var prices: [String: Money] = [:]
        for text in raw {
            let pieces = text.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
            guard pieces.count == 2 else {
                problems.add("price", text, Message("rules.tender.price_form"))
                continue
            }
            guard template.contains(where: { $0.line == pieces[0] }) else {
                problems.add("price", text, Message("rules.tender.unknown_line", ["line": .text(pieces[0]), "lines": .text(template.map(\.line).joined(separator: ", "))]))
                continue
            }
            guard let amount = problems.take("price", text, Money.parsePrice(pieces[1])) else { continue }
            if amount.ore <= 0 { problems.add("price", text, Message("rules.price.above_zero")); continue }
            if prices[pieces[0]] != nil { problems.add("price", text, Message("rules.tender.priced_twice", ["line": .text(pieces[0])])); continue }
            prices[pieces[0]] = amount
        }
        for line in template where prices[line.line] == nil && !raw.isEmpty {
            problems.add("price", nil, Message("rules.tender.line_unpriced", ["line": .text(line.line)]))
        }
        if raw.isEmpty { problems.add("price", nil, Message("rules.tender.prices_required", ["lines": .list(template.map { .message(Message("rules.tender.line_amount", ["line": .text($0.line)])) })])) }
        try problems.check()
        return prices
    }

    /// `Kvalitet=8`: quality points 0–10 for the non-price criteria.
    public static func scores(_ raw: [String], criteria: [AwardCriterion]) throws(TunetError) -> [String: Int] {
        var problems = ProblemCollector()
        var scores: [String: Int] = [:]
        for text in raw {
            let pieces = text.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
            guard pieces.count == 2 else {
                problems.add("score", text, Message("rules.score.form"))
                continue
            }
            guard let criterion = criteria.first(where: { $0.name.lowercased() == pieces[0].lowercased() }) else {
                problems.add("score", text, Message("rules.score.unknown_criterion", ["name": .text(pieces[0]), "criteria": .text(criteria.map(\.name).joined(separator: ", "))]))
                continue
            }
            if criterion.isPrice {
                problems.add("score", text, Message("rules.score.price_by_formula"))
                continue
            }
            guard let points = Int(digitsOnly: pieces[1]), (0...Int(TenderEvaluation.maximumPoints)).contains(points) else {
                problems.add("score", text, Message("rules.score.points", ["maximum": .integer(TenderEvaluation.maximumPoints)]))
                continue
            }
            scores[criterion.name] = points
        }
        try problems.check()
        return scores
    }

    static func checkName(_ name: String) -> FieldReason? {
        if name.contains("=") { return FieldReason(Message("rules.criterion.name_equals")) }
        return FreeText.check(name, maximumLength: 60)
    }
}
