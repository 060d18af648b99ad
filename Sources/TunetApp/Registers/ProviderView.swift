import TunetDomain

/// A provider as `list` and `show` present it: the stored fields plus what Tunet derives from them.
public struct ProviderView: Equatable, Sendable, Encodable {
    public let provider: Provider
    public let approvalState: ApprovalState
    public let externalAuditDue: LocalDate?
    public let insuranceState: InsuranceState
    public let municipalityName: String?

    init(_ provider: Provider, today: LocalDate, compliance: ProviderCompliance = .standard) {
        self.provider = provider
        let standing = compliance.standing(of: provider, on: today)
        approvalState = standing.approval
        insuranceState = standing.insurance
        externalAuditDue = standing.externalAuditDue
        municipalityName = provider.municipality?.name
    }

    enum DerivedKeys: String, CodingKey {
        case approvalState = "approval_state"
        case externalAuditDue = "external_audit_due"
        case insuranceState = "insurance_state"
        case municipalityName = "municipality_name"
    }

    /// One flat object: the provider's fields and the derived ones side by side.
    public func encode(to encoder: Encoder) throws {
        try provider.encode(to: encoder)
        var derived = encoder.container(keyedBy: DerivedKeys.self)
        try derived.encode(approvalState, forKey: .approvalState)
        try derived.encode(externalAuditDue, forKey: .externalAuditDue)
        try derived.encode(insuranceState, forKey: .insuranceState)
        try derived.encode(municipalityName, forKey: .municipalityName)
    }
}

/// What `update` did: the farm as it now stands, and whether any value differed from the stored one.
/// `--json` prints the summary alone, as before.
public struct ProviderUpdateView: Sendable, Encodable {
    public let summary: ProviderView
    public let changed: Bool

    public func encode(to encoder: Encoder) throws { try summary.encode(to: encoder) }
}

/// `show` adds the provider's recorded history.
public struct ProviderDetailView: Sendable, Encodable {
    public let summary: ProviderView
    public let history: [AuditEventView]

    enum CodingKeys: String, CodingKey { case history }

    public func encode(to encoder: Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(history, forKey: .history)
    }
}

public struct ProviderFilter: Sendable {
    public var targetGroup: TargetGroup?
    public var municipalityNumber: String?
    public var approvalState: ApprovalState?
    public var insuranceState: InsuranceState?
    public var status: ProviderStatus?

    public init(targetGroup: TargetGroup? = nil, municipalityNumber: String? = nil,
                approvalState: ApprovalState? = nil, insuranceState: InsuranceState? = nil, status: ProviderStatus? = nil) {
        self.targetGroup = targetGroup
        self.municipalityNumber = municipalityNumber
        self.approvalState = approvalState
        self.insuranceState = insuranceState
        self.status = status
    }

    func matches(_ summary: ProviderView) -> Bool {
        if let targetGroup, !summary.provider.targetGroups.contains(targetGroup) { return false }
        if let municipalityNumber, summary.provider.municipalityNumber != municipalityNumber { return false }
        if let approvalState, summary.approvalState != approvalState { return false }
        if let insuranceState, summary.insuranceState != insuranceState { return false }
        if let status, summary.provider.status != status { return false }
        return true
    }
}
