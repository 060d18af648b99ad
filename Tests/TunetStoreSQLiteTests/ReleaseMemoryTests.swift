import Dispatch
import Foundation
import Testing
import TunetStorage
@testable import TunetStoreSQLite

/// A quiet service gives back the memory its store keeps; reads that are running, or that start while it
/// does, must never wait for each other because of it (an import's helpers read beside the writer and
/// wait for one another: a read held back until every running read ends would hold them for ever).
@Suite("Giving back the store's memory")
struct ReleaseMemoryTests {
    @Test("A read that starts while memory is given back beside a running read does not wait for that read to end")
    func readsGoOn() throws {
        let file = try TemporaryDatabaseFile()
        let store = try SQLiteStore(path: file.path, checkpoints: .byCaller)
        let running = DispatchSemaphore(value: 0), finish = DispatchSemaphore(value: 0), firstDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? store.read { _ in
                running.signal()
                _ = finish.wait(timeout: .now() + 20)
            }
            firstDone.signal()
        }
        running.wait()
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            store.releaseMemory()
            released.signal()
        }
        Thread.sleep(forTimeInterval: 0.2)
        let secondDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? store.read { reader in try reader.providerCount() }
            secondDone.signal()
        }
        let secondWasServed = secondDone.wait(timeout: .now() + 10) == .success
        finish.signal()
        firstDone.wait()
        #expect(secondWasServed, "a new read waited for the running one to end")
        #expect(released.wait(timeout: .now() + 10) == .success)
        #expect(try store.read { try $0.providerCount() } == 0)
        try store.close()
    }
}
