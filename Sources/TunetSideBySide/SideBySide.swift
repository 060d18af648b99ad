import Dispatch
import Foundation
import Synchronization

/// Work on a long list split into one part per core, the parts done side by side. What comes out is
/// what doing the items one after another gives: the same results in the same order, or the error of
/// the first item that fails. The use cases call this instead of starting threads of their own, so
/// that one place decides when the other cores are worth it.
public enum SideBySide {
    /// Lists shorter than this are done on the calling thread: another thread costs more to start than
    /// the work it would take over.
    public static let defaultThreshold = 2_000

    public static var cores: Int { min(4, ProcessInfo.processInfo.activeProcessorCount) }

    public static func map<Item: Sendable, Result: Sendable>(_ items: [Item], parts: Int = cores, threshold: Int = defaultThreshold,
                                                             _ transform: @Sendable (Item) throws -> Result) throws -> [Result] {
        guard parts > 1, items.count >= threshold else { return try items.map(transform) }
        let size = (items.count + parts - 1) / parts
        let done = Mutex([Swift.Result<[Result], any Error>?](repeating: nil, count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = min(part * size, items.count)..<min((part + 1) * size, items.count)
            let result = Swift.Result { try items[range].map(transform) }
            done.withLock { $0[part] = result }
        }
        var results: [Result] = []
        results.reserveCapacity(items.count)
        for part in done.withLock({ $0 }) {
            results += try part?.get() ?? []
        }
        return results
    }
}
