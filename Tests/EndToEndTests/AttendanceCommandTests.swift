import Foundation
import Testing

/// The case the example files belong to (Contracts/attendance-file.md), checked by hand:
///
/// Lia gård bills 1 000,00 a day and 250,00 a trip until 14 May 2026; the KPI clause (base 2025M04 = 120.0,
/// April's index, from 15 May) with 2026M04 = 126.0 makes that 1 050,00 and 262,50 from 15 May.
/// Absence without notice is billed (bill_unannounced_absence).
///
/// May 2026, P-2026-0101 (dementia, Mon/Thu, transport): planned 4, 7, 11, 18, 21, 28 May; not 14 May
/// (Ascension Day) nor 25 May (Whit Monday).
///   4 M   1 000,00 + 2 × 250,00   = 1 500,00
///   7 M   1 000,00 + 2 × 250,00   = 1 500,00
///  11 FU  1 000,00 (no transport) = 1 000,00
///  18 M   1 050,00 + 2 × 262,50   = 1 575,00
///  21 FM  not billed
///  28 AT  not billed              → 5 575,00 (days 4 050,00, transport 1 525,00)
/// P-2026-0102 (pupil, Wed): 6 M 1 000,00, 13 M 1 000,00, 20 FU 1 050,00, 27 M 1 050,00 → 4 100,00
/// May total: 9 675,00.
@Suite("tunet attendance and tunet invoice, run as a user runs them")
struct AttendanceCommandTests {
    static let today = ["TUNET_TODAY": "2026-06-10"]

    func prepared() throws -> TunetProcess {
        let tunet = try TunetProcess()
        let setup: [[String]] = [
            ["provider", "add", "--org", "974760673", "--name", "Lia gård", "--municipality", "3303", "--target-groups", "pupils,dementia",
             "--places-per-day", "4", "--open-weekdays", "mon-fri", "--approval-date", "2025-06-01", "--police-certificate", "2025-06-01"],
            ["provider", "add", "--org", "923609016", "--name", "Haugen gård", "--municipality", "3303", "--target-groups", "dementia",
             "--places-per-day", "4", "--open-weekdays", "mon-fri", "--approval-date", "2025-06-01"],
            ["agreement", "add", "--reference", "2026/9", "--title", "IPT Kongsberg", "--municipality", "3303", "--provider", "974760673",
             "--provider", "923609016", "--target-groups", "pupils,dementia", "--start", "2026-01-01", "--end", "2027-12-31",
             "--estimated-value", "500000", "--maximum-value", "500000", "--call-off", "direct", "--absence-rule", "bill_unannounced_absence",
             "--price", "974760673:full_day:day:1000", "--price", "974760673:transport:trip:250", "--price", "923609016:full_day:day:900",
             "--kpi-base", "2025M04", "--kpi-month", "4", "--kpi-effective-month", "5", "--kpi-effective-day", "15"],
            ["kpi", "set", "2025M04", "120.0"],
            ["kpi", "set", "2026M04", "126.0"],
            ["agreement", "adjust-prices", "--year", "2026"],
            ["placement", "add", "--agreement", "2026/9", "--provider", "974760673", "--participant", "P-2026-0101", "--kind", "dementia",
             "--municipality", "3303", "--weekdays", "mon,thu", "--start", "2026-05-01", "--end", "2026-06-30", "--decision", "HO-1", "--transport"],
            ["placement", "add", "--agreement", "2026/9", "--provider", "974760673", "--participant", "P-2026-0102", "--kind", "pupil",
             "--municipality", "3303", "--weekdays", "wed", "--start", "2026-05-01", "--end", "2026-06-19", "--school", "Kongsberg skole", "--grade", "4"],
            ["placement", "add", "--agreement", "2026/9", "--provider", "923609016", "--participant", "P-2026-0200", "--kind", "dementia",
             "--municipality", "3303", "--weekdays", "tue", "--start", "2026-05-01", "--end", "2026-06-30", "--decision", "HO-2"],
        ]
        for arguments in setup {
            let result = try tunet.run(arguments, environment: Self.today)
            #expect(result.status == 0, "\(arguments.prefix(2)): \(result.stderr)")
        }
        return tunet
    }

    func importing(_ tunet: TunetProcess, _ file: String, _ extra: [String] = []) throws -> TunetProcess.Result {
        try tunet.run(["attendance", "import", file] + extra, environment: Self.today)
    }

