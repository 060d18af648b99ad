/// Where a farm stands with its Inn på tunet approval on a given day.
///
/// The rule (documented in README, "Approval state"): an approved farm has an external audit every
/// second year. The audit is due on `next_external_audit_date`, or two years after the approval date
/// when no audit date is recorded. Past the due date the approval is `audit_overdue`; within the
/// warning window (90 days by default) before it, `expiring`; a farm without an approval date, or
/// with one in the future, is `not_approved`.
public enum ApprovalState: String, Sendable, Codable, CaseIterable {
    case valid
    case expiring
    case auditOverdue = "audit_overdue"
    case notApproved = "not_approved"

    public init?(name: String) {
        let key = String(name.trimmingWhitespace().lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
        guard let state = ApprovalState(rawValue: key) else { return nil }
        self = state
    }

    /// True when the farm may take new placements as far as the approval is concerned.
    public var permitsPlacements: Bool { self == .valid || self == .expiring }
}

public struct ApprovalRule: Sendable {
    public var warningDays: Int
    public var externalAuditIntervalYears: Int

    public init(warningDays: Int = 90, externalAuditIntervalYears: Int = 2) {
        self.warningDays = warningDays
        self.externalAuditIntervalYears = externalAuditIntervalYears
    }

    public static let standard = ApprovalRule()

    /// The day the next external audit is due, when the farm is approved at all.
    public func externalAuditDue(for provider: Provider) -> LocalDate? {
        guard let approved = provider.iptApprovalDate else { return nil }
        return provider.nextExternalAuditDate ?? approved.adding(years: externalAuditIntervalYears)
    }

    public func state(of provider: Provider, on today: LocalDate) -> ApprovalState {
        guard let approved = provider.iptApprovalDate, approved <= today,
              let due = externalAuditDue(for: provider) else { return .notApproved }
        if due < today { return .auditOverdue }
        if today.days(until: due) <= warningDays { return .expiring }
        return .valid
    }
}
