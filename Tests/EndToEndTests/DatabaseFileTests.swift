import Foundation
import GRDB
import Testing
import TunetChildProcess

/// The database file and what is done to it while a service has it open: restore, replacement,
/// erasure, exports beside it, reading it while another process writes or from a folder that cannot
/// be written to.
@Suite("The database file, with a real `tunet serve` beside it")
struct DatabaseFileTests {
    @Test("Neither `demo --replace` nor `restore` touches a database a running service has open: both are refused, naming it")
    func heldByService() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        #expect(try tunet.run("backup", "kopi.sqlite").status == 0)
        let service = try tunet.serving()
        let before = try tunet.databaseSnapshot()
        for arguments in [["demo", "--replace"], ["restore", "kopi.sqlite", "--yes"]] {
            let refused = try tunet.run(arguments)
            #expect(refused.status == 75, "\(arguments): \(refused.stderr)")
            #expect(refused.stderr.contains("is open in another process (tunet serve --port 0, pid \(service.process.id))"),
                    "\(refused.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: tunet.databasePath))
        #expect(try tunet.databaseSnapshot() == before)
        _ = try service.stop()
        let restored = try tunet.run("restore", "kopi.sqlite", "--yes")
        #expect(restored.status == 0, "\(restored.stderr)")
    }

    @Test("A restore keeps the revocations made since the backup and names each acknowledged submission the backup lacks")
    func restoreKeepsRevocations() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let today = AttendanceCommandTests.today
        #expect(try tunet.run(["token", "issue", "--provider", "974760673", "--label", "Lia-kontoret"], environment: today).status == 0)
        #expect(try tunet.run(["backup", "kopi.sqlite"], environment: today).status == 0)
        #expect(try tunet.run(["token", "revoke", "1"], environment: today).status == 0)
        #expect(try tunet.run(["attendance", "import", TunetProcess.example("attendance-excel-semicolon.csv")], environment: today).status == 0)

