import TunetDomain

public protocol PersonalDataReading {
    /// What personal data is held and how old it is.
    func personalDataInventory() throws -> [PersonalDataCategory]
    /// The participants whose every placement ended before `cutoff`.
    func participantsEnded(before cutoff: LocalDate) throws -> [ParticipantCode]
}

public protocol PersonalDataWriting {
    /// Erases what identifies a participant everywhere it is kept, the audit log's snapshots included.
    func erase(_ participant: ParticipantCode) throws -> ErasureResult
}
