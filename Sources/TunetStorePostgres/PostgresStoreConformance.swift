import Foundation
import TunetDomain
import TunetStorage

/// The PostgreSQL store behind the storage interface: every use case runs on it as on SQLite.
extension PostgresStore: Store {
    public func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        try readPostgres(body)
    }

    public func write<T>(actor: AuditActor, at time: Date, _ body: (any StoreTransaction) throws -> T) throws -> T {
        try writePostgres(actor: actor, at: time, body)
    }
}

extension PostgresReader: StoreReader {}
extension PostgresTransaction: StoreTransaction {}
