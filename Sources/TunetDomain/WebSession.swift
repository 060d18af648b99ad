/// A browser signed in to the service's pages with a token. The browser keeps a random secret in a
/// cookie; Tunet keeps only the secret's SHA-256 hash, the token it stands for, and its time limit.
/// It ends at its time limit, when its holder signs out, or when its token is revoked or expires.
public struct WebSession: Hashable, Sendable, Codable {
    public var id: Int64
    public var tokenId: Int64
    /// ISO 8601 in UTC to the millisecond, as every moment Tunet keeps.
    public var createdAt: String
    public var expiresAt: String

    public init(id: Int64, tokenId: Int64, createdAt: String, expiresAt: String) {
        self.id = id
        self.tokenId = tokenId
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case tokenId = "token_id"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
    }
}
