internal import TunetStoreSQLite
import TunetDomain
import TunetStorage

extension TunetConfiguration {
    /// How long a writer waits for another process unless TUNET_BUSY_TIMEOUT says otherwise.
    public static let defaultBusyTimeout = SQLiteStore.defaultBusyTimeout

    /// The one place that knows which store a configuration opens: today, the SQLite file at the path.
    /// A service leaves copying the write-ahead log to `BackgroundCheckpoints`, beside the writer.
    func openStore(mustExist: Bool, forService: Bool) throws(TunetError) -> any Store {
        try SQLiteStore(path: databasePath, mustExist: mustExist, busyTimeout: busyTimeout, checkpoints: forService ? .byCaller : .whenCommitting)
    }
}

extension TunetConfiguration {
    /// Runs `body` (which replaces or deletes the database's files) only while no other process has the
    /// database open, refusing and naming the process that has: a service would go on writing into a
    /// file that no longer has a name.
    public func whileNoOtherProcessHasTheDatabase(_ body: () throws -> Void) throws {
        try SQLiteStore.whileNoOtherProcessHas(databasePath, body)
    }
}
