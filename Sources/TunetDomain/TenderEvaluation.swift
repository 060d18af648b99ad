/// One tender's result in the evaluation.
public struct EvaluatedTender: Hashable, Sendable, Codable {
    public let provider: OrganisationNumber
    public let rank: Int
    /// Σ quantity × tendered price over the price form's lines.
    public let evaluatedPrice: Money
    /// Points per criterion, 0–10, in thousandths (7.512 points is 7512).
    public let pointsMilli: [String: Int64]
    /// Σ weight × points ÷ 100, in thousandths of a point.
    public let totalMilli: Int64
    /// Why this tender ranks where it does when its total equals the one above or below it.
    public let tieBreak: TieBreak?

    /// The rule that decided between equal totals; `--json` writes the code, people read `message`.
    public enum TieBreak: String, Hashable, Sendable, Codable, CaseIterable {
        case lowerPrice = "lower_price"
        case higherQuality = "higher_quality"
        case earlierTender = "earlier_tender"
        case organisationNumber = "organisation_number"

        /// "equal total; ranked by the lower evaluated price".
        public var message: Message {
            switch self {
            case .lowerPrice: Message("rules.tie_break.lower_price")
            case .higherQuality: Message("rules.tie_break.higher_quality")
            case .earlierTender: Message("rules.tie_break.earlier_tender")
            case .organisationNumber: Message("rules.tie_break.organisation_number")
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case provider = "provider_organisation_number"
        case rank
        case evaluatedPrice = "evaluated_price_ore"
        case pointsMilli = "points_milli"
        case totalMilli = "total_milli"
        case tieBreak = "tie_break"
    }
}

/// The documented scoring model.
///
/// - Price points: lowest evaluated price ÷ this tender's evaluated price × 10, where a tender's
///   evaluated price is the sum over the price form of quantity × tendered price.
/// - Quality points: as entered by the evaluators, 0–10 per criterion.
/// - Points are kept to three decimals (rounded half up) and weighted: total = Σ weight × points ÷ 100.
/// - Ties on the total are broken, in order, by the lower evaluated price, the higher quality total,
///   the earlier receipt date, and finally the organisation number (ascending) so that the ranking is
///   always reproducible; the rule that decided is recorded.
public enum TenderEvaluation {
    public static let maximumPoints: Int64 = 10

    public static func evaluate(_ procurement: Procurement) throws(TunetError) -> [EvaluatedTender] {
        var problems = ProblemCollector()
        if procurement.tenders.isEmpty { problems.add("tenders", nil, Message("rules.evaluation.no_tenders")) }
        let quality = procurement.criteria.filter { !$0.isPrice }
        for tender in procurement.tenders {
            for criterion in quality where tender.scores[criterion.name] == nil {
                problems.add("score", "\(tender.provider)", Message("rules.evaluation.score_missing", ["provider": .text(tender.provider.digits), "criterion": .text(criterion.name)]))
            }
        }
        try problems.check()

        let prices = procurement.tenders.map { tender in
            procurement.priceTemplate.reduce(Money.zero) { sum, line in sum + (tender.prices[line.line] ?? .zero) * Int64(line.quantity) }
        }
        let lowest = prices.min() ?? .zero
        struct Scored {
            let tender: Tender
            let price: Money
            let points: [String: Int64]
            let total: Int64
            let qualityTotal: Int64
        }
        var scored: [Scored] = []
        for (tender, price) in zip(procurement.tenders, prices) {
            var points: [String: Int64] = [:]
            var total: Int64 = 0
            var qualityTotal: Int64 = 0
            for criterion in procurement.criteria {
                let milli: Int64
                if criterion.isPrice {
                    milli = price.ore > 0 ? pricePointsMilli(lowest: lowest, price: price) : 0
                } else {
                    milli = Int64(tender.scores[criterion.name] ?? 0) * 1000
                    qualityTotal += milli * Int64(criterion.weight)
                }
                points[criterion.name] = milli
                total += milli * Int64(criterion.weight)
            }
            scored.append(Scored(tender: tender, price: price, points: points, total: roundedDivision(total, 100), qualityTotal: qualityTotal))
        }
        scored.sort { a, b in
            if a.total != b.total { return a.total > b.total }
            if a.price != b.price { return a.price < b.price }
            if a.qualityTotal != b.qualityTotal { return a.qualityTotal > b.qualityTotal }
            if a.tender.receivedOn != b.tender.receivedOn { return a.tender.receivedOn < b.tender.receivedOn }
            return a.tender.provider < b.tender.provider
        }
        return scored.enumerated().map { index, entry in
            var tieBreak: EvaluatedTender.TieBreak?
            let neighbours = [index > 0 ? scored[index - 1] : nil, index + 1 < scored.count ? scored[index + 1] : nil].compactMap { $0 }
            if let other = neighbours.first(where: { $0.total == entry.total }) {
                if other.price != entry.price {
                    tieBreak = .lowerPrice
                } else if other.qualityTotal != entry.qualityTotal {
                    tieBreak = .higherQuality
                } else if other.tender.receivedOn != entry.tender.receivedOn {
                    tieBreak = .earlierTender
                } else {
                    tieBreak = .organisationNumber
                }
            }
            return EvaluatedTender(provider: entry.tender.provider, rank: index + 1, evaluatedPrice: entry.price,
                                   pointsMilli: entry.points, totalMilli: entry.total, tieBreak: tieBreak)
        }
    }

    /// lowest ÷ price × 10 in thousandths, rounded half up. The product of the lowest price (up to
    /// a hundred lines of `Money.largestPrice` × `PriceTemplateLine.largestQuantity`) and 10,000 needs
    /// double-width integers; the quotient is at most 10,000, since no price is below the lowest.
    static func pricePointsMilli(lowest: Money, price: Money) -> Int64 {
        let divisor = price.ore.magnitude
        let product = lowest.ore.magnitude.multipliedFullWidth(by: UInt64(maximumPoints * 1000))
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        return Int64(quotient) + (remainder >= divisor - remainder ? 1 : 0)
    }

    static func roundedDivision(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        (numerator * 2 + denominator) / (denominator * 2)
    }
}
