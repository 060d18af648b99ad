import PostgresNIO
import TunetDomain
import TunetStorage

extension PostgresReader {
    static let tokenSelection = """
        SELECT t.id, t.role, p.organisation_number, t.label, t.municipality_scope, t.pilot_id, t.created_at, t.expires_on, t.revoked_at, t.token_hash
        FROM access_token t LEFT JOIN provider p ON p.id = t.provider_id
        """

    public func tokens() throws -> [AccessToken] {
        try rows("\(unescaped: Self.tokenSelection) ORDER BY t.id").map { try Self.token($0).token }
    }

    public func token(hash: String) throws -> (AccessToken, storedHash: String)? {
        try rows("\(unescaped: Self.tokenSelection) WHERE t.token_hash = \(hash)").first.map(Self.token)
    }

    static func token(_ row: PostgresRow) throws -> (token: AccessToken, storedHash: String) {
        let cells = row.cells
        let token = AccessToken(id: try cells(0), role: TokenRole(rawValue: try cells(1)) ?? .provider,
                                provider: try cells(2, as: String?.self).map(StoredValue.organisationNumber), label: try cells(3),
                                municipalities: try cells(4, as: String?.self).map(MunicipalityScope.init(stored:)), pilotId: try cells(5),
                                createdAt: try cells(6), expiresOn: try cells(7), revokedAt: try cells(8))
        return (token, try cells(9))
    }

    /// The store's own number of a farm, which other rows refer to.
    func providerId(_ number: OrganisationNumber) throws -> Int64 {
        guard let id = try value("SELECT id FROM provider WHERE organisation_number = \(number.digits)", as: Int64.self) else {
            throw TunetError.notFound(kind: "provider", key: number.digits)
        }
        return id
    }
}

extension PostgresTransaction {
    /// Stores a token by its hash; the token itself never reaches the database or the audit log.
    public func insertToken(_ token: AccessToken, hash: String) throws -> AccessToken {
        let providerId = try token.provider.map(providerId)
        guard let id = try value("""
            INSERT INTO access_token (token_hash, role, provider_id, municipality_scope, pilot_id, label, created_at, expires_on)
            VALUES (\(hash), \(token.role.rawValue), \(providerId), \(token.municipalities?.stored), \(token.pilotId), \(token.label), \(timestamp),
                    \(token.expiresOn))
            RETURNING id
            """, as: Int64.self) else { throw TunetError.internalFault("PostgreSQL gave the token no number") }
        var stored = token
        stored.id = id
        stored.createdAt = timestamp
        try audit("issue", entity: "token", id: String(id), before: AccessToken?.none, after: stored)
        return stored
    }

    public func revokeToken(_ id: Int64) throws -> AccessToken {
        guard let before = try tokens().first(where: { $0.id == id }) else { throw TunetError.notFound(kind: "token", key: String(id)) }
        if let revokedAt = before.revokedAt {
            throw TunetError.conflict(Message("files.token.already_revoked", ["id": .text(String(id)), "at": .text(revokedAt)]))
        }
        try rows("UPDATE access_token SET revoked_at = \(timestamp) WHERE id = \(id)")
        var after = before
        after.revokedAt = timestamp
        try audit("revoke", entity: "token", id: String(id), before: before, after: after)
        return after
    }
}
