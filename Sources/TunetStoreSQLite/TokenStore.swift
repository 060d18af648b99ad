import GRDB
import TunetDomain
import TunetStorage

extension SQLiteReader {
    public func tokens() throws -> [AccessToken] {
        try Row.fetchAll(db, sql: """
            SELECT t.*, p.organisation_number FROM access_token t LEFT JOIN provider p ON p.id = t.provider_id ORDER BY t.id
            """).map(Self.token)
    }

    /// The token whose hash this is, with the stored hash for a constant-time comparison by the caller.
    public func token(hash: String) throws -> (AccessToken, storedHash: String)? {
        guard let row = try Row.fetchOne(try cached("""
            SELECT t.*, p.organisation_number FROM access_token t LEFT JOIN provider p ON p.id = t.provider_id WHERE t.token_hash = ?
            """), arguments: [hash]) else { return nil }
        return (try Self.token(row), row["token_hash"])
    }

    static func token(_ row: Row) throws -> AccessToken {
        AccessToken(id: row["id"], role: TokenRole(rawValue: row["role"]) ?? .provider,
                    provider: try (row["organisation_number"] as String?).map(StoredValue.organisationNumber), label: row["label"],
                    municipalities: (row["municipality_scope"] as String?).map(MunicipalityScope.init(stored:)), pilotId: row["pilot_id"],
                    createdAt: row["created_at"], expiresOn: try StoredValue.date(row["expires_on"], column: "access_token.expires_on"),
                    revokedAt: row["revoked_at"])
    }
}

extension SQLiteTransaction {
    /// Stores a token by its hash; the token itself never reaches the database or the audit log.
    public func insertToken(_ token: AccessToken, hash: String) throws -> AccessToken {
        try db.execute(sql: """
            INSERT INTO access_token (token_hash, role, provider_id, municipality_scope, pilot_id, label, created_at, expires_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [hash, token.role.rawValue, try token.provider.map(providerId), token.municipalities?.stored, token.pilotId, token.label,
                             timestamp, token.expiresOn.iso])
        var stored = token
        stored.id = db.lastInsertedRowID
        stored.createdAt = timestamp
        try audit("issue", entity: "token", id: String(stored.id), before: AccessToken?.none, after: stored)
        return stored
    }

    public func revokeToken(_ id: Int64) throws -> AccessToken {
        guard let before = try tokens().first(where: { $0.id == id }) else { throw TunetError.notFound(kind: "token", key: String(id)) }
        guard before.revokedAt == nil else { throw TunetError.conflict(Message("files.token.already_revoked", ["id": .text(String(id)), "at": .text(before.revokedAt!)])) }
        try db.execute(sql: "UPDATE access_token SET revoked_at = ? WHERE id = ?", arguments: [timestamp, id])
        var after = before
        after.revokedAt = timestamp
        try audit("revoke", entity: "token", id: String(id), before: before, after: after)
        return after
    }
}
