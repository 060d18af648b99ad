import TunetDomain

public protocol AuditReading {
    /// The events that match, oldest first (with a limit and `newest`, the newest that many).
    func auditEvents(_ query: AuditQuery) throws -> [AuditEvent]
    func auditEventCount() throws -> Int
}
