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
