import Foundation
internal import TunetStorePostgres
internal import TunetStoreSQLite
import TunetDomain
import TunetStorage

/// Moving a municipality in: its SQLite file copied into the shared PostgreSQL database, all or
/// nothing, with its audit history.
public enum CopyDesk {
    public static func copy(from path: String, to url: String, configuration: TunetConfiguration,
                            progress: any ProgressObserver = SilentProgress()) throws -> CopyView {
        guard !PostgresAddress.names(path) else {
            throw TunetError.invalid("from", path, Message("files.copy.source_not_sqlite"))
        }
        guard PostgresAddress.names(url) else {
            throw TunetError.invalid("to", url, Message("files.copy.target_not_postgres"))
        }
        let address: PostgresAddress
        switch PostgresAddress.parse(url) {
        case .success(let parsed): address = parsed
        case .failure(let reason): throw TunetError.invalid("to", nil, reason.message)
        }
        let source = try SQLiteStore(path: path, mustExist: true, busyTimeout: configuration.busyTimeout)
        defer { try? source.close() }
        let target = try PostgresStore(address: address, busyTimeout: configuration.busyTimeout, connections: 1)
        defer { try? target.close() }
        return CopyView(try target.copyIn(from: path, actor: .atServer(configuration.actor)) { sink in
            progress.begin(.copyingRows, total: nil)
            var copied = ProgressCounter(progress, every: 1)
            try source.copyOut { rows in
                try sink(rows)
                copied.add(Int64(rows.rows.count))
            }
        })
    }
}

/// What a copy carried: from where to where, and each table's rows.
public struct CopyView: Sendable, Encodable {
    public struct Table: Sendable, Encodable {
        public let table: String
        public let rows: Int
    }

    public let source: String
    public let target: String
    public let tables: [Table]

    init(_ summary: CopySummary) {
        source = summary.source
        target = summary.target
        tables = summary.tables.map { Table(table: $0.table, rows: $0.rows) }
    }
}
