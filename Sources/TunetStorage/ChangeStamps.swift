import TunetDomain

/// What changed since a moment, told by stamps that only grow: a cache keeps a stamp with what it
/// derived and asks, later, whether anything other than one kind of change happened since.
///
/// Every change is audited in its transaction, so the audit log's newest event is a stamp of the
/// whole store; submissions have their own.
public protocol ChangeStamps {
    /// The newest audit event's number (0 when there is none).
    func lastAuditEventId() throws -> Int64
    /// Whether an event newer than `id` concerns another kind of object than `entity`.
    func hasAuditEvents(after id: Int64, besides entity: String) throws -> Bool
    /// The newest submission's number (0 when there is none).
    func lastSubmissionId() throws -> Int64
    /// Whether any of `farms` submitted after submission `id`.
    func hasSubmissions(after id: Int64, from farms: [OrganisationNumber]) throws -> Bool
    /// Whether submission `id` is still there, as `farm`'s, with this content.
    func isSubmission(_ id: Int64, of farm: OrganisationNumber, contentHash: String) throws -> Bool
}