    @Test("The May file imports and the invoice basis matches the hand calculation to the øre")
    func invoiceByHand() throws {
        let tunet = try prepared()
        let imported = try importing(tunet, TunetProcess.example("attendance-excel-semicolon.csv"))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 10 rows from attendance-excel-semicolon.csv for 974760673 (May 2026): 10 new, 0 changed, 0 unchanged."))
        let basis = try tunet.json(try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-05", "--json"], environment: Self.today)) as? [String: Any]
        #expect(basis?["total_ore"] as? Int == 967_500)
        #expect(basis?["complete"] as? Bool == true)
        let lines = basis?["lines"] as? [[String: Any]]
        let dementia = try #require(lines?.first { $0["participant"] as? String == "P-2026-0101" })
        #expect(dementia["planned_days"] as? Int == 6)
        #expect(dementia["billable_days"] as? Int == 4)
        #expect(dementia["day_amount_ore"] as? Int == 405_000)
        #expect(dementia["transport_trips"] as? Int == 6)
        #expect(dementia["transport_amount_ore"] as? Int == 152_500)
        #expect(dementia["total"] as? Int == 557_500)
        let pupil = try #require(lines?.first { $0["participant"] as? String == "P-2026-0102" })
        #expect(pupil["total"] as? Int == 410_000)
        let table = try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-05"], environment: Self.today)
        #expect(table.stdout.contains("Total: NOK 9,675.00 (days 8,150.00, transport 1,525.00)"))

        // Billed amounts are spent; the planned cost of the reported days leaves committed.
        let consumption = try tunet.json(try tunet.run(["agreement", "consumption", "2026/9", "--json"], environment: Self.today)) as? [[String: Any]]
        let use = consumption?.first?["consumption"] as? [String: Any]
        #expect(use?["spent_ore"] as? Int == 967_500)
    }

    @Test("The same file again changes nothing; a correcting file replaces only its days and the audit keeps the old value")
    func idempotentAndSuperseding() throws {
        let tunet = try prepared()
        #expect(try importing(tunet, TunetProcess.example("attendance-excel-semicolon.csv")).status == 0)
        let before = try tunet.databaseSnapshot()
        let again = try importing(tunet, TunetProcess.example("attendance-excel-semicolon.csv"))
        #expect(again.status == 0)
        #expect(again.stdout.contains("is identical to submission 1 (same content); nothing was changed."))
        #expect(try tunet.databaseSnapshot() == before)

        let correction = try tunet.write("rettelse.csv", "orgnr;deltaker;dato;status;timer\n974760673;P-2026-0101;11.05.2026;FM;\n974760673;P-2026-0101;04.05.2026;M;5\n")
        let corrected = try importing(tunet, correction)
        #expect(corrected.status == 0, "\(corrected.stderr)")
        #expect(corrected.stdout.contains("0 new, 1 changed, 1 unchanged"))
        let basis = try tunet.json(try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-05", "--json"], environment: Self.today)) as? [String: Any]
        #expect(basis?["total_ore"] as? Int == 867_500)   // 11 May is no longer billed
        let audit = try tunet.run("audit", "--entity", "attendance_submission", "--json")
        #expect(audit.stdout.contains("absent_without_notice"))   // the replaced value is kept
        let submissions = try tunet.json(try tunet.run("attendance", "submissions", "--json")) as? [[String: Any]]
        #expect(submissions?.map { $0["file_name"] as? String } == ["attendance-excel-semicolon.csv", "rettelse.csv"])
        #expect((submissions?.last?["content_hash"] as? String)?.count == 64)
    }

    @Test("Every kind of bad row is reported with row, column and reason, and nothing is stored")
    func badRows() throws {
        let tunet = try prepared()
        let before = try tunet.databaseSnapshot()
        let result = try importing(tunet, TunetProcess.example("attendance-with-errors.csv"), ["--provider", "974760673", "--json"])
        #expect(result.status == 65)
        let document = try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any]
        let problems = try #require(document?["problems"] as? [[String: Any]])
        let found = problems.map { "\($0["row"] as? Int ?? 0) \($0["field"] as? String ?? ""): \($0["reason"] as? String ?? "")" }
        let expected: [(Int, String, String)] = [
            (3, "participant", "unknown participant code P-2026-9999"),
            (4, "date", "P-2026-0101 is not placed with this farm on 2026-04-30"),
            (5, "date", "2026-05-09 is not a planned day for P-2026-0101 (a weekend)"),
            (6, "extra_day", "agreement 2026/9 does not allow extra days"),
            (7, "date", "P-2026-0101 on 2026-05-04 is also on row 2"),
            (8, "status", "'X' is not a status"),
            (9, "hours", "hours must be a number from 0 to 12"),
            (10, "date", "the date is in the future"),
            (10, "date", "P-2026-0102 is not placed with this farm on 2026-06-24"),
            (11, "organisation_number", "the row names farm 923609016, but the file is submitted by 974760673"),
        ]
        for (row, field, reason) in expected {
            #expect(found.contains { $0.hasPrefix("\(row) \(field): ") && $0.contains(reason) }, "missing: \(row) \(field) \(reason)\n\(found)")
        }
        #expect(problems.count == expected.count)
        #expect(try tunet.databaseSnapshot() == before)
        // The work team may learn that a code belongs to another farm.
        let elsewhere = try tunet.write("andre.csv", "orgnr;deltaker;dato;status\n974760673;P-2026-0200;05.05.2026;M\n")
        #expect(try importing(tunet, elsewhere).stderr.contains("P-2026-0200 is not placed with 974760673"))
    }

    @Test("Without --provider, one file may carry several farms' rows: each farm gets its own submission, all or nothing")
    func severalFarms() throws {
        let tunet = try prepared()
        let both = try tunet.write("kommunen-mai.csv", """
            orgnr;deltaker;dato;status;timer
            974760673;P-2026-0101;04.05.2026;M;5
            923609016;P-2026-0200;05.05.2026;M;4
            974760673;P-2026-0102;06.05.2026;M;5
            923609016;P-2026-0200;12.05.2026;FM;

            """)
        let broken = try tunet.write("kommunen-feil.csv", """
            orgnr;deltaker;dato;status
            974760673;P-2026-0101;04.05.2026;M
            ;P-2026-0200;05.05.2026;M
            971526157;P-2026-0200;12.05.2026;M
            923609016;P-2026-0101;07.05.2026;M

            """)
        let before = try tunet.databaseSnapshot()
        let refused = try importing(tunet, broken, ["--json"])
        #expect(refused.status == 65)
        let problems = try #require((try JSONSerialization.jsonObject(with: Data(refused.stderr.utf8)) as? [String: Any])?["problems"] as? [[String: Any]])
        #expect(problems.map { $0["row"] as? Int } == [3, 4, 5])
        #expect((problems[0]["reason"] as? String)?.contains("the row names no farm") == true)
        #expect((problems[1]["reason"] as? String)?.contains("no farm with organisation number 971526157 is registered") == true)
        #expect((problems[2]["reason"] as? String)?.contains("P-2026-0101 is not placed with 923609016") == true)
        #expect(try tunet.databaseSnapshot() == before)

        let imported = try importing(tunet, both)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 4 rows from kommunen-mai.csv for 2 farms (May 2026): 4 new, 0 changed, 0 unchanged."))
        let submissions = try tunet.json(try tunet.run("attendance", "submissions", "--json")) as? [[String: Any]]
        #expect(submissions?.map { $0["provider_organisation_number"] as? String } == ["974760673", "923609016"])
        #expect(submissions?.map { $0["rows"] as? Int } == [2, 2])
        let again = try tunet.json(try importing(tunet, both, ["--json"])) as? [String: Any]
        #expect(again?["identical_to_submission"] as? Int == 1)
        #expect(again?["provider_organisation_numbers"] as? [String] == ["974760673", "923609016"])
        // With --provider the file is that farm's alone, and the other farm's rows are refused.
        let asLia = try importing(tunet, try tunet.write("kopi.csv", try String(contentsOfFile: both, encoding: .utf8) + "\n"), ["--provider", "974760673"])
        #expect(asLia.status == 65)
        #expect(asLia.stderr.contains("the row names farm 923609016, but the file is submitted by 974760673"))
    }

    @Test("UTF-8 with BOM and reported trips; reconciliation counts planned, reported and missing days")
    func juneAndStatus() throws {
        let tunet = try prepared()
        #expect(try importing(tunet, TunetProcess.example("attendance-excel-semicolon.csv")).status == 0)
        let june = try importing(tunet, TunetProcess.example("attendance-utf8-bom.csv"))
        #expect(june.status == 0, "\(june.stderr)")
        let basis = try tunet.json(try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-06", "--json"], environment: Self.today)) as? [String: Any]
        // 1 Jun M 2 trips 1 050 + 525; 4 Jun M 1 trip 1 050 + 262,50; 8 Jun FU 1 050; 3 Jun M 1 050; 10 Jun FM 0 → 4 987,50.
        #expect(basis?["total_ore"] as? Int == 498_750)
        #expect(basis?["complete"] as? Bool == true)
        let status = try tunet.json(try tunet.run(["attendance", "status", "--month", "2026-05", "--json"], environment: Self.today)) as? [[String: Any]]
        let lia = try #require(status?.first { $0["provider_organisation_number"] as? String == "974760673" })
        #expect(lia["planned_days"] as? Int == 10)
        #expect(lia["reported_days"] as? Int == 10)
        #expect(lia["present_days"] as? Int == 6)
        #expect(lia["attendance_rate_percent"] as? Double == 66.7)   // 6 of 9 (28 May was cancelled by the farm), rounded half up
        let haugen = try #require(status?.first { $0["provider_organisation_number"] as? String == "923609016" })
        #expect(haugen["missing_days"] as? Int == 4)   // Tuesdays 5, 12, 19, 26 May, none reported
        let incomplete = try tunet.run(["invoice", "basis", "--provider", "923609016", "--month", "2026-05"], environment: Self.today)
        #expect(incomplete.stdout.contains("INCOMPLETE"))
    }

    @Test("A dry run reports and stores nothing; files that are not attendance are refused")
    func dryRunAndBadFiles() throws {
        let tunet = try prepared()
        let before = try tunet.databaseSnapshot()
        let dry = try importing(tunet, TunetProcess.example("attendance-excel-semicolon.csv"), ["--dry-run"])
        #expect(dry.stdout.contains("Would import 10 rows"))
        #expect(try tunet.databaseSnapshot() == before)
        let providers = TunetProcess.example("providers-utf8-bom.csv")
        #expect(try importing(tunet, providers).stderr.contains("is not a known column"))
        #expect(try tunet.databaseSnapshot() == before)
    }
}
