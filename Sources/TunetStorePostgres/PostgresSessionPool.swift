import Foundation
import TunetDomain

/// The connections one store keeps to the server, at most `capacity` at a time. A use case takes one
/// for each read or transaction and gives it back; one that finds all in use waits a bounded time and
/// is then told the database is busy, so a flood of requests cannot open a flood of connections.
final class PostgresSessionPool: @unchecked Sendable {
    let address: PostgresAddress
    let capacity: Int
    /// How long a statement waits for a lock, and a use case for a free connection.
    let busyTimeout: TimeInterval
    private let condition = NSCondition()
    private var idle: [PostgresSession] = []
    private var opened = 0
    private var closed = false

    init(address: PostgresAddress, capacity: Int, busyTimeout: TimeInterval) {
        self.address = address
        self.capacity = max(1, capacity)
        self.busyTimeout = busyTimeout
    }

    /// A connection of the pool's own, opened when none is idle and fewer than `capacity` are open.
    func take() throws(TunetError) -> PostgresSession {
        condition.lock()
        let deadline = Date().addingTimeInterval(busyTimeout)
        while idle.isEmpty && opened >= capacity && !closed {
            if !condition.wait(until: deadline) {
                condition.unlock()
                throw .busy(Message("files.postgres.busy", ["database": .text(address.description)]))
            }
        }
        if closed {
            condition.unlock()
            throw .internalFault("the PostgreSQL store was used after it was closed")
        }
        if let session = idle.popLast() {
            condition.unlock()
            return session
        }
        opened += 1
        condition.unlock()
        do {
            let session = try PostgresSession.open(address)
            try session.prepare(lockTimeout: busyTimeout)
            return session
        } catch {
            condition.lock()
            opened -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    /// Gives a connection back; one that failed is closed instead of being handed to the next use case.
    func give(_ session: PostgresSession) {
        condition.lock()
        defer { condition.unlock() }
        if closed || session.isClosed {
            opened -= 1
            session.close()
        } else {
            idle.append(session)
        }
        condition.signal()
    }

    deinit { closeAll() }

    func closeAll() {
        condition.lock()
        closed = true
        let sessions = idle
        idle.removeAll()
        opened -= sessions.count
        condition.broadcast()
        condition.unlock()
        for session in sessions { session.close() }
    }
}
