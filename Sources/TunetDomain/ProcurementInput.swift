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
                problems.add("criterion", text, .verbatim("write a criterion as NAME:WEIGHT, and the price criterion as NAME:WEIGHT:price (weights 1–100)"))
                continue
            }
            if let reason = checkName(pieces[0]) { problems.add("criterion", text, reason.message); continue }
            if criteria.contains(where: { $0.name.lowercased() == pieces[0].lowercased() }) {
                problems.add("criterion", text, .verbatim("the criterion '\(pieces[0])' is named twice"))
                continue
            }
            criteria.append(AwardCriterion(name: pieces[0], weight: weight, isPrice: pieces.count == 3))
        }
        if raw.isEmpty { problems.add("criterion", nil, .verbatim("at least the price criterion is required")) }
        if problems.isEmpty {
            let total = criteria.reduce(0) { $0 + $1.weight }
            if total != 100 {
                problems.add("criterion", nil, .verbatim("the weights sum to \(total), not 100 (\(criteria.map { "\($0.name) \($0.weight)" }.joined(separator: ", ")))"))
            }
            let priceCount = criteria.filter(\.isPrice).count
            if priceCount != 1 {
                problems.add("criterion", nil, .verbatim(priceCount == 0
                    ? "one criterion must be the price; mark it NAME:WEIGHT:price"
                    : "only one criterion can be the price; \(priceCount) are marked"))
            }
        }
        try problems.check()
        return criteria
    }

    /// `full_day:day:4000`: a line of the price form with the quantity tenders are compared on.
    public static func priceTemplate(_ raw: [String]) throws(TunetError) -> [PriceTemplateLine] {
        var problems = ProblemCollector()
        var lines: [PriceTemplateLine] = []
        if raw.isEmpty { problems.add("price-line", nil, .verbatim("the price form needs at least one line, like full_day:day:4000")) }
        for text in raw {
            let pieces = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard pieces.count == 3 else {
                problems.add("price-line", text, .verbatim("write a price line as LINE:UNIT:QUANTITY, like full_day:day:4000"))
                continue
            }
            if let reason = PriceVersion.checkLineCode(pieces[0]) { problems.add("price-line", text, reason.message); continue }
            guard let unit = PriceUnit(name: pieces[1]) else {
                problems.add("price-line", text, .verbatim("'\(pieces[1])' is not a unit; use day, half_day, trip or hour"))
                continue
            }
            guard let quantity = Int(digitsOnly: pieces[2]), quantity > 0 else {
                problems.add("price-line", text, .verbatim("the quantity must be a whole number above zero"))
                continue
            }
            if lines.contains(where: { $0.line == pieces[0] }) {
                problems.add("price-line", text, .verbatim("the line '\(pieces[0])' is named twice"))
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
                problems.add("price", text, .verbatim("write a tendered price as LINE=AMOUNT, like full_day=1250"))
                continue
            }
            guard template.contains(where: { $0.line == pieces[0] }) else {
                problems.add("price", text, .verbatim("'\(pieces[0])' is not a line of the price form (\(template.map(\.line).joined(separator: ", ")))"))
                continue
            }
            guard let amount = problems.take("price", text, Money.parse(pieces[1])) else { continue }
            if amount.ore <= 0 { problems.add("price", text, .verbatim("a price must be above zero")); continue }
            if prices[pieces[0]] != nil { problems.add("price", text, .verbatim("the line '\(pieces[0])' is priced twice")); continue }
            prices[pieces[0]] = amount
        }
        for line in template where prices[line.line] == nil && !raw.isEmpty {
            problems.add("price", nil, .verbatim("the tender has no price for '\(line.line)'; every line of the price form must be priced"))
        }
        if raw.isEmpty { problems.add("price", nil, .verbatim("a tender needs a price for every line: \(template.map { "\($0.line)=AMOUNT" }.joined(separator: " "))")) }
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
                problems.add("score", text, .verbatim("write a score as CRITERION=POINTS, like Kvalitet=8"))
                continue
            }
            guard let criterion = criteria.first(where: { $0.name.lowercased() == pieces[0].lowercased() }) else {
                problems.add("score", text, .verbatim("'\(pieces[0])' is not a criterion of this competition (\(criteria.map(\.name).joined(separator: ", ")))"))
                continue
            }
            if criterion.isPrice {
                problems.add("score", text, .verbatim("the price criterion is scored by the formula, not by evaluators"))
                continue
            }
            guard let points = Int(digitsOnly: pieces[1]), (0...Int(TenderEvaluation.maximumPoints)).contains(points) else {
                problems.add("score", text, .verbatim("points must be a whole number from 0 to \(TenderEvaluation.maximumPoints)"))
                continue
            }
            scores[criterion.name] = points
        }
        try problems.check()
        return scores
    }

    static func checkName(_ name: String) -> FieldReason? {
        if name.contains("=") { return FieldReason(.verbatim("a criterion name cannot contain '='")) }
        return FreeText.check(name, maximumLength: 60)
    }
}
