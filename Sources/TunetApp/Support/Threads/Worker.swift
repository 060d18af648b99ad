import Foundation

/// Work on a thread of its own (not Swift concurrency's pool, whose threads must never wait), at a
/// lower priority than the thread that started it. Helpers feed one thread that nothing can share (an
/// import's single writer, an export's workbook), so where cores are fewer than threads that one
/// should not wait for a helper.
final class Worker: Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [done] in
            #if os(Linux)
            // Linux keeps a nice value per thread, and "this process" (0) means the calling thread.
            let thisThread = __priority_which_t(PRIO_PROCESS.rawValue)
            _ = setpriority(thisThread, 0, getpriority(thisThread, 0) + 5)
            #endif
            body()
            done.signal()
        }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }

    func join() {
        done.wait()
    }
}
