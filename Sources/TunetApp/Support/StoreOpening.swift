internal import TunetStorePostgres
internal import TunetStoreSQLite
import TunetDomain
import TunetStorage

extension TunetConfiguration {
    /// How long a writer waits for another process unless TUNET_BUSY_TIMEOUT says otherwise.
    public static let defaultBusyTimeout = SQLiteStore.defaultBusyTimeout

    /// The one place that knows which store a configuration opens: a shared PostgreSQL database for a
    /// postgres:// address, else the SQLite file at the path. A service leaves copying SQLite's
    /// write-ahead log to `BackgroundCheckpoints`, beside the writer.
    func openStore(mustExist: Bool, forService: Bool) throws(TunetError) -> any Store {
        if let address = try sharedDatabase {
            return try PostgresStore(address: address, busyTimeout: busyTimeout, connections: forService ? postgresConnections : 4)
        }
        return try SQLiteStore(path: databasePath, mustExist: mustExist, busyTimeout: busyTimeout, checkpoints: forService ? .byCaller : .whenCommitting)
    }

    /// The shared database the configuration names, or nil for a SQLite file.
    private var sharedDatabase: PostgresAddress? {
        get throws(TunetError) {
            guard PostgresAddress.names(databasePath) else { return nil }
            switch PostgresAddress.parse(databasePath) {
            case .success(let address): return address
            case .failure(let reason): throw TunetError.invalid("database", nil, reason.message)
            }
        }
    }

    /// The database as messages name it: a shared database's address without its password.
    public var databaseDescription: String {
        (try? sharedDatabase)??.description ?? databasePath
    }

    /// Whether the data is in a shared PostgreSQL database rather than a file of its own.
    public var isSharedDatabase: Bool { PostgresAddress.names(databasePath) }

    /// A list a shell may complete from: from a SQLite file of this Tunet's version only, read read-only;
    /// nothing from a shared database, which a Tab must never wait for.
    func completionWords(_ list: CompletionList) -> [String] {
        guard !isSharedDatabase else { return [] }
        switch list {
        case .organisationNumbers: return CompletionWords.organisationNumbers(in: databasePath)
        case .agreementReferences: return CompletionWords.agreementReferences(in: databasePath)
        }
    }
}

extension TunetConfiguration {
    /// Runs `body` (which replaces or deletes the database's files) only while no other process has the
    /// database open, refusing and naming the process that has: a service would go on writing into a
    /// file that no longer has a name.
    public func whileNoOtherProcessHasTheDatabase(_ body: () throws -> Void) throws {
        guard !isSharedDatabase else {
            throw TunetError.conflict(Message("files.postgres.not_replaced", ["database": .text(databaseDescription)], fields: ["database"]))
        }
        try SQLiteStore.whileNoOtherProcessHas(databasePath, body)
    }
}
