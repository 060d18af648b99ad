import TunetDomain
import TunetStorage

/// What counts against an agreement's ceiling. Placements commit their projected cost (cancelled ones
/// release it); reported attendance is spent at what it bills, and releases the planned cost of the
/// days it reports from committed.
///
/// The ceiling is shared by the agreement's municipalities, and each placement is made for one of them:
/// the store sums committed and spent by the placement's municipality, and the agreement's consumption
/// is the sum of its municipalities' lines. A municipality whose reported days released more than its
/// placements committed has nothing committed; it does not lower what another municipality has committed.
enum CeilingLedger {
    static func consumption(of agreement: Agreement, in reader: StoreReader) throws -> Consumption {
        try ledger(of: agreement, in: reader).total
    }

    /// The agreement's consumption and its lines by municipality: every municipality party to the agreement,
    /// in the agreement's order and with zeros where it has no placements, then any other municipality a
    /// placement was made for (none, as long as call-offs are made only for party municipalities).
    static func ledger(of agreement: Agreement, in reader: StoreReader) throws
        -> (total: Consumption, byMunicipality: [MunicipalityConsumption]) {
        let committed = try reader.committedValueByMunicipality(agreement: agreement.reference)
        let reported = try reader.reportedValueByMunicipality(agreement: agreement.reference)
        let others = Set(committed.keys).union(reported.keys).subtracting(agreement.municipalities).sorted()
        let figures = (agreement.municipalities + others).map { number -> (number: String, committed: Money, spent: Money) in
            let open = (committed[number] ?? .zero) - (reported[number]?.plannedCostOfActivePlacements ?? .zero)
            return (number, open.ore > 0 ? open : .zero, reported[number]?.billed ?? .zero)
        }
        let total = Consumption(maximum: agreement.maximumValue, committed: figures.reduce(.zero) { $0 + $1.committed },
                                spent: figures.reduce(.zero) { $0 + $1.spent })
        let lines = figures.map { line in
            MunicipalityConsumption(municipalityNumber: line.number, committed: line.committed, spent: line.spent,
                                    agreementUsed: total.used, maximum: total.maximum)
        }
        return (total, lines)
    }
}
