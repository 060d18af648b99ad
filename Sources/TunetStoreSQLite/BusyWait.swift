import Foundation
import GRDB

/// How a connection waits for a lock another connection holds: in naps of half a millisecond until the
/// busy timeout has passed. SQLite's own waiting naps 1, 2, 5, … and then 100 ms at a time, so a writer
/// held up for 30 ms by a checkpoint went on up to 70 ms after the lock was free, while every upload
/// queued behind it waited too (BENCHMARKS.md, "2026-12-05, morning").
enum BusyWait {
    static let nap: useconds_t = 500

    /// Gives up once `timeout` seconds have passed since the connection first found the lock taken.
    static func polling(upTo timeout: TimeInterval) -> Database.BusyCallback {
        { tries in
            let now = DispatchTime.now().uptimeNanoseconds
            // SQLite counts the tries of each wait from 0, on the thread that waits.
            if tries == 0 { WaitStart.set(now) }
            guard Double(now &- WaitStart.get()) / 1e9 < timeout else { return false }
            usleep(nap)
            return true
        }
    }
}

/// When the current thread's wait for a lock began. A wait is one connection's, and a connection is
/// used by one thread at a time, so the thread keeps it.
private enum WaitStart {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    static func set(_ nanoseconds: UInt64) {
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: UInt(nanoseconds)))
    }

    static func get() -> UInt64 {
        UInt64(UInt(bitPattern: pthread_getspecific(key)))
    }
}
