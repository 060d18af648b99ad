import Foundation

/// A bounded queue from one thread to the next. `finish` lets the taker empty it and stop; `cancel`
/// drops what it holds and stops both sides at once.
final class Handoff<Element: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var items: [Element] = []
    private var finished = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room; false, dropping the item, once the queue is finished or cancelled.
    func put(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !finished { condition.wait() }
        guard !finished else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Waits for the next item; nil once the queue is finished and empty.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !finished { condition.wait() }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        finished = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

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
