import TunetDomain

/// Read access inside one snapshot or transaction, by aggregate.
public protocol StoreReader: ProviderReading, ProcurementReading, AgreementReading, PlacementReading, AttendanceReading,
                            ConsumerPriceIndexReading, WorkTeamReading, PilotReading, JourneyReading, InvoiceCheckReading, TokenReading, WebSessionReading, PersonalDataReading,
                            AuditReading, ChangeStamps, ScopedReading {
    /// Placements in the scope's municipalities, oldest first, with their stored days from `from` to `to`
    /// by placement and then date: what a month's invoice lines need, read in one go so that a store may
    /// decode the one while it reads the other.
    func placementsWithDays(in scope: MunicipalityScope, from: LocalDate, to: LocalDate) throws -> (placements: [Placement], days: [StoredAttendance])
}

extension StoreReader {
    public func placementsWithDays(in scope: MunicipalityScope, from: LocalDate, to: LocalDate) throws -> (placements: [Placement], days: [StoredAttendance]) {
        let placements = try placements(in: scope)
        return (placements, try attendance(placements: placements.map(\.id), from: from, to: to))
    }
}

/// Write access inside one transaction. Every change a use case makes goes through a method here
/// that also records its audit event, under the transaction's actor and time.
public protocol StoreTransaction: StoreReader, ProviderWriting, ProcurementWriting, AgreementWriting, PlacementWriting,
                                  AttendanceWriting, ConsumerPriceIndexWriting, WorkTeamWriting, PilotWriting, JourneyWriting, InvoiceCheckWriting, TokenWriting, WebSessionWriting,
                                  PersonalDataWriting {
    /// Who is acting, in which role and for which municipalities, as the audit log records it.
    var actor: AuditActor { get }
    /// The transaction's time, shared by all its audit events (ISO 8601, UTC, to the millisecond).
    var timestamp: String { get }
}
