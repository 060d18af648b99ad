import GRDB
import TunetDomain
import TunetStorage

extension SQLiteReader {
    public func webSession(hash: String) throws -> (session: WebSession, token: AccessToken, storedHash: String)? {
        guard let row = try Row.fetchOne(try cached("""
            SELECT s.id AS session_id, s.secret_hash, s.created_at AS session_created_at, s.expires_at, t.*, p.organisation_number
            FROM web_session s JOIN access_token t ON t.id = s.token_id LEFT JOIN provider p ON p.id = t.provider_id
            WHERE s.secret_hash = ?
            """), arguments: [hash]) else { return nil }
        let token = try Self.token(row)
        let session = WebSession(id: row["session_id"], tokenId: token.id, createdAt: row["session_created_at"], expiresAt: row["expires_at"])
        return (session, token, row["secret_hash"])
    }
}

extension SQLiteTransaction {
    public func insertWebSession(_ session: WebSession, hash: String) throws -> WebSession {
        try db.execute(sql: "DELETE FROM web_session WHERE expires_at <= ?", arguments: [session.createdAt])
        try db.execute(sql: "INSERT INTO web_session (secret_hash, token_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                       arguments: [hash, session.tokenId, session.createdAt, session.expiresAt])
        var stored = session
        stored.id = db.lastInsertedRowID
        try audit("sign_in", entity: "web_session", id: String(stored.id), before: WebSession?.none, after: stored)
        return stored
    }

    public func endWebSession(_ id: Int64) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM web_session WHERE id = ?", arguments: [id]) else { return }
        let before = WebSession(id: id, tokenId: row["token_id"], createdAt: row["created_at"], expiresAt: row["expires_at"])
        try db.execute(sql: "DELETE FROM web_session WHERE id = ?", arguments: [id])
        try audit("sign_out", entity: "web_session", id: String(id), before: before, after: WebSession?.none)
    }
}
