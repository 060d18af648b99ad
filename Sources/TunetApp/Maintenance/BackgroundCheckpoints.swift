import Foundation
import Synchronization
import TunetStorage

/// Copies a service's write-ahead log into its database file on a thread of its own, so that no
/// upload's commit pays for a checkpoint while others wait for the writer (BENCHMARKS.md): fifty times
/// a second while the database is written to, so that each copy is small and none holds up uploads for
/// long, and five times a second when nothing was written. For a context from
/// `TunetConfiguration.serviceContext()`.
public final class BackgroundCheckpoints: Sendable {
    private let store: any Store
    private let interval: TimeInterval
    private let busyInterval: TimeInterval
    private let stopped = Mutex(false)

    public init(_ context: TunetContext, interval: TimeInterval = 0.2, busyInterval: TimeInterval = 0.02) {
        store = context.store
        self.interval = interval
        self.busyInterval = busyInterval
    }

    public func start() {
        let thread = Thread { [self] in
            var busy = false
            while !stopped.withLock({ $0 }) {
                Thread.sleep(forTimeInterval: busy ? busyInterval : interval)
                // A checkpoint that cannot run now (another one is running) is simply tried again next time.
                busy = (try? store.tidy()) ?? false
            }
        }
        thread.name = "tunet-checkpoints"
        thread.start()
    }

    public func stop() {
        stopped.withLock { $0 = true }
    }
}
