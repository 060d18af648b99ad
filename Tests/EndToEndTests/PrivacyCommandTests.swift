import Foundation
import Testing

@Suite("tunet privacy")
struct PrivacyCommandTests {
    @Test("Erasure removes the name and free text everywhere, also from earlier audit snapshots, and keeps attendance and money")
    func erase() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let today = AttendanceCommandTests.today
        #expect(try tunet.run(["attendance", "import", TunetProcess.example("attendance-excel-semicolon.csv")], environment: today).status == 0)
        #expect(try tunet.run(["placement", "followup", "add", "1", "--date", "2026-06-01", "--roles", "participant,relative",
                               "--wishes", "Vil gjerne stelle hestene", "--next", "2026-09-01"], environment: today).status == 0)
        let report = try tunet.run(["privacy", "report"], environment: today)
        #expect(report.stdout.contains("follow-up texts"))
        let before = try tunet.json(try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-05", "--json"], environment: today)) as? [String: Any]

        #expect(try tunet.run(["privacy", "erase", "--participant", "P-2026-0101"], environment: today).status == 64)
        let erased = try tunet.run(["privacy", "erase", "--participant", "P-2026-0101", "--yes"], environment: today)
        #expect(erased.status == 0, "\(erased.stderr)")
        let snapshot = try tunet.databaseSnapshot()
        #expect(!snapshot.contains("Vil gjerne stelle hestene"))
        #expect(!snapshot.contains("HO-1"))   // the decision reference, in the placement and in its audit history
        let after = try tunet.json(try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-05", "--json"], environment: today)) as? [String: Any]
        #expect(after?["total_ore"] as? Int == before?["total_ore"] as? Int)
        let audit = try tunet.run(["audit", "--entity", "participant", "--json"], environment: today)
        #expect(audit.stdout.contains("erase"))
        #expect(!audit.stdout.contains("hestene"))
        #expect(try tunet.run(["privacy", "erase", "--participant", "P-2026-7777", "--yes"], environment: today).status == 66)
    }

    @Test("Retention lists first and erases only participants whose placements all ended long enough ago")
    func retention() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let later = ["TUNET_TODAY": "2031-07-01"]
        let dry = try tunet.run(["privacy", "retention", "--older-than", "5y"], environment: later)
        #expect(dry.stdout.contains("Would erase 3 participants whose placements ended before 2026-07-01: P-2026-0101, P-2026-0102, P-2026-0200."))
        let norwegian = try tunet.run(["privacy", "retention", "--older-than", "5y"], environment: later.merging(["TUNET_LANG": "nb"]) { $1 })
        #expect(norwegian.stdout.contains("Ville slettet 3 deltakere der alle plasseringene sluttet før 01.07.2026: P-2026-0101, P-2026-0102, P-2026-0200."),
                "\(norwegian.stdout)")
        let none = try tunet.run(["privacy", "retention", "--older-than", "6y", "--yes"], environment: later)
        #expect(none.stdout.contains("Erased nobody: no participant's placements all ended before 2025-07-01."))
        #expect(try tunet.run(["privacy", "retention", "--older-than", "5 years"], environment: later).status == 65)
        let done = try tunet.run(["privacy", "retention", "--older-than", "5y", "--yes"], environment: later)
        #expect(done.stdout.contains("Erased 3 participants whose placements ended before 2026-07-01"))
        #expect(!(try tunet.databaseSnapshot()).contains("HO-1"))
    }
}
