import Foundation
import GRDB
import Testing

@Suite("Free text kept clean: refused with control characters where typed, printed clean where stored earlier")
struct StoredTextCommandTests {
    @Test("task comment, placement followup --wishes and pilot measure --source refuse control characters; a --source over 500 characters is refused; nothing changes")
    func typedTextRefused() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let measure = ["pilot", "measure", "add", "1", "--municipality", "1866", "--from", "2026-01-01", "--to", "2026-06-30",
                       "--name", "good_mood", "--value", "50", "--unit", "percent", "--n", "5", "--source"]
        let refusals: [([String], String)] = [
            (["task", "comment", "1", "--text", "Ringt\u{1B}[2J gården"], "text: contains a control character"),
            (["placement", "followup", "add", "1", "--date", "2026-11-20", "--roles", "participant", "--wishes", "Vil\r\nstelle hester"],
             "wishes: contains a control character"),
            (measure + ["Observasjon\u{1B}[31m"], "source: contains a control character"),
            (measure + [String(repeating: "s", count: 501)], "source: is 501 characters long; at most 500 are allowed"),
        ]
        for (arguments, message) in refusals {
            let before = try tunet.databaseSnapshot()
            let result = try tunet.run(arguments)
            #expect(result.status == 65, "\(arguments.prefix(3)): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments.prefix(3)): \(result.stderr)")
            #expect(!result.stderr.contains("\u{1B}"), "the refusal echoes no control character")
            #expect(try tunet.databaseSnapshot() == before, "\(arguments.prefix(3)) changed the database")
        }
        #expect(try tunet.run(measure + [String(repeating: "s", count: 500)]).status == 0, "500 characters are allowed")
    }

    @Test("attendance submissions prints a file name stored before names were cleaned without its ESC, CR or LF")
    func storedNamePrintedClean() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let imported = try tunet.run(["attendance", "import", TunetProcess.example("attendance-excel-semicolon.csv")],
                                     environment: AttendanceCommandTests.today)
        #expect(imported.status == 0, "\(imported.stderr)")
        let database = try DatabaseQueue(path: tunet.databasePath)
        try database.write { db in
            try db.execute(sql: "UPDATE attendance_submission SET file_name = ?", arguments: ["mai\u{1B}[2J\u{1B}[31m\r\n99  forfalsket linje\u{7}.csv"])
        }
        try database.close()
        let listed = try tunet.run(["attendance", "submissions", "--provider", "974760673"], environment: AttendanceCommandTests.today)
        #expect(listed.status == 0, "\(listed.stderr)")
        for control in ["\u{1B}", "\r", "\u{7}"] { #expect(!listed.stdout.contains(control)) }
        #expect(listed.stdout.contains("mai [2J [31m  99  forfalsket linje .csv"), "\(listed.stdout)")
        #expect(listed.stdout.split(separator: "\n").count == 3, "a header, a rule and one submission: no forged line")
    }
}
