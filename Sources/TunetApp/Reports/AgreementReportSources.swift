import TunetDomain
import TunetStorage

/// The agreements report's sheet of shared ceilings: one row per agreement and municipality party to it,
/// with what the municipality's placements committed and its attendance spent against the agreement's
/// maximum. A report narrowed to municipalities has only their rows, of the agreements they are party to.
extension ReportSources {
    func agreementMunicipalities(_ reader: StoreReader) throws -> [ReportRow] {
        var rows: [ReportRow] = []
        for agreement in try reader.agreements(in: filters.covered) where filters.overlaps(agreement.start, agreement.currentEnd) {
            let ledger = try CeilingLedger.ledger(of: agreement, in: reader)
            for line in ledger.byMunicipality where filters.includes(line.municipalityNumber) {
                rows.append([
                    "reference": .text(agreement.reference), "title": .text(agreement.title),
                    "municipality": .text(line.municipalityText), "municipality_number": .text(line.municipalityNumber),
                    "committed": .money(line.committed), "spent": .money(line.spent), "used": .money(line.used),
                    "maximum": .money(ledger.total.maximum),
                    "share_of_used": line.shareOfUsed.map { .percent($0.ratio) } ?? .none,
                    "share_of_maximum": line.shareOfMaximum.map { .percent($0.ratio) } ?? .none,
                ])
            }
        }
        return rows
    }
}
