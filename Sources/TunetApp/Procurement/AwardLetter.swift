import TunetDomain

/// What one bidder is told after an award (*meddelelse om tildeling*): who won, the bidder's own points
/// per criterion and rank, the winners' relative advantages, and the end of the standstill period.
public struct AwardLetter: Sendable {
    /// A farm as a letter names it.
    public struct Party: Sendable {
        public let organisationNumber: OrganisationNumber
        public let name: String
        public let address: String?
        public let evaluation: EvaluatedTender
        /// The rank in the award (1 first); nil for a bidder that was not awarded.
        public let awardRank: Int?
    }

    public let procurement: Procurement
    public let award: Award
    public let classification: ProcurementClassification
    public let bidder: Party
    public let receivedOn: LocalDate
    public let winners: [Party]
    public let tenderCount: Int

    public var isWinner: Bool { bidder.awardRank != nil }

    /// Each winner other than the bidder, with the criteria that made the difference.
    public var comparisons: [Comparison] {
        winners.filter { $0.organisationNumber != bidder.organisationNumber }.map { Comparison(winner: $0, bidder: bidder, criteria: procurement.criteria) }
    }

    /// How a winner's tender compares with the bidder's: the difference in total, and per criterion the
    /// weighted points (points × weight ÷ 100, to thousandths) by which one was ahead.
    public struct Comparison: Sendable {
        public let winner: Party
        public let totalDifference: Int64
        public let winnerAhead: [(criterion: String, weightedMilli: Int64)]
        public let bidderAhead: [(criterion: String, weightedMilli: Int64)]

        init(winner: Party, bidder: Party, criteria: [AwardCriterion]) {
            self.winner = winner
            totalDifference = winner.evaluation.totalMilli - bidder.evaluation.totalMilli
            let weighted = criteria.map { criterion -> (String, Int64) in
                let difference = (winner.evaluation.pointsMilli[criterion.name] ?? 0) - (bidder.evaluation.pointsMilli[criterion.name] ?? 0)
                return (criterion.name, Self.weighted(difference, weight: Int64(criterion.weight)))
            }
            winnerAhead = weighted.filter { $0.1 > 0 }.map { (criterion: $0.0, weightedMilli: $0.1) }
            bidderAhead = weighted.filter { $0.1 < 0 }.map { (criterion: $0.0, weightedMilli: -$0.1) }
        }

        /// Points × weight ÷ 100, rounded half away from zero, as the evaluation rounds its totals.
        static func weighted(_ milli: Int64, weight: Int64) -> Int64 {
            let product = milli * weight
            return (product.magnitude % 100 >= 50 ? product.magnitude / 100 + 1 : product.magnitude / 100).signedLike(product)
        }
    }

    /// One letter per tender of an awarded competition, in the order of the ranking.
    static func letters(for procurement: Procurement, providers: [OrganisationNumber: Provider]) throws -> [AwardLetter] {
        guard let award = procurement.award else { throw TunetError.internalFault("letters for a competition without an award") }
        let ranking = try TenderEvaluation.evaluate(procurement)
        func party(_ evaluation: EvaluatedTender) -> Party {
            let provider = providers[evaluation.provider]
            return Party(organisationNumber: evaluation.provider, name: provider?.name ?? evaluation.provider.formatted,
                         address: provider?.address, evaluation: evaluation,
                         awardRank: award.winners.first { $0.provider == evaluation.provider }.map { $0.rank ?? 1 })
        }
        let parties = ranking.map(party)
        let winners = parties.filter { $0.awardRank != nil }.sorted { ($0.awardRank ?? 0) < ($1.awardRank ?? 0) }
        return parties.map { bidder in
            AwardLetter(procurement: procurement, award: award, classification: procurement.classification(), bidder: bidder,
                        receivedOn: procurement.tenders.first { $0.provider == bidder.organisationNumber }?.receivedOn ?? award.noticeDate,
                        winners: winners, tenderCount: ranking.count)
        }
    }
}

private extension UInt64 {
    func signedLike(_ value: Int64) -> Int64 { value < 0 ? -Int64(self) : Int64(self) }
}
