/// Who a token lets in: a farm (its own placements and submissions in every municipality it serves), a
/// project leader (reports within a scope), a work team (its municipalities' placements, attendance and
/// tasks), or a national reader (aggregates only, never a participant).
public enum TokenRole: String, CaseIterable, Sendable, Codable {
    case provider
    case leader
    case workTeam = "work_team"
    case national

    /// Whether the role works within municipalities (and so needs them, or a pilot, to be named).
    public var isMunicipal: Bool { self == .leader || self == .workTeam }

    /// The role its holder's changes are audited in.
    public var actorRole: ActorRole {
        switch self {
        case .provider: .provider
        case .leader: .leader
        case .workTeam: .workTeam
        case .national: .national
        }
    }
}

/// A token for the provider-facing service. The token itself is shown once when issued; only its
/// SHA-256 hash is stored.
public struct AccessToken: Hashable, Sendable, Codable {
    public var id: Int64
    public var role: TokenRole
    public var provider: OrganisationNumber?
    public var label: String?
    /// The municipalities a leader or work-team token may see; `.every` for the whole service.
    /// Nil for a farm and a national reader, and for a pilot's token, whose municipalities are its pilot's.
    public var municipalities: MunicipalityScope?
    /// The pilot whose municipalities a county project leader's token sees.
    public var pilotId: Int64?
    public var createdAt: String
    public var expiresOn: LocalDate
    public var revokedAt: String?

    public init(id: Int64, role: TokenRole, provider: OrganisationNumber?, label: String?, municipalities: MunicipalityScope? = nil,
                pilotId: Int64? = nil, createdAt: String, expiresOn: LocalDate, revokedAt: String? = nil) {
        self.id = id
        self.role = role
        self.provider = provider
        self.label = label
        self.municipalities = municipalities
        self.pilotId = pilotId
        self.createdAt = createdAt
        self.expiresOn = expiresOn
        self.revokedAt = revokedAt
    }

    /// Valid through its expiry day, unless revoked.
    public func isValid(on today: LocalDate) -> Bool { revokedAt == nil && today <= expiresOn }

    enum CodingKeys: String, CodingKey {
        case id, role, label
        case provider = "provider_organisation_number"
        case municipalities = "municipality_numbers"
        case pilotId = "pilot_id"
        case createdAt = "created_at"
        case expiresOn = "expires_on"
        case revokedAt = "revoked_at"
    }
}

extension AccessToken {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let numbers = try c.decodeIfPresent([String].self, forKey: .municipalities)
        self.init(id: try c.decode(Int64.self, forKey: .id), role: try c.decode(TokenRole.self, forKey: .role),
                  provider: try c.decodeIfPresent(OrganisationNumber.self, forKey: .provider), label: try c.decodeIfPresent(String.self, forKey: .label),
                  municipalities: numbers.map { $0 == ["*"] ? .every : .only(Set($0)) }, pilotId: try c.decodeIfPresent(Int64.self, forKey: .pilotId),
                  createdAt: try c.decode(String.self, forKey: .createdAt), expiresOn: try c.decode(LocalDate.self, forKey: .expiresOn),
                  revokedAt: try c.decodeIfPresent(String.self, forKey: .revokedAt))
    }

    /// `municipality_numbers` is the list, or `["*"]` for every municipality.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(role, forKey: .role)
        try c.encodeIfPresent(provider, forKey: .provider)
        try c.encodeIfPresent(label, forKey: .label)
        try c.encodeIfPresent(municipalities.map { $0.numbers ?? ["*"] }, forKey: .municipalities)
        try c.encodeIfPresent(pilotId, forKey: .pilotId)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(expiresOn, forKey: .expiresOn)
        try c.encodeIfPresent(revokedAt, forKey: .revokedAt)
    }
}
