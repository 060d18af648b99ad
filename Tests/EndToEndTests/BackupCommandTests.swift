import Foundation
import GRDB
import Testing

@Suite("tunet backup and tunet restore")
struct BackupCommandTests {
    @Test("A backup can be restored over later changes, and the restore is audited")
    func roundTrip() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let backup = try tunet.run("backup", "kopi.sqlite")
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.contains("16 providers"))
        #expect(try tunet.run("provider", "suspend", "912345602", "--reason", "test").status == 0)
        let refused = try tunet.run("restore", "kopi.sqlite")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("add --yes"))
        let restored = try tunet.run("restore", "kopi.sqlite", "--yes")
        #expect(restored.status == 0, "\(restored.stderr)")
        let lia = try tunet.json(try tunet.run("provider", "show", "912345602", "--json")) as? [String: Any]
        #expect(lia?["status"] as? String == "active")
        #expect(try tunet.run("audit", "--entity", "database").stdout.contains("restore"))
        #expect(try tunet.run("backup", "kopi.sqlite").stderr.contains("a file is already there"))
    }

    @Test("A damaged file, a file from a newer Tunet and a foreign file are refused, and nothing changes")
    func refusals() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        #expect(try tunet.run("backup", "ny.sqlite").status == 0)
        let newer = try DatabaseQueue(path: tunet.folder.appendingPathComponent("ny.sqlite").path)
        try newer.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
        try newer.close()
        let foreign = try DatabaseQueue(path: tunet.folder.appendingPathComponent("annen.sqlite").path)
        try foreign.write { try $0.execute(sql: "CREATE TABLE x (a)") }
        try foreign.close()
        #expect(try tunet.run("backup", "skadet.sqlite").status == 0)
        let damaged = tunet.folder.appendingPathComponent("skadet.sqlite")
        var bytes = try Data(contentsOf: damaged)
        for offset in stride(from: 4096, to: min(bytes.count, 40960), by: 97) { bytes[offset] = 0xFF }
        try bytes.write(to: damaged)
        let before = try tunet.databaseSnapshot()
        for (file, message) in [("ny.sqlite", "newer Tunet"), ("annen.sqlite", "not a Tunet database"), ("skadet.sqlite", "it cannot be restored"), ("mangler.sqlite", "There is no Tunet database")] {
            let result = try tunet.run("restore", file, "--yes")
            #expect(result.status != 0, "\(file) was restored")
            #expect(result.stderr.contains(message), "\(file): \(result.stderr)")
        }
        #expect(try tunet.databaseSnapshot() == before)
    }
}
