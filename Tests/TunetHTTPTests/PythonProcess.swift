import Foundation
import Synchronization
import TunetChildProcess

/// Runs `python3 ARGUMENTS` without blocking a thread of Swift concurrency (the service under test runs on
/// them), its output in a file, stopped after `timeout` seconds: the browser walk-through and Schemathesis.
enum PythonProcess {
    static func run(_ arguments: [String], in folder: URL? = nil, log: URL, timeout: Double) async throws -> (Int32, String) {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        if let folder { process.currentDirectoryURL = folder }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let ended = Mutex(false)
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            if !ended.withLock({ $0 }) { kill(process.processIdentifier, SIGTERM) }
        }
        // Waited for on a thread of its own, by the process's number (`waitForExit`).
        let status: Int32 = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let status = process.waitForExit()
                ended.withLock { $0 = true }
                continuation.resume(returning: status)
            }
        }
        try output.close()
        return (status, String(decoding: try Data(contentsOf: log), as: UTF8.self))
    }
}
