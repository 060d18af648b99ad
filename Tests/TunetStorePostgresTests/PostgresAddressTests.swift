import Foundation
import Testing
import TunetDomain
@testable import TunetStorePostgres
import TunetTestSupport

@Suite("A PostgreSQL address: read as psql reads it, never shown with its password")
struct PostgresAddressTests {
    static let none: [String: String] = [:]

    @Test("The URL gives the user, host, port and database; the description leaves the password out")
    func url() throws {
        let address = try PostgresAddress.parse("postgres://tunet:s%C3%A6rlig%3Ahemmelig@db.kommune.no:6432/ipt?sslmode=require", environment: Self.none).get()
        #expect(address.endpoint == .tcp(host: "db.kommune.no", port: 6432))
        #expect(address.user == "tunet" && address.database == "ipt" && address.password == "særlig:hemmelig")
        #expect(address.encryption == .require)
        #expect(address.description == "postgres://tunet@db.kommune.no:6432/ipt")
        #expect(!String(describing: address).contains("hemmelig"))
    }

    @Test("What the URL leaves out comes from PGHOST, PGPORT, PGUSER, PGDATABASE and PGPASSWORD, then the defaults")
    func environment() throws {
        let address = try PostgresAddress.parse("postgresql:///", environment: ["PGHOST": "/run/postgresql", "PGPORT": "5433", "PGUSER": "kari",
                                                                             "PGPASSWORD": "pw"]).get()
        #expect(address.endpoint == .socket(folder: "/run/postgresql", port: 5433))
        #expect(address.user == "kari" && address.database == "kari" && address.password == "pw" && address.encryption == .prefer)
        let plain = try PostgresAddress.parse("postgres://ola@localhost", environment: Self.none).get()
        #expect(plain.endpoint == .tcp(host: "localhost", port: 5432) && plain.database == "ola" && plain.password == nil)
    }

    @Test("The password file is read as libpq reads it, and ignored when others may read it")
    func passwordFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-pgpass-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "# kommentar\nannen:5432:*:tunet:feil\ndb.kommune.no:5432:ipt:tunet:r\\:ett\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        let address = try PostgresAddress.parse("postgres://tunet@db.kommune.no/ipt?passfile=\(file)", environment: Self.none).get()
        #expect(address.password == "r:ett")
        chmod(file, 0o644)
        #expect(try PostgresAddress.parse("postgres://tunet@db.kommune.no/ipt?passfile=\(file)", environment: Self.none).get().password == nil)
    }

    @Test("A wrong port, an unknown setting, an unknown sslmode or no user is refused, saying why")
    func refusals() {
        func reason(_ text: String) -> String? {
            if case .failure(let reason) = PostgresAddress.parse(text, environment: Self.none) { return reason.english }
            return nil
        }
        #expect(reason("postgres://tunet@db:99999/ipt") == "the port '99999' is not a number from 1 to 65535")
        #expect(reason("postgres://tunet@db/ipt?pool=5")?.hasPrefix("'pool' is not a setting Tunet knows") == true)
        #expect(reason("postgres://tunet@db/ipt?sslmode=maybe") == "sslmode 'maybe' does not exist; use disable, prefer or require")
        #expect(reason("postgres://db.kommune.no/ipt")?.hasPrefix("the address does not say which user") == true)
        #expect(PostgresAddress.names("postgres://x") && PostgresAddress.names("POSTGRESQL://x") && !PostgresAddress.names("tunet.sqlite"))
    }
}
