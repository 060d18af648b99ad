import Foundation
import GRDB

/// Runs the built `tunet` binary in a temporary working directory, as a user would.
final class TunetProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let folder: URL
    var databasePath: String { folder.appendingPathComponent("tunet.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `swift test` builds every product next to the test bundle; TUNET_BINARY overrides.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["TUNET_BINARY"] { return URL(fileURLWithPath: path) }
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tunet")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("tunet")
        if FileManager.default.isExecutableFile(atPath: bundle.path) { return bundle }
        return packageRoot.appendingPathComponent(".build/debug/tunet")
    }()

    static func example(_ name: String) -> String {
        packageRoot.appendingPathComponent("Contracts/examples").appendingPathComponent(name).path
    }

    @discardableResult
    func run(_ arguments: String..., environment extra: [String: String] = [:]) throws -> Result {
        try run(arguments, environment: extra)
    }

    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TUNET_DATABASE")
        environment["TUNET_ACTOR"] = "e2e-tester"
        environment["TUNET_TODAY"] = "2026-11-23"
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Every row of every table, read directly from the SQLite file: proof that nothing changed.
    func databaseSnapshot() throws -> String {
        guard FileManager.default.fileExists(atPath: databasePath) else { return "<no database>" }
        let queue = try DatabaseQueue(path: databasePath)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return try tables.map { table in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"")
                return table + ":\n" + rows.map(\.description).sorted().joined(separator: "\n")
            }.joined(separator: "\n")
        }
    }

    func json(_ result: Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }
}

/// Runs Python with openpyxl, the independent xlsx reader and writer (installed by scripts/test).
enum Python {
    static func run(_ script: String, in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
