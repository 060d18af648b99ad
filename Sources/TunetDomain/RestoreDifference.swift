/// A token revoked in a database that a restore replaced and valid in the backup: revoked again.
public struct KeptRevocation: Sendable, Encodable, Hashable {
    public let tokenId: Int64
    public let label: String?
    public let revokedAt: String

    public init(tokenId: Int64, label: String?, revokedAt: String) {
        self.tokenId = tokenId
        self.label = label
        self.revokedAt = revokedAt
    }

    enum CodingKeys: String, CodingKey {
        case label
        case tokenId = "token_id"
        case revokedAt = "revoked_at"
    }
}

/// A submission a database had acknowledged to a farm that the backup restored over it does not hold.
public struct LostSubmission: Sendable, Encodable, Hashable {
    public let id: Int64
    public let provider: String
    public let providerName: String
    public let receivedAt: String
    public let fileName: String

    public init(id: Int64, provider: String, providerName: String, receivedAt: String, fileName: String) {
        self.id = id
        self.provider = provider
        self.providerName = providerName
        self.receivedAt = receivedAt
        self.fileName = fileName
    }

    enum CodingKeys: String, CodingKey {
        case id, provider
        case providerName = "provider_name"
        case receivedAt = "received_at"
        case fileName = "file_name"
    }
}
