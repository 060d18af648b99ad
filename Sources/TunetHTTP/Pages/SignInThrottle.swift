import Synchronization

/// Slows down guessing tokens at the sign-in page: after `freeFailures` failed sign-ins from one
/// address, each further attempt must wait twice as long as the one before (`firstWait`, 1 s: 1 s, 2 s, 4 s … up to
/// `longestWait`), and an attempt made before its time is refused unread. An attempt counts as failed
/// from the moment it is let through (so that many sent at once are all counted) until it succeeds;
/// failures older than `memory` are forgotten. It remembers at most `capacity` addresses, forgetting
/// the quietest first, so that no stream of addresses can fill the service's memory.
final class SignInThrottle: Sendable {
    struct Failures {
        var count: Int
        var last: ContinuousClock.Instant
    }

    let freeFailures: Int
    let firstWait: Duration
    let longestWait: Duration
    let memory: Duration
    let capacity: Int
    private let failures = Mutex<[String: Failures]>([:])

    init(freeFailures: Int = 5, firstWait: Duration = .seconds(1), longestWait: Duration = .seconds(300), memory: Duration = .seconds(900),
         capacity: Int = 10_000) {
        self.freeFailures = freeFailures
        self.firstWait = firstWait
        self.longestWait = longestWait
        self.memory = memory
        self.capacity = capacity
    }

    /// How long the address must still wait before its next attempt is read; nil when it may try now.
    func wait(for address: String, now: ContinuousClock.Instant = .now) -> Duration? {
        failures.withLock { table in
            guard let known = table[address], known.count >= freeFailures else { return nil }
            guard now - known.last < memory else {
                table[address] = nil
                return nil
            }
            let remaining = known.last + delay(after: known.count) - now
            return remaining > .zero ? remaining : nil
        }
    }

    func failed(from address: String, now: ContinuousClock.Instant = .now) {
        failures.withLock { table in
            var known = table[address].flatMap { now - $0.last < memory ? $0 : nil } ?? Failures(count: 0, last: now)
            known.count += 1
            known.last = now
            if table[address] == nil && table.count >= capacity { forgetQuietest(&table, now: now) }
            table[address] = known
        }
    }

    /// Whether the address may try now (nil), or how long it must still wait; an attempt let through
    /// is counted as failed until `succeeded` takes it back.
    func attempt(from address: String, now: ContinuousClock.Instant = .now) -> Duration? {
        if let wait = wait(for: address, now: now) { return wait }
        failed(from: address, now: now)
        return nil
    }

    /// Takes back the failure `attempt` counted for a sign-in that succeeded.
    func succeeded(from address: String) {
        failures.withLock { table in
            guard var known = table[address] else { return }
            known.count -= 1
            table[address] = known.count > 0 ? known : nil
        }
    }

    /// The wait after `count` failures: none for the free ones, then doubling up to `longestWait`.
    func delay(after count: Int) -> Duration {
        guard count >= freeFailures else { return .zero }
        let doublings = min(count - freeFailures, 20)
        return min(firstWait * (1 << doublings), longestWait)
    }

    private func forgetQuietest(_ table: inout [String: Failures], now: ContinuousClock.Instant) {
        table = table.filter { now - $0.value.last < memory }
        guard table.count >= capacity, let quietest = table.min(by: { $0.value.last < $1.value.last }) else { return }
        table[quietest.key] = nil
    }
}
