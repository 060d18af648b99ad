/// What a municipality requires of a farm, in one place: an IPT approval kept up by external audits,
/// insurance, and for pupil placements a valid police certificate. The placement planner, the work
/// team's task rules, the farm listings and the exports all ask it, so each requirement is decided
/// here only; the task rules change nothing but how far ahead they warn.
public struct ProviderCompliance: Sendable {
    public var approval: ApprovalRule
    public var insurance: InsuranceRule
    public var policeCertificate: PoliceCertificateRule

    public init(approval: ApprovalRule = .standard, insurance: InsuranceRule = .standard,
                policeCertificate: PoliceCertificateRule = .standard) {
        self.approval = approval
        self.insurance = insurance
        self.policeCertificate = policeCertificate
    }

    public static let standard = ProviderCompliance()

    /// The same rules warning this many days ahead (a task run's thresholds); what is valid does not change.
    public func warning(approvalDays: Int, insuranceDays: Int, policeCertificateDays: Int) -> ProviderCompliance {
        var rules = self
        rules.approval.warningDays = approvalDays
        rules.insurance.warningDays = insuranceDays
        rules.policeCertificate.warningDays = policeCertificateDays
        return rules
    }

    /// Where the farm stands on the day with each requirement.
    public func standing(of provider: Provider, on day: LocalDate) -> ComplianceStanding {
        ComplianceStanding(approval: approval.state(of: provider, on: day), externalAuditDue: approval.externalAuditDue(for: provider),
                           insurance: insurance.state(of: provider, on: day), policeCertificate: policeCertificate.state(of: provider, on: day))
    }

    /// Why the farm may not take a placement of `kind` that starts on `start`, in plain words; empty when it may.
    public func obstacles(_ provider: Provider, kind: PlacementKind, start: LocalDate) -> [Message] {
        var reasons: [Message] = []
        let approvalState = approval.state(of: provider, on: start)
        if !approvalState.permitsPlacements {
            reasons.append(approvalState == .auditOverdue
                ? Message("rules.obstacle.audit_overdue", ["date": .date(start)])
                : Message("rules.obstacle.no_approval", ["date": .date(start)]))
        }
        if !insurance.state(of: provider, on: start).permitsPlacements, let expiry = provider.insuranceExpiry {
            reasons.append(Message("rules.obstacle.insurance_expired", ["expiry": .date(expiry), "start": .date(start)]))
        }
        if kind == .pupil {
            if let certificate = provider.policeCertificateDate {
                if !policeCertificate.isValid(provider, on: start) {
                    reasons.append(Message("rules.obstacle.police_certificate_invalid", [
                        "certificate": .date(certificate), "start": .date(start), "years": .integer(policeCertificate.validityYears)]))
                }
            } else {
                reasons.append(Message("rules.obstacle.police_certificate_missing"))
            }
        }
        return reasons
    }

    /// The day the farm's external audit is due, when that is within the approval's warning window or
    /// has passed: the work team must see to the renewal. Nil for a farm never approved.
    public func auditDue(_ provider: Provider, on today: LocalDate) -> LocalDate? {
        guard let due = approval.externalAuditDue(for: provider), today.days(until: due) <= approval.warningDays else { return nil }
        return due
    }

    /// The farm's insurance expiry, when it is expiring or has expired; nil while valid or unrecorded.
    public func insuranceRenewal(_ provider: Provider, on today: LocalDate) -> (expiry: LocalDate, state: InsuranceState)? {
        guard let expiry = provider.insuranceExpiry else { return nil }
        let state = insurance.state(of: provider, on: today)
        guard state == .expiring || state == .expired else { return nil }
        return (expiry, state)
    }

    /// Whether a farm with pupils must renew or collect its police certificate: anything but valid
    /// outside the warning window. `lastValidDay` is nil when it has none.
    public func policeCertificateRenewal(_ provider: Provider, on today: LocalDate) -> (state: PoliceCertificateState, lastValidDay: LocalDate?)? {
        let state = policeCertificate.state(of: provider, on: today)
        guard state != .valid else { return nil }
        return (state, policeCertificate.lastValidDay(of: provider))
    }
}

/// Where a farm stands on one day with what is required of it.
public struct ComplianceStanding: Hashable, Sendable {
    public let approval: ApprovalState
    /// The day the next external audit is due, when the farm is approved at all.
    public let externalAuditDue: LocalDate?
    public let insurance: InsuranceState
    public let policeCertificate: PoliceCertificateState
}
