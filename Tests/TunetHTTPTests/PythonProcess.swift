import Foundation

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
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if process.isRunning { process.terminate() } }
        }
        try output.close()
        return (status, String(decoding: try Data(contentsOf: log), as: UTF8.self))
    }
}
