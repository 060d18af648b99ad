import TunetDomain

/// What a backup or a restore found in the copy it checked.
public struct BackupCheck: Sendable, Encodable {
    public let path: String
    public let migrations: [String]
    public let providers: Int
    public let auditEvents: Int

    public init(path: String, migrations: [String], providers: Int, auditEvents: Int) {
        self.path = path
        self.migrations = migrations
        self.providers = providers
        self.auditEvents = auditEvents
    }
}

/// What a restore did besides copying the backup: the revocations it kept and the acknowledged
/// submissions the backup did not hold (their farms must send them again).
public struct RestoreOutcome: Sendable, Encodable {
    public let backup: BackupCheck
    /// Tokens revoked in the replaced database and still valid in the backup: revoked again, so a
    /// restore never brings back a token someone took away.
    public let revocationsKept: [KeptRevocation]
    /// Submissions the replaced database had acknowledged that the backup does not hold.
    public let submissionsLost: [LostSubmission]

    public init(backup: BackupCheck, revocationsKept: [KeptRevocation], submissionsLost: [LostSubmission]) {
        self.backup = backup
        self.revocationsKept = revocationsKept
        self.submissionsLost = submissionsLost
    }

    enum CodingKeys: String, CodingKey {
        case backup
        case revocationsKept = "revocations_kept"
        case submissionsLost = "submissions_lost"
    }
}
