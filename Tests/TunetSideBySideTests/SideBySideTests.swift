import Foundation
import Synchronization
import Testing
import TunetSideBySide

/// Work split over the cores must come out as the same work done one item after another.
@Suite("Work done side by side")
struct SideBySideTests {
    private struct Refused: Error, Equatable { let item: Int }

    @Test("The results are the ones done one after another, in the same order, for any number of parts")
    func sameResultsInOrder() throws {
        let items = Array(0..<5_003)
        let oneByOne = items.map { $0 * $0 - 7 }
        for parts in [1, 2, 3, 4, 7] {
            #expect(try SideBySide.map(items, parts: parts, threshold: 1) { $0 * $0 - 7 } == oneByOne)
        }
        #expect(try SideBySide.map([Int](), parts: 4, threshold: 1) { $0 } == [])
        #expect(try SideBySide.map([1, 2], parts: 4, threshold: 1) { $0 + 1 } == [2, 3])
    }

    @Test("A list shorter than the threshold is done as one part, with the same results")
    func shortList() throws {
        let items = Array(0..<1_999)
        #expect(try SideBySide.map(items, parts: 4) { String($0) } == items.map { String($0) })
    }

    @Test("When items fail, the error told is the first failing item's, as one after another would tell it")
    func firstErrorInOrder() throws {
        let items = Array(0..<4_000)
        for parts in [1, 2, 4] {
            #expect(throws: Refused(item: 1_234)) {
                try SideBySide.map(items, parts: parts, threshold: 1) { item -> Int in
                    if item == 1_234 || item == 3_900 || item == 2_500 { throw Refused(item: item) }
                    return item
                }
            }
        }
    }

    @Test("A pair: both results, the second done on the calling thread; an error of the calling thread's work is told first, and both have ended")
    func pair() throws {
        let caller = Thread.current
        let (beside, here) = try SideBySide.pair(beside: { (0..<10_000).reduce(0, +) }, here: { Thread.current == caller })
        #expect(beside == 49_995_000 && here)
        let ended = Mutex(false)
        #expect(throws: Refused(item: 2)) {
            try SideBySide.pair(beside: { () throws -> Int in
                Thread.sleep(forTimeInterval: 0.05)
                ended.withLock { $0 = true }
                throw Refused(item: 1)
            }, here: { () throws -> Int in throw Refused(item: 2) })
        }
        #expect(ended.withLock { $0 })
        #expect(throws: Refused(item: 1)) {
            try SideBySide.pair(beside: { () throws -> Int in throw Refused(item: 1) }, here: { 3 })
        }
    }
}
