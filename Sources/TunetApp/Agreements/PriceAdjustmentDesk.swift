import TunetDomain
import TunetStorage

public struct PriceAdjustmentView: Sendable, Encodable {
    public struct AgreementAdjustment: Sendable, Encodable {
        public let reference: String
        public let effectiveFrom: LocalDate
        public let baseMonth: String
        public let baseIndex: IndexValue
        public let referenceMonth: String
        public let referenceIndex: IndexValue
        public let prices: [AdjustedPrice]

        enum CodingKeys: String, CodingKey {
            case reference, prices
            case effectiveFrom = "effective_from"
            case baseMonth = "base_month"
            case baseIndex = "base_index"
            case referenceMonth = "reference_month"
            case referenceIndex = "reference_index"
        }
    }

    public struct AdjustedPrice: Sendable, Encodable {
        public let provider: OrganisationNumber
        public let line: String
        public let original: Money
        public let adjusted: Money

        enum CodingKeys: String, CodingKey {
            case provider = "provider_organisation_number"
            case line
            case original = "original_ore"
            case adjusted = "adjusted_ore"
        }
    }

    /// Why an agreement's prices were left alone; `--json` writes the reason's code.
    public struct Skipped: Sendable, Encodable, Equatable {
        public enum Reason: String, Sendable, Encodable {
            /// The agreement has no KPI clause.
            case noClause = "no_kpi_clause"
            /// The adjusted prices would take effect on or before the agreement's first day (`date`).
            case pricesApplyFromStart = "prices_apply_from_start"
            /// The agreement does not run on the day the adjusted prices would take effect (`date`).
            case notRunning = "not_running"
            /// The year's adjustment is already stored, from `date`.
            case alreadyApplied = "already_applied"
        }

        public let reason: Reason
        public let year: Int
        public let date: LocalDate?

        /// The sentence a person reads, without the agreement's reference.
        public var message: Message {
            switch reason {
            case .noClause: Message("agreement.adjust.skipped.no_clause")
            case .pricesApplyFromStart: Message("agreement.adjust.skipped.from_start", ["start": date.map(MessageValue.date) ?? ""])
            case .notRunning: Message("agreement.adjust.skipped.not_running", ["day": date.map(MessageValue.date) ?? ""])
            case .alreadyApplied: Message("agreement.adjust.skipped.already_applied", ["year": .text(String(year)), "from": date.map(MessageValue.date) ?? ""])
            }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(reason)
        }
    }

    public let year: Int
    public let dryRun: Bool
    public let adjusted: [AgreementAdjustment]
    /// Agreements left alone, with the reason (no clause, not running that year, already adjusted).
    public let skipped: [String: Skipped]

    enum CodingKeys: String, CodingKey {
        case year, adjusted, skipped
        case dryRun = "dry_run"
    }
}

/// Applies agreements' KPI clauses for a year, keeping every price as a dated version.
public struct PriceAdjustmentDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public func run(year: Int, reference: String? = nil, dryRun: Bool = false) throws -> PriceAdjustmentView {
        guard (2000...2100).contains(year) else { throw TunetError.invalid("year", String(year), Message("agreement.adjust.year_out_of_range")) }
        if dryRun { return try context.read { try Self.apply(year: year, reference: reference, reader: $0, tx: nil) } }
        return try context.write { try Self.apply(year: year, reference: reference, reader: $0, tx: $0) }
    }

    /// Plans the adjustment with `reader`; stores it when `tx` is given (the same transaction).
    package static func apply(year: Int, reference: String?, reader: StoreReader, tx: StoreTransaction?) throws -> PriceAdjustmentView {
        let agreements = try reference.map { [try AgreementDesk.existing($0, in: reader)] } ?? reader.allAgreements()
        var adjusted: [PriceAdjustmentView.AgreementAdjustment] = []
        var skipped: [String: PriceAdjustmentView.Skipped] = [:]
        var problems = ProblemCollector()
        for var agreement in agreements {
            guard let clause = agreement.priceAdjustment else {
                skipped[agreement.reference] = .init(reason: .noClause, year: year, date: nil)
                continue
            }
            let effective = clause.effectiveDate(year: year)
            if effective <= agreement.start {
                skipped[agreement.reference] = .init(reason: .pricesApplyFromStart, year: year, date: agreement.start)
                continue
            }
            if effective > agreement.currentEnd || (agreement.terminatedOn.map { effective >= $0 } ?? false) {
                skipped[agreement.reference] = .init(reason: .notRunning, year: year, date: effective)
                continue
            }
            if agreement.prices.versions.contains(where: { $0.validFrom == effective && $0.source == Self.source(year) }) {
                skipped[agreement.reference] = .init(reason: .alreadyApplied, year: year, date: effective)
                continue
            }
            let referenceMonth = clause.referenceMonth(year: year)
            let base = try reader.consumerPriceIndex(clause.baseMonth)
            let current = try reader.consumerPriceIndex(referenceMonth)
            for (month, value) in [(clause.baseMonth, base), (referenceMonth, current)] where value == nil {
                problems.add("kpi", month.ssb, Message("agreement.adjust.index_missing", ["reference": .text(agreement.reference), "month": .text(month.ssb)]))
            }
            guard let base, let current else { continue }
            var prices: [PriceAdjustmentView.AdjustedPrice] = []
            for original in agreement.prices.originalPrices {
                let amount = PriceAdjustmentClause.adjust(original.amount, base: base, reference: current)
                if amount > Money.largestPrice {
                    problems.add("kpi", current.description, Message("agreement.adjust.too_large", [
                        "reference": .text(agreement.reference), "provider": .text(original.provider.digits), "line": .text(original.line),
                        "amount": .money(amount), "largest": .money(.largestPrice),
                    ]))
                    continue
                }
                prices.append(.init(provider: original.provider, line: original.line, original: original.amount, adjusted: amount))
                agreement.prices.add(PriceVersion(provider: original.provider, line: original.line, unit: original.unit,
                                                  validFrom: effective, amount: amount, source: Self.source(year)))
            }
            try tx?.update(agreement, action: "adjust-prices",
                           note: .written(Message("audit.note.prices_adjusted", ["reference_month": .text(referenceMonth.ssb), "reference_index": .tenths(current.tenths),
                                                                  "base_month": .text(clause.baseMonth.ssb), "base_index": .tenths(base.tenths), "from": .date(effective)])))
            adjusted.append(.init(reference: agreement.reference, effectiveFrom: effective, baseMonth: clause.baseMonth.ssb,
                                  baseIndex: base, referenceMonth: referenceMonth.ssb, referenceIndex: current, prices: prices))
        }
        try problems.check()
        return PriceAdjustmentView(year: year, dryRun: tx == nil, adjusted: adjusted, skipped: skipped)
    }

    /// The source written on the prices a year's adjustment stores: `kpi 2027`. It is how a second run for the
    /// same year knows that the year was already applied.
    static func source(_ year: Int) -> String { "kpi \(year)" }
}
