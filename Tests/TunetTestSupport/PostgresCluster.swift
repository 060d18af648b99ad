import Foundation
import TunetChildProcess
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server for one test suite: a new cluster in a temporary folder, run by an
/// unprivileged user (tests run as root in CI, and PostgreSQL refuses root), listening on a free
/// loopback port and on a socket in the same folder; stopped and removed by `stop()` or when released.
/// The superuser `tunet` logs in over the socket without a password and over TCP with `password`.
public final class PostgresCluster: @unchecked Sendable {
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    public let folder: URL
    public private(set) var port: Int
    public let password = "hemmelig-\(UUID().uuidString.prefix(8))"
    public let user = "tunet"
    private let binaries: URL
    private var running = false

    /// The socket folder, as a URL's `host` parameter names it.
    public var socketFolder: String { folder.appendingPathComponent("socket").path }

    /// `postgres://tunet:PASSWORD@127.0.0.1:PORT/DATABASE?sslmode=disable`.
    public func url(database: String = "postgres", withPassword: Bool = true) -> String {
        "postgres://\(user)\(withPassword ? ":\(password)" : "")@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// The same database over the socket, where no password is asked for.
    public func socketURL(database: String = "postgres") -> String {
        "postgres://\(user)@/\(database)?host=\(socketFolder)&port=\(port)"
    }

    public init() throws {
        binaries = try Self.binaries()
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("tunet-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("socket"), withIntermediateDirectories: true)
        port = try Self.freePort()
        let passwordFile = folder.appendingPathComponent("password")
        try password.write(to: passwordFile, atomically: true, encoding: .utf8)
        try owned(folder)
        try run("initdb", ["-D", folder.appendingPathComponent("data").path, "-U", user, "--auth-local=trust", "--auth-host=scram-sha-256",
                           "--pwfile=\(passwordFile.path)", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        // The free port is only free when it was looked for: a service another test starts meanwhile may
        // take it, and the server then stops at once. Another port is tried, and the server's own words
        // are kept for the error if none will do (they named the descriptors below, once).
        let log = folder.appendingPathComponent("log")
        for attempt in 1...5 {
            do {
                try run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-l", log.path, "-w", "-t", "60",
                                   "-o", "-c listen_addresses=127.0.0.1 -p \(port) -k \(socketFolder) -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                                   "start"])
                running = true
                return
            } catch {
                let said = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").suffix(5).joined(separator: "\n")
                guard attempt < 5 else { throw Unavailable(description: "\(error)\n\(said)") }
                port = try Self.freePort()
            }
        }
    }

    deinit { stop() }

    /// One cluster for the whole test process, started when a test first needs it and stopped and
    /// removed when the process exits: the conformance pass makes a database for each test in it.
    public static func shared() throws -> PostgresCluster {
        try sharedCluster.get()
    }

    private static let sharedCluster: Result<PostgresCluster, any Error> = {
        let made = Result { try PostgresCluster() }
        if case .success = made { atexit { if case .success(let cluster) = PostgresCluster.sharedCluster { cluster.stop() } } }
        return made
    }()

    /// Every row of every table of the database at `url`, as text: proof that a refused command changed nothing.
    public func snapshot(of url: String) throws -> String {
        guard let name = URLComponents(string: url)?.path.dropFirst(), !name.isEmpty else { return "<no database>" }
        let connection = ["-h", socketFolder, "-p", String(port), "-U", user, "-d", String(name), "-X", "-A", "-t", "-q"]
        let tables = try run("psql", connection + ["-c", "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"])
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        guard !tables.isEmpty else { return "<empty database>" }
        let rows = try run("psql", connection + tables.flatMap { ["-c", "SELECT '\($0)', t::text FROM \"\($0)\" t"] })
        return rows.split(separator: "\n").sorted().joined(separator: "\n")
    }

    /// The rows `sql` selects in the database at `url`, each as its fields.
    public func query(_ sql: String, in url: String) throws -> [[String]] {
        guard let name = URLComponents(string: url)?.path.dropFirst(), !name.isEmpty else { return [] }
        let output = try run("psql", ["-h", socketFolder, "-p", String(port), "-U", user, "-d", String(name), "-X", "-A", "-t", "-q", "-c", sql])
        return output.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    /// A new empty database with a name of its own, and its address with the password.
    public func freshDatabase() throws -> String {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try createDatabase(String(name))
        return url(database: String(name))
    }

    /// Creates an empty database.
    public func createDatabase(_ name: String) throws {
        try run("createdb", ["-h", socketFolder, "-p", String(port), "-U", user, name])
    }

    public func stop() {
        if running {
            _ = try? run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
            running = false
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The folder with initdb and pg_ctl: on the PATH, or Debian's /usr/lib/postgresql/N/bin (the newest).
    static func binaries() throws -> URL {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        // The folder initdb really is in (a link on the PATH may lead to Debian's), which holds createdb and pg_ctl beside it.
        if let found = path.first(where: { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") }) {
            return URL(fileURLWithPath: "\(found)/initdb").resolvingSymlinksInPath().deletingLastPathComponent()
        }
        let debian = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: debian))?.compactMap(Int.init).sorted() ?? []
        if let newest = versions.last { return URL(fileURLWithPath: "\(debian)/\(newest)/bin") }
        throw Unavailable(description: "PostgreSQL's initdb is not installed (bash scripts/test installs Debian's postgresql)")
    }

    /// Runs a PostgreSQL program, as an unprivileged user when this process is root, and waits for it
    /// (pg_ctl leaves the server it starts running; its output goes to a file, not a pipe the server
    /// would keep open).
    @discardableResult
    private func run(_ program: String, _ arguments: [String]) throws -> String {
        let executable = binaries.appendingPathComponent(program).path
        var argv = [executable] + arguments
        if geteuid() == 0 {
            let (user, group) = Self.unprivileged()
            argv = ["/usr/bin/setpriv", "--reuid=\(user)", "--regid=\(group)", "--clear-groups"] + argv
        }
        let outputFile = folder.deletingLastPathComponent().appendingPathComponent("tunet-pg-output-\(UUID().uuidString)").path
        defer { unlink(outputFile) }
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder.path
        // Run from `/`: the unprivileged user may not enter the test's own folder (a clone can be mode
        // 700), and psql would print that it cannot into the very output a test reads. The child gets
        // none of this process's descriptors: a busy test run holds thousands (services, connections,
        // files), and a server that inherits them refuses to start ("insufficient file descriptors
        // available to start server process"), as it did in CI.
        let status: Int32
        do {
            status = try ChildProcess(argv[0], Array(argv.dropFirst()), environment: environment, directory: "/",
                                      output: .file(outputFile), errors: .standardOutput).wait()
        } catch {
            throw Unavailable(description: "\(program) could not be started: \(error)")
        }
        guard status == 0 else {
            let printed = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
            throw Unavailable(description: "\(program) failed (\(status)): \(printed)")
        }
        return (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
    }

    /// The user and group the server runs as under root: Debian's `postgres`, else `nobody`.
    static func unprivileged() -> (uid_t, gid_t) {
        if let entry = getpwnam("postgres") { return (entry.pointee.pw_uid, entry.pointee.pw_gid) }
        if let entry = getpwnam("nobody") { return (entry.pointee.pw_uid, entry.pointee.pw_gid) }
        return (65534, 65534)
    }

    /// Hands the folder to the unprivileged user (under root); the server refuses a data folder others own.
    private func owned(_ folder: URL) throws {
        guard geteuid() == 0 else { return }
        let (user, group) = Self.unprivileged()
        for path in [folder.path, folder.appendingPathComponent("socket").path, folder.appendingPathComponent("password").path] {
            guard chown(path, user, group) == 0 else { throw Unavailable(description: "cannot hand \(path) to the server's user") }
        }
        // The temporary folder's parent must let that user in.
        chmod(folder.path, 0o700)
    }

    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        guard bound == 0, withUnsafeMutablePointer(to: &address, {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }) == 0 else { throw Unavailable(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
