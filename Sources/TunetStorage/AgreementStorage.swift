import TunetDomain

public protocol AgreementReading {
    func agreement(_ reference: String) throws -> Agreement?
    func allAgreements() throws -> [Agreement]
    /// What the agreement's placements that are not cancelled commit against its ceiling (their projected
    /// cost), by the placements' municipality; a municipality without such placements is absent.
    func committedValueByMunicipality(agreement reference: String) throws -> [String: Money]
    /// What attendance under the agreement has billed, and the planned cost of the days reported for its
    /// placements that are not cancelled, by the placements' municipality; a municipality without reported
    /// days is absent.
    func reportedValueByMunicipality(agreement reference: String) throws -> [String: ReportedValue]
}

/// Reported attendance as the ceiling counts it: what it billed (spent), and what those days had been
/// committed at (released from committed).
public struct ReportedValue: Hashable, Sendable {
    public var billed: Money
    public var plannedCostOfActivePlacements: Money

    public init(billed: Money, plannedCostOfActivePlacements: Money) {
        self.billed = billed
        self.plannedCostOfActivePlacements = plannedCostOfActivePlacements
    }
}

public protocol AgreementWriting {
    func insert(_ agreement: Agreement, note: RecordedText?) throws
    func update(_ agreement: Agreement, action: String, note: RecordedText?) throws
}

extension AgreementWriting {
    public func insert(_ agreement: Agreement) throws { try insert(agreement, note: nil) }
    public func update(_ agreement: Agreement, action: String) throws { try update(agreement, action: action, note: nil) }
}
