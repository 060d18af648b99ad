/// Who a token lets in: a farm (its own placements and submissions) or a project leader (reports).
public enum TokenRole: String, CaseIterable, Sendable, Codable {
    case provider
    case leader
}

/// A token for the provider-facing service. The token itself is shown once when issued; only its
/// SHA-256 hash is stored.
public struct AccessToken: Hashable, Sendable, Codable {
    public var id: Int64
    public var role: TokenRole
    public var provider: OrganisationNumber?
    public var label: String?
    public var createdAt: String
    public var expiresOn: LocalDate
    public var revokedAt: String?

    public init(id: Int64, role: TokenRole, provider: OrganisationNumber?, label: String?, createdAt: String, expiresOn: LocalDate,
                revokedAt: String? = nil) {
        self.id = id
        self.role = role
        self.provider = provider
        self.label = label
        self.createdAt = createdAt
        self.expiresOn = expiresOn
        self.revokedAt = revokedAt
    }

    /// Valid through its expiry day, unless revoked.
    public func isValid(on today: LocalDate) -> Bool { revokedAt == nil && today <= expiresOn }

    enum CodingKeys: String, CodingKey {
        case id, role, label
        case provider = "provider_organisation_number"
        case createdAt = "created_at"
        case expiresOn = "expires_on"
        case revokedAt = "revoked_at"
    }
}
