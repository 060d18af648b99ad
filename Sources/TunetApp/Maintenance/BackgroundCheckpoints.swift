import Foundation
import Synchronization
import TunetStorage

/// Copies a service's write-ahead log into its database file a few times a second on a thread of its
/// own, so that no upload's commit pays for a checkpoint while others wait for the writer
/// (BENCHMARKS.md). For a context from `TunetConfiguration.serviceContext()`.
public final class BackgroundCheckpoints: Sendable {
    private let store: any Store
    private let interval: TimeInterval
    private let stopped = Mutex(false)

    public init(_ context: TunetContext, interval: TimeInterval = 0.2) {
        store = context.store
        self.interval = interval
    }

    public func start() {
        let thread = Thread { [self] in
            while !stopped.withLock({ $0 }) {
                Thread.sleep(forTimeInterval: interval)
                // A checkpoint that cannot run now (another one is running) is simply tried again next time.
                try? store.tidy()
            }
        }
        thread.name = "tunet-checkpoints"
        thread.start()
    }

    public func stop() {
        stopped.withLock { $0 = true }
    }
}
