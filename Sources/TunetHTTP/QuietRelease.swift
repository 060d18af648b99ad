import Dispatch
import Synchronization

/// Gives the service's memory back once it has gone quiet. A burst of uploads fills SQLite's page caches,
/// the farms' stored days and glibc's arenas; kept, the service would hold what its busiest moment needed.
/// When no work has used the database for `quietPeriod`, `release` runs once, on a thread of its own; work
/// that starts meanwhile goes on beside it (a write waits for SQLite's writer to free its caches).
final class QuietRelease: Sendable {
    private struct State {
        var working = 0
        /// Counts the work begun, so that a release planned before newer work is not carried out.
        var begun = 0
        var released = true
        var releases = 0
    }

    private let state = Mutex(State())
    /// Whether the service has stopped; held while memory is given back, so that `stop` waits for it.
    private let stopped = Mutex(false)
    private let quietPeriod: Duration
    private let release: @Sendable () -> Void

    init(after quietPeriod: Duration, release: @escaping @Sendable () -> Void) {
        self.quietPeriod = quietPeriod
        self.release = release
    }

    /// How many times the memory was given back.
    var releases: Int { state.withLock { $0.releases } }

    /// Runs `work` as work that uses the database.
    func working<T>(_ work: () throws -> T) rethrows -> T {
        state.withLock { state in
            state.working += 1
            state.begun += 1
            state.released = false
        }
        defer { ended() }
        return try work()
    }

    private func ended() {
        let quietSince = state.withLock { state -> Int? in
            state.working -= 1
            return state.working == 0 ? state.begun : nil
        }
        guard let quietSince else { return }
        let (seconds, attoseconds) = quietPeriod.components
        let delay = DispatchTimeInterval.nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + delay) { [self] in
            let due = state.withLock { state -> Bool in
                guard state.working == 0, state.begun == quietSince, !state.released else { return false }
                state.released = true
                state.releases += 1
                return true
            }
            guard due else { return }
            stopped.withLock { stopped in
                if !stopped { release() }
            }
        }
    }

    /// No memory is given back after this returns (the store is about to be closed); one being given
    /// back is waited for.
    func stop() {
        stopped.withLock { $0 = true }
    }
}
