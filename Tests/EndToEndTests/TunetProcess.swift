import Foundation
import TunetChildProcess
import GRDB
import TunetTestSupport

/// Runs the built `tunet` binary in a temporary working directory, as a user would.
final class TunetProcess: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let folder: URL
    var databasePath: String { folder.appendingPathComponent("tunet.sqlite").path }
    /// In the PostgreSQL pass, the test's own database, given to every `tunet` it runs as TUNET_DATABASE.
    private(set) lazy var sharedDatabase: String? = TestDatabase.usesPostgres ? try? TestDatabase.location(in: folder) : nil

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
        try start(arguments, environment: extra).wait()
    }

    /// A `tunet` process still running: to be waited for, or killed part-way.
    final class Running {
        let process: ChildProcess
        let output: URL
        let errors: URL

        init(_ process: ChildProcess, output: URL, errors: URL) {
            self.process = process
            self.output = output
            self.errors = errors
        }

        func wait() throws -> Result {
            let status = process.wait()
            defer {
                try? FileManager.default.removeItem(at: output)
                try? FileManager.default.removeItem(at: errors)
            }
            return Result(status: status, stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
                          stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self))
        }

        /// SIGKILL: no handler runs, no transaction is finished, as when the power goes.
        func kill() {
            process.signal(SIGKILL)
            process.wait()
        }
    }

    /// Starts `tunet` without waiting; its output goes to files so that it can never block on a full pipe.
    func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Running {
        var program = Self.binary.path, programArguments = arguments
        // TUNET_SETPRIV=nobody runs the binary as that user, for whom the test's folders are not writable.
        if extra["TUNET_SETPRIV"] == "nobody" {
            program = "/usr/bin/setpriv"
            programArguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Self.binary.path] + arguments
        }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TUNET_DATABASE")
        if TestDatabase.usesPostgres {
            guard let sharedDatabase else { throw Failure(message: "the PostgreSQL test server could not be started") }
            environment["TUNET_DATABASE"] = sharedDatabase
        }
        environment["TUNET_ACTOR"] = "e2e-tester"
        environment["TUNET_TODAY"] = "2026-11-23"
        // These tests read Tunet's English; the Norwegian default has tests of its own (LanguageCommandTests).
        environment["TUNET_LANG"] = "en"
        environment.merge(extra) { $1 }
        let output = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errors = folder.appendingPathComponent("stderr-\(UUID().uuidString)")
        let process = try ChildProcess(program, programArguments, environment: environment, directory: folder.path,
                                       output: .file(output.path), errors: .file(errors.path))
        return Running(process, output: output, errors: errors)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Every row of every table, read directly from the SQLite file: proof that nothing changed.
    func databaseSnapshot() throws -> String {
        if let sharedDatabase { return try PostgresCluster.shared().snapshot(of: sharedDatabase) }
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
        try runPython(script, in: folder)
    }
}
