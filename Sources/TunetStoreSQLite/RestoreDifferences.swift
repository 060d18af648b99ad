import GRDB
import TunetDomain
import TunetStorage

/// A revoked token as the replaced database knew it, by its hash (which a backup shares).
struct Revocation: Sendable {
    let tokenHash: String
    let revokedAt: String
}

/// A submission the replaced database had acknowledged to a farm.
struct Acknowledged: Sendable {
    let submission: LostSubmission
    let contentHash: String
}

extension SQLiteReader {
    func revocations() throws -> [Revocation] {
        try Row.fetchAll(db, sql: "SELECT token_hash, revoked_at FROM access_token WHERE revoked_at IS NOT NULL ORDER BY id").map {
            Revocation(tokenHash: $0["token_hash"], revokedAt: $0["revoked_at"])
        }
    }

    func acknowledgedSubmissions() throws -> [Acknowledged] {
        try Row.fetchAll(db, sql: """
            SELECT s.id, s.received_at, s.file_name, s.content_hash, p.organisation_number, p.name
            FROM attendance_submission s JOIN provider p ON p.id = s.provider_id ORDER BY s.id
            """).map {
            Acknowledged(submission: LostSubmission(id: $0["id"], provider: $0["organisation_number"], providerName: $0["name"],
                                                    receivedAt: $0["received_at"], fileName: $0["file_name"]),
                         contentHash: $0["content_hash"])
        }
    }
}

extension SQLiteTransaction {
    /// Revokes again, at their first revocation's time, the tokens the backup still holds as valid, and
    /// ends every session the backup holds: one signed out since would otherwise open again.
    func keep(_ revocations: [Revocation]) throws -> [KeptRevocation] {
        try db.execute(sql: "DELETE FROM web_session")
        var kept: [KeptRevocation] = []
        for revocation in revocations {
            guard let row = try Row.fetchOne(db, sql: "SELECT id, label FROM access_token WHERE token_hash = ? AND revoked_at IS NULL",
                                             arguments: [revocation.tokenHash]) else { continue }
            try db.execute(sql: "UPDATE access_token SET revoked_at = ? WHERE id = ?", arguments: [revocation.revokedAt, row["id"] as Int64])
            kept.append(KeptRevocation(tokenId: row["id"], label: row["label"], revokedAt: revocation.revokedAt))
        }
        return kept
    }

    /// The acknowledged submissions the restored content does not hold as they were.
    func missing(_ acknowledged: [Acknowledged]) throws -> [LostSubmission] {
        try acknowledged.filter { known in
            try String.fetchOne(db, sql: "SELECT content_hash FROM attendance_submission WHERE id = ? AND received_at = ?",
                                arguments: [known.submission.id, known.submission.receivedAt]) != known.contentHash
        }.map(\.submission)
    }
}
