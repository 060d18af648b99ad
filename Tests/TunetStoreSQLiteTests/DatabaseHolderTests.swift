import Foundation
import Testing
@testable import TunetStoreSQLite
import TunetChildProcess

/// Whoever holds the database is named in the refusal, also where /proc/locks cannot name them (an
/// overlay file system gives it another inode than `stat` does, and some kernels give it empty).
@Suite("The process holding a database is named")
struct DatabaseHolderTests {
    @Test("A process with the file open but no lock listed is still found, by its open descriptors, and this process never")
    func foundByOpenDescriptor() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("holder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tunet.sqlite").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        let holder = try ChildProcess("/bin/sh", ["-c", "exec 3<\"$1\"; exec sleep 30", "holder", file])
        defer { holder.signal(SIGKILL); holder.wait() }

        var status = stat()
        #expect(stat(file, &status) == 0)
        let own = open(file, O_RDONLY)
        defer { close(own) }
        // The shell opens the file before it becomes `sleep`; wait for both.
        var named: [String] = []
        for _ in 0..<250 where named != ["sleep 30, pid \(holder.id)"] {
            named = DatabaseHold.holders(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
            usleep(20_000)
        }
        #expect(named == ["sleep 30, pid \(holder.id)"], "\(named)")
    }
}
