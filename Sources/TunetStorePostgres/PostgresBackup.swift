import Foundation
import TunetChildProcess
import TunetDomain
import TunetStorage

/// A backup of a shared database is PostgreSQL's own: `pg_dump` in its custom format, which
/// `pg_restore` reads. The password reaches pg_dump through its environment, never its arguments
/// (which any user of the machine may list).
struct PostgresBackup {
    let address: PostgresAddress

    func dump(to path: String, check: (String) throws -> BackupCheck) throws -> BackupCheck {
        guard let program = Self.program("pg_dump") else {
            throw TunetError.unwritableOutput(path: path, reason: Message("files.postgres.pg_dump_missing"))
        }
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-pg_dump-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: errors) }
        let status: Int32
        do {
            status = try ChildProcess(program, ["--format=custom", "--no-password", "--file=\(path)"], environment: environment,
                                      errors: .file(errors.path)).wait()
        } catch let failure as ChildProcess.StartFailure {
            throw TunetError.unwritableOutput(path: path, reason: Message("files.postgres.pg_dump_failed", [
                "database": .text(address.description), "status": .integer(127), "detail": .text(failure.description)]))
        }
        guard status == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            let detail = (try? String(contentsOf: errors, encoding: .utf8))?.split(separator: "\n").first.map(String.init) ?? ""
            throw TunetError.unwritableOutput(path: path, reason: Message("files.postgres.pg_dump_failed", [
                "database": .text(address.description), "status": .integer(Int64(status)), "detail": .text(String(detail.prefix(300)))]))
        }
        return try check(path)
    }

    /// PostgreSQL's usual variables, so that pg_dump reaches the server Tunet reaches.
    private var environment: [String: String] {
        var environment = ["PATH": "/usr/bin:/bin", "PGUSER": address.user, "PGDATABASE": address.database, "PGCONNECT_TIMEOUT": "10"]
        switch address.endpoint {
        case .tcp(let host, let port):
            environment["PGHOST"] = host
            environment["PGPORT"] = String(port)
        case .socket(let folder, let port):
            environment["PGHOST"] = folder
            environment["PGPORT"] = String(port)
        }
        environment["PGSSLMODE"] = address.encryption.rawValue
        if let password = address.password { environment["PGPASSWORD"] = password }
        return environment
    }

    /// The program on the PATH, or the newest that Debian's packages installed.
    static func program(_ name: String) -> String? {
        let searched = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/\(name)" }
        if let found = searched.first(where: FileManager.default.isExecutableFile(atPath:)) { return found }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.compactMap(Int.init).sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin/\(name)" }
            .first(where: FileManager.default.isExecutableFile(atPath:))
    }
}
