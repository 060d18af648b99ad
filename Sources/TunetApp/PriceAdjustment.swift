import TunetDomain
import TunetStore

public struct PriceAdjustmentReport: Sendable, Encodable {
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

    public let year: Int
    public let dryRun: Bool
    public let adjusted: [AgreementAdjustment]
    /// Agreements left alone, with the reason (no clause, not running that year, already adjusted).
    public let skipped: [String: String]

    enum CodingKeys: String, CodingKey {
        case year, adjusted, skipped
        case dryRun = "dry_run"
    }
}

/// Applies agreements' KPI clauses for a year, keeping every price as a dated version.
public struct PriceAdjustment: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public func run(year: Int, reference: String? = nil, dryRun: Bool = false) throws -> PriceAdjustmentReport {
        guard (2000...2100).contains(year) else { throw TunetError.invalid("year", String(year), .verbatim("give a year like 2027")) }
        if dryRun { return try context.read { try Self.apply(year: year, reference: reference, reader: $0, tx: nil) } }
        return try context.write { try Self.apply(year: year, reference: reference, reader: $0, tx: $0) }
    }

    /// Plans the adjustment with `reader`; stores it when `tx` is given (the same transaction).
    static func apply(year: Int, reference: String?, reader: StoreReader, tx: StoreTransaction?) throws -> PriceAdjustmentReport {
        let agreements = try reference.map { [try AgreementRegistry.existing($0, in: reader)] } ?? reader.allAgreements()
        var adjusted: [PriceAdjustmentReport.AgreementAdjustment] = []
        var skipped: [String: String] = [:]
        var missing = ProblemCollector()
        for var agreement in agreements {
            guard let clause = agreement.priceAdjustment else {
                skipped[agreement.reference] = "no KPI clause"
                continue
            }
            let effective = clause.effectiveDate(year: year)
            if effective <= agreement.start {
                skipped[agreement.reference] = "its prices already apply from \(agreement.start.iso)"
                continue
            }
            if effective > agreement.currentEnd || (agreement.terminatedOn.map { effective >= $0 } ?? false) {
                skipped[agreement.reference] = "it does not run on \(effective.iso)"
                continue
            }
            let referenceMonth = clause.referenceMonth(year: year)
            let base = try reader.consumerPriceIndex(clause.baseMonth)
            let current = try reader.consumerPriceIndex(referenceMonth)
            for (month, value) in [(clause.baseMonth, base), (referenceMonth, current)] where value == nil {
                missing.add("kpi", month.ssb, .verbatim("agreement \(agreement.reference) needs the index for \(month.ssb), which is not registered; add it with `tunet kpi set \(month.ssb) VALUE` or `tunet kpi import`"))
            }
            guard let base, let current else { continue }
            var prices: [PriceAdjustmentReport.AdjustedPrice] = []
            for original in agreement.prices.originalPrices {
                let amount = PriceAdjustmentClause.adjust(original.amount, base: base, reference: current)
                prices.append(.init(provider: original.provider, line: original.line, original: original.amount, adjusted: amount))
                agreement.prices.add(PriceVersion(provider: original.provider, line: original.line, unit: original.unit,
                                                  validFrom: effective, amount: amount, source: "kpi \(year)"))
            }
            try tx?.update(agreement, action: "adjust-prices",
                           note: "KPI \(referenceMonth.ssb) \(current) / \(clause.baseMonth.ssb) \(base), from \(effective.iso)")
            adjusted.append(.init(reference: agreement.reference, effectiveFrom: effective, baseMonth: clause.baseMonth.ssb,
                                  baseIndex: base, referenceMonth: referenceMonth.ssb, referenceIndex: current, prices: prices))
        }
        try missing.check()
        return PriceAdjustmentReport(year: year, dryRun: tx == nil, adjusted: adjusted, skipped: skipped)
    }
}
