import PostgresNIO
import TunetDomain
import TunetStorage

extension PostgresReader {
    public func webSession(hash: String) throws -> (session: WebSession, token: AccessToken, storedHash: String)? {
        guard let row = try rows("""
            SELECT t.id, t.role, p.organisation_number, t.label, t.municipality_scope, t.pilot_id, t.created_at, t.expires_on, t.revoked_at,
                   s.secret_hash, s.id, s.created_at, s.expires_at
            FROM web_session s JOIN access_token t ON t.id = s.token_id LEFT JOIN provider p ON p.id = t.provider_id
            WHERE s.secret_hash = \(hash)
            """).first else { return nil }
        let (token, storedHash) = try Self.token(row)
        let cells = row.cells
        let session = WebSession(id: try cells(10), tokenId: token.id, createdAt: try cells(11), expiresAt: try cells(12))
        return (session, token, storedHash)
    }
}

extension PostgresTransaction {
    public func insertWebSession(_ session: WebSession, hash: String) throws -> WebSession {
        try rows("DELETE FROM web_session WHERE expires_at <= \(session.createdAt)")
        guard let id = try value("""
            INSERT INTO web_session (secret_hash, token_id, created_at, expires_at)
            VALUES (\(hash), \(session.tokenId), \(session.createdAt), \(session.expiresAt))
            RETURNING id
            """, as: Int64.self) else { throw TunetError.internalFault("PostgreSQL gave the session no number") }
        var stored = session
        stored.id = id
        try audit("sign_in", entity: "web_session", id: String(id), before: WebSession?.none, after: stored)
        return stored
    }

    public func endWebSession(_ id: Int64) throws {
        guard let row = try rows("SELECT token_id, created_at, expires_at FROM web_session WHERE id = \(id)").first else { return }
        let cells = row.cells
        let before = WebSession(id: id, tokenId: try cells(0), createdAt: try cells(1), expiresAt: try cells(2))
        try rows("DELETE FROM web_session WHERE id = \(id)")
        try audit("sign_out", entity: "web_session", id: String(id), before: before, after: WebSession?.none)
    }
}
