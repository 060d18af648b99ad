import Foundation
import TunetChildProcess

/// Runs `python3 ARGUMENTS` without blocking a thread of Swift concurrency (the service under test runs on
/// them), its output in a file, stopped after `timeout` seconds: the browser walk-through and Schemathesis.
enum PythonProcess {
    static func run(_ arguments: [String], in folder: URL? = nil, log: URL, timeout: Double) async throws -> (Int32, String) {
        let process = try ChildProcess("/usr/bin/env", ["python3"] + arguments, directory: folder?.path,
                                       output: .file(log.path), errors: .standardOutput)
        // A signal after the end is not sent (`ChildProcess.signal`).
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { process.signal(SIGTERM) }
        // Waited for on a thread of its own.
        let status: Int32 = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: process.wait()) }
        }
        return (status, String(decoding: try Data(contentsOf: log), as: UTF8.self))
    }
}