        let restored = try tunet.run(["restore", "kopi.sqlite", "--yes"], environment: today)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("1 token revoked since the backup was taken stays revoked (the current revocations are kept): 1 (Lia-kontoret)."),
                "\(restored.stdout)")
        #expect(restored.stdout.contains("1 acknowledged submission is not in the backup; ask the farms to send it again:"))
        #expect(restored.stdout.contains("no. 1: Lia gård (974760673), received"))
        let tokens = try tunet.json(try tunet.run(["token", "list", "--json"], environment: today)) as? [[String: Any]]
        #expect(tokens?.first?["revoked_at"] is String)
        let json = try tunet.json(try tunet.run(["restore", "kopi.sqlite", "--yes", "--json"], environment: today)) as? [String: Any]
        // Restored once more from the same backup, the token revoked since it is revoked again.
        #expect((json?["revocations_kept"] as? [Any])?.count == 1)
        #expect(json?["providers"] as? Int == 2)
    }

    @Test("Erasure with the service running leaves the name in none of the database's files (db, -wal, -shm), not even in their free pages")
    func erasureLeavesNoTrace() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let today = AttendanceCommandTests.today
        let name = "Ingrid Fjellheim"
        for arguments in [
            ["team", "add", "--name", "Arbeidslaget", "--municipality", "3303", "--owner", "Kommunedirektør"],
            ["placement", "add", "--agreement", "2026/9", "--provider", "923609016", "--participant", "P-2026-0300", "--kind", "dementia",
             "--municipality", "3303", "--weekdays", "wed", "--start", "2026-05-01", "--end", "2026-06-30", "--decision", "HO-3",
             "--name", name],
            ["task", "add", "--title", "Ring \(name) om transport", "--sector", "health_and_care", "--link", "placement:4"],
            ["task", "comment", "1", "--text", "\(name) ønsker hest"],
            ["placement", "followup", "add", "4", "--date", "2026-05-06", "--roles", "participant", "--wishes", "\(name) liker kyr"],
            ["placement", "cancel", "4", "--reason", "\(name) flyttet"],
        ] {
            let result = try tunet.run(arguments, environment: today)
            #expect(result.status == 0, "\(arguments.prefix(2)): \(result.stderr)")
        }
        // SQLite as Debian builds it overwrites what it deletes (secure_delete); other builds leave it in the
        // file's free pages, where only rebuilding the file clears it. Leave copies of the name there as they do.
        let other = try DatabaseQueue(path: tunet.databasePath)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = OFF")
            try db.execute(sql: "CREATE TABLE leftover (text TEXT)")
            try db.execute(sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) INSERT INTO leftover SELECT ? FROM n",
                           arguments: [name])
            try db.execute(sql: "DROP TABLE leftover")
        }
        try other.close()
        #expect(try tunet.databaseFiles().contains { $0.0 == "tunet.sqlite" && $0.1.contains(name) })
        let service = try tunet.serving(environment: today)
        let erased = try tunet.run(["privacy", "erase", "--participant", "P-2026-0300", "--yes"], environment: today)
        #expect(erased.status == 0, "\(erased.stderr)")
        #expect(erased.stdout.contains("Typed titles and comments erased in 1 task linked to the placements."))
        #expect(erased.stdout.contains("write-ahead log emptied"), "\(erased.stdout)")
        for (file, text) in try tunet.databaseFiles() { #expect(!text.contains("Fjellheim"), "the name is in \(file)") }
        _ = try service.stop()
        for (file, text) in try tunet.databaseFiles() { #expect(!text.contains("Fjellheim"), "the name is in \(file) after the service stopped") }
        let task = try tunet.run(["task", "show", "1"], environment: today)
        #expect(task.status == 0 && task.stdout.contains("[erased]"))
    }

    @Test("An export onto a hard link to the database is refused and the database is whole; an existing file only with --force")
    func exportChecksTheFileItself() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let link = tunet.folder.appendingPathComponent("rapport.xlsx").path
        #expect(Foundation.link(tunet.databasePath, link) == 0)
        for arguments in [["export", "providers", "-o", "rapport.xlsx", "--force"], ["backup", "rapport.xlsx", "--force"]] {
            let refused = try tunet.run(arguments)
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("it is the database itself"), "\(refused.stderr)")
        }
        #expect(try tunet.run("provider", "list").status == 0)
        try Data("keep".utf8).write(to: tunet.folder.appendingPathComponent("gammel.xlsx"))
        let kept = try tunet.run(["export", "providers", "-o", "gammel.xlsx"], environment: ["TUNET_LANG": "nb"])
        #expect(kept.status != 0)
        #expect(kept.stderr.contains("Kan ikke skrive «gammel.xlsx»: det finnes allerede en fil der; Tunet overskriver den ikke uten --force"), "\(kept.stderr)")
        #expect(try Data(contentsOf: tunet.folder.appendingPathComponent("gammel.xlsx")) == Data("keep".utf8))
        #expect(try tunet.run("export", "providers", "-o", "gammel.xlsx", "--force").status == 0)
        #expect(try tunet.run("backup", "kopi.sqlite").status == 0)
        #expect(try tunet.run("backup", "kopi.sqlite").status != 0)
        #expect(try tunet.run("backup", "kopi.sqlite", "--force").status == 0)
    }

    @Test("A backup through a link that points nowhere and a restore from a folder are refused, saying what is wrong")
    func wrongBackupPaths() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        try FileManager.default.createSymbolicLink(atPath: tunet.folder.appendingPathComponent("kopi.sqlite").path, withDestinationPath: "borte.sqlite")
        let linked = try tunet.run("backup", "kopi.sqlite")
        #expect(linked.status != 0)
        #expect(linked.stderr.contains("symbolic link"), "\(linked.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tunet.folder.appendingPathComponent("borte.sqlite").path))
        try FileManager.default.createDirectory(at: tunet.folder.appendingPathComponent("mappe"), withIntermediateDirectories: false)
        let folder = try tunet.run("restore", "mappe", "--yes")
        #expect(folder.status != 0)
        #expect(folder.stderr.contains("'mappe' is a folder, not a Tunet backup"), "\(folder.stderr)")
        #expect(!folder.stderr.contains("Internal error"))
    }

    @Test("A command that reads works while another process holds a write transaction, and an empty file is not made a database")
    func readsBesideAWriter() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let writer = try DatabaseQueue(path: tunet.databasePath)
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE provider SET name = name")
            let list = try tunet.run(["provider", "list"], environment: ["TUNET_BUSY_TIMEOUT": "1"])
            #expect(list.status == 0, "\(list.stderr)")
            #expect(list.stdout.contains("Lia gård"))
            try db.execute(sql: "ROLLBACK")
        }
        try writer.close()

        let empty = try TunetProcess()
        try Data().write(to: URL(fileURLWithPath: empty.databasePath))
        let refused = try empty.run("provider", "list")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("is an empty file, not a Tunet database"), "\(refused.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: empty.databasePath)[.size] as? Int == 0)
    }

    @Test("A database in a folder the user cannot write to is read as it is", .enabled(if: getuid() == 0))
    func readOnlyFolder() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        #expect(chmod(tunet.folder.path, 0o555) == 0)
        defer { chmod(tunet.folder.path, 0o755) }
        // Run as an ordinary user, for whom the folder is read-only (root may write anywhere).
        let list = try tunet.run(["provider", "list"], environment: ["TUNET_SETPRIV": "nobody"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("Lia gård"))
    }
}

extension TunetProcess {
    /// `tunet serve` on a free port, handed back once it listens.
    func serving(environment: [String: String] = [:]) throws -> Running {
        let running = try start(["serve", "--port", "0"], environment: environment)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOf: running.output, encoding: .utf8), text.contains("http://") { return running }
            usleep(50_000)
        }
        running.kill()
        throw Failure(message: "tunet serve did not start")
    }

    /// Every file of the database (the file, its write-ahead log and shared memory, any journal), as text.
    func databaseFiles() throws -> [(String, String)] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("tunet.sqlite") }.sorted().map {
            ($0, String(decoding: try Data(contentsOf: folder.appendingPathComponent($0)), as: UTF8.self))
        }
    }
}

extension TunetProcess.Running {
    /// SIGTERM, as an operator stops the service, then waits for it to end.
    func stop() throws -> TunetProcess.Result {
        process.signal(SIGTERM)
        return try wait()
    }
}
