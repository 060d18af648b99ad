import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import TunetDomain

/// One connection to the server, used by one thread at a time. The storage interface is synchronous
/// (a use case runs on a thread of its own, never on Swift concurrency's pool), so each statement
/// waits for its answer on the calling thread.
final class PostgresSession: @unchecked Sendable {
    let connection: PostgresConnection
    let address: PostgresAddress
    private let logger: Logger

    /// The event loops every session of a process shares: two threads, as the service's own.
    static let loops = MultiThreadedEventLoopGroup(numberOfThreads: 2)

    private init(connection: PostgresConnection, address: PostgresAddress, logger: Logger) {
        self.connection = connection
        self.address = address
        self.logger = logger
    }

    /// The client library's own log is not Tunet's: unbootstrapped, it would print to standard output,
    /// into a command's JSON. What goes wrong reaches the user as Tunet's own message.
    static let quiet = Logger(label: "tunet.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    static func open(_ address: PostgresAddress, logger: Logger = quiet) throws(TunetError) -> PostgresSession {
        do {
            var configuration: PostgresConnection.Configuration
            switch address.endpoint {
            case .tcp(let host, let port):
                configuration = PostgresConnection.Configuration(host: host, port: port, username: address.user, password: address.password,
                                                                 database: address.database, tls: try tls(address.encryption))
            case .socket(let folder, let port):
                configuration = PostgresConnection.Configuration(unixSocketPath: "\(folder)/.s.PGSQL.\(port)", username: address.user,
                                                                 password: address.password, database: address.database)
            }
            configuration.options.connectTimeout = .seconds(10)
            let connection = try PostgresConnection.connect(on: loops.next(), configuration: configuration, id: 1, logger: logger).wait()
            return PostgresSession(connection: connection, address: address, logger: logger)
        } catch {
            throw PostgresFailure.translate(error, address: address)
        }
    }

    private static func tls(_ encryption: PostgresAddress.Encryption) throws -> PostgresConnection.Configuration.TLS {
        switch encryption {
        case .disable: return .disable
        case .prefer: return .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: return .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    func run(_ query: PostgresQuery) throws(TunetError) -> [PostgresRow] {
        do {
            return Array(try connection.query(query, logger: logger).wait().rows)
        } catch {
            throw PostgresFailure.translate(error, address: address)
        }
    }

    /// Streams `chunks` (COPY's text format) into `table` with `COPY … FROM STDIN`, inside the open
    /// transaction. PostgresNIO offers COPY only as an async call: it runs as a task on the connection's
    /// own event loop while this thread waits. Not on Swift concurrency's shared threads: a caller
    /// waiting on one of those (a test, say) could leave the task no thread to run on.
    func copy(into table: String, columns: [String], chunks: [ByteBuffer]) throws(TunetError) {
        let outcome = CopyOutcome()
        let done = DispatchSemaphore(value: 0)
        let connection = connection, logger = logger
        Task(executorPreference: EventLoopTaskExecutor(connection.eventLoop)) {
            do {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    for chunk in chunks { try await writer.write(chunk) }
                }
            } catch {
                outcome.failure = error
            }
            done.signal()
        }
        done.wait()
        if let failure = outcome.failure { throw PostgresFailure.translate(failure, address: address) }
    }

    /// Settings for every connection: waits for a lock are bounded like SQLite's busy timeout, a
    /// statement cannot run for ever, and a process that stops in the middle of a transaction does not
    /// hold its locks for ever either.
    func prepare(lockTimeout: TimeInterval) throws(TunetError) {
        let milliseconds = max(1, Int((lockTimeout * 1000).rounded()))
        try run(PostgresQuery(unsafeSQL: "SET lock_timeout = \(milliseconds)"))
        try run("SET statement_timeout = '10min'")
        try run("SET idle_in_transaction_session_timeout = '10min'")
        try run("SET TIME ZONE 'UTC'")
        try run("SET application_name = 'tunet'")
    }

    var isClosed: Bool { connection.isClosed }

    /// A store its owner forgot to close still ends its connections: PostgresNIO requires it.
    deinit { close() }

    /// Ends the open transaction without its changes; a connection that cannot is closed, and the
    /// server rolls back what it had.
    func rollBack() {
        do { try run("ROLLBACK") } catch { close() }
    }

    /// Lets the next writer in; on a connection that failed, the server has let go already.
    func releaseWriterLock(_ lock: Int64) {
        do { try run("SELECT pg_advisory_unlock(\(lock))") } catch { close() }
    }

    /// Closes the connection: waiting for it, except on one of NIO's event-loop threads (a service may
    /// drop a store there), where waiting is forbidden and the closing finishes on its own.
    func close() {
        guard !connection.isClosed else { return }
        if MultiThreadedEventLoopGroup.currentEventLoop == nil {
            try? connection.close().wait()
        } else {
            let connection = connection
            connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
        }
    }
}

/// Runs a task's jobs on an event loop's thread rather than on Swift concurrency's shared pool.
private final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    let loop: any EventLoop

    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// How a COPY ended, handed from its task to the waiting thread (the semaphore orders the two).
private final class CopyOutcome: @unchecked Sendable {
    var failure: (any Error)?
}

/// What went wrong with the server, in the categories the rest of Tunet knows: busy (try again),
/// cannot connect, or a fault. The address is shown without its password; the server's own words
/// are kept only as a code.
enum PostgresFailure {
    /// PostgreSQL's SQLSTATE codes that mean "try again": serialization failure, deadlock, lock not available.
    static let retryable: Set = ["40001", "40P01", "55P03"]

    /// Whether the server could not serialise the transaction: run again, it may well succeed.
    static func isSerializationFailure(_ error: any Error) -> Bool {
        if let state = sqlState(of: error) { return serialization.contains(state) }
        guard case .busy(let message)? = error as? TunetError else { return false }
        return message.key == conflictingChange
    }

    /// Serialization failure and deadlock: the transaction may succeed when it runs again.
    static let serialization: Set = ["40001", "40P01"]
    static let conflictingChange = "files.postgres.conflicting_change"

    static func sqlState(of error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    static func translate(_ error: any Error, address: PostgresAddress) -> TunetError {
        if let tunetError = error as? TunetError { return tunetError }
        if let state = sqlState(of: error) {
            if serialization.contains(state) { return .busy(Message(conflictingChange, ["database": .text(address.description)])) }
            if retryable.contains(state) { return .busy(Message("files.postgres.busy", ["database": .text(address.description)])) }
            if state == "28P01" || state == "28000" {
                return .unauthorized(Message("files.postgres.refused_login", ["database": .text(address.description)]))
            }
            if state == "3D000" { return .notFound(kind: "database", key: address.description) }
            return .internalFault("PostgreSQL SQLSTATE \(state)")
        }
        if let psql = error as? PSQLError, psql.code == .connectionError || psql.code == .serverClosedConnection || psql.code == .unexpectedBackendMessage {
            return .unwritableOutput(path: address.description, reason: Message("files.postgres.cannot_connect"))
        }
        if error is IOError || error is ChannelError || error is NIOConnectionError {
            return .unwritableOutput(path: address.description, reason: Message("files.postgres.cannot_connect"))
        }
        return .internalFault("PostgreSQL: \(type(of: error))")
    }
}
