import Foundation
import TunetDomain

/// Where a shared PostgreSQL database is and who Tunet is there: read from a `postgres://` URL and
/// PostgreSQL's usual environment (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGPASSWORD`,
/// `PGPASSFILE`, `~/.pgpass`), as `psql` reads them. The password is never part of its description.
public struct PostgresAddress: Hashable, Sendable, CustomStringConvertible {
    public enum Endpoint: Hashable, Sendable {
        case tcp(host: String, port: Int)
        /// A Unix socket in this folder (PostgreSQL's `.s.PGSQL.PORT` file in it).
        case socket(folder: String, port: Int)
    }

    public enum Encryption: String, Hashable, Sendable {
        case disable, prefer, require
    }

    public var endpoint: Endpoint
    public var user: String
    public var database: String
    public var password: String?
    public var encryption: Encryption

    /// Whether the text names a PostgreSQL database rather than a SQLite file.
    public static func names(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// As a person may be shown it: `postgres://tunet@db.kommune.no:5432/tunet`, never with the password.
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port):
            return "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
        case .socket(let folder, let port):
            return "postgres://\(user)@/\(database)?host=\(folder)&port=\(port)"
        }
    }

    public init(endpoint: Endpoint, user: String, database: String, password: String?, encryption: Encryption) {
        self.endpoint = endpoint
        self.user = user
        self.database = database
        self.password = password
        self.encryption = encryption
    }

    /// Reads `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?host=/socket/folder&sslmode=disable|prefer|require&passfile=PATH]`.
    /// What the URL leaves out comes from the environment, then PostgreSQL's defaults (port 5432, the
    /// database named as the user); the password from the URL, `PGPASSWORD`, or the password file.
    public static func parse(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<PostgresAddress, FieldReason> {
        // URLComponents does not take a host left empty for a socket ("postgres:///tunet?host=/run/postgresql").
        guard names(text), let components = URLComponents(string: text.replacingOccurrences(of: "://@/", with: "://placeholder@/")
            .replacingOccurrences(of: ":///", with: "://placeholder/")) else {
            return .failure(FieldReason(Message("files.postgres.url_unreadable")))
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let known: Set = ["host", "port", "sslmode", "passfile", "user", "dbname"]
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            return .failure(FieldReason("files.postgres.unknown_parameter", ["name": .text(unknown)]))
        }
        let urlHost = components.host.flatMap { $0 == "placeholder" ? nil : $0.removingPercentEncoding }
        let host = query["host"] ?? urlHost ?? environment["PGHOST"] ?? "localhost"
        let portText = query["port"] ?? components.port.map(String.init) ?? environment["PGPORT"] ?? "5432"
        guard let port = Int(portText), (1...65_535).contains(port) else {
            return .failure(FieldReason("files.postgres.port", ["port": .text(portText)]))
        }
        let urlUser = components.user.flatMap { $0 == "placeholder" ? nil : $0.removingPercentEncoding }
        guard let user = (query["user"] ?? urlUser ?? environment["PGUSER"])?.nilIfEmpty else {
            return .failure(FieldReason(Message("files.postgres.user_missing")))
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let database = (query["dbname"] ?? path.removingPercentEncoding?.nilIfEmpty ?? environment["PGDATABASE"] ?? user)
        let encryption: Encryption
        switch query["sslmode"] ?? "prefer" {
        case "disable": encryption = .disable
        case "allow", "prefer": encryption = .prefer
        case "require", "verify-ca", "verify-full": encryption = .require
        case let other: return .failure(FieldReason("files.postgres.sslmode", ["mode": .text(other)]))
        }
        let endpoint: Endpoint = host.hasPrefix("/") ? .socket(folder: host, port: port) : .tcp(host: host, port: port)
        var address = PostgresAddress(endpoint: endpoint, user: user, database: database, password: nil, encryption: encryption)
        address.password = components.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
            ?? PasswordFile.password(for: address, path: query["passfile"] ?? environment["PGPASSFILE"]
                                                        ?? environment["HOME"].map { $0 + "/.pgpass" })
        return .success(address)
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// PostgreSQL's password file (`~/.pgpass`, `PGPASSFILE`): `host:port:database:user:password` lines,
/// `*` matching anything, `\:` and `\\` escaped. Ignored when others may read it, as libpq does.
enum PasswordFile {
    static func password(for address: PostgresAddress, path: String?) -> String? {
        guard let path, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let (host, port): (String, Int) = switch address.endpoint {
        case .tcp(let host, let port): (host, port)
        case .socket(_, let port): ("localhost", port)
        }
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), address.database, address.user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// The fields of one line, `\:` and `\\` unescaped.
    static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for character in line {
            if escaped { current.append(character); escaped = false } else if character == "\\" { escaped = true } else if character == ":" {
                fields.append(current)
                current = ""
            } else { current.append(character) }
        }
        fields.append(current)
        return fields
    }
}
