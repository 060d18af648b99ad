import Foundation
import Testing

/// May 2026 at Lia gård (AttendanceCommandTests' case): the template has 10 planned participant-days,
/// 4 May M, 6 May M, 7 May M, 11 May FU, 13 May, 18 May, 20 May, 21 May, 27 May and 28 May, by date.
/// The farm fills in the first four and sends it: a partial report.
@Suite("A partly filled template is a partial report, not an error")
struct PartialReportTests {
    static let today = AttendanceCommandTests.today
    /// The template in bokmål, whose data sheet is «Oppmøte».
    static let bokmal = today.merging(["TUNET_LANG": "nb"]) { $1 }

    /// Writes the May template and fills in the statuses given by day of month (others left as written),
    /// then `extra` Python lines, and saves it as `name`.
    func filledTemplate(_ tunet: TunetProcess, _ name: String, statuses: [Int: String], extra: String = "") throws -> String {
        let written = try tunet.run(["attendance", "template", "--provider", "974760673", "--month", "2026-05", "-o", "mai.xlsx", "--force"],
                                    environment: Self.bokmal)
        #expect(written.status == 0, "\(written.stderr)")
        let fill = """
            import openpyxl
            wb = openpyxl.load_workbook('mai.xlsx')
            ws = wb['Oppmøte']
            statuses = {\(statuses.map { "\($0.key): '\($0.value)'" }.joined(separator: ", "))}
            for row in ws.iter_rows(min_row=2, max_row=11):
                row[4].value = statuses.get(row[2].value.day)
            \(extra)
            wb.save('\(name)')
            """
        let python = try Python.run(fill, in: tunet.folder)
        #expect(python.status == 0, "\(python.output)")
        return name
    }

    func status(_ tunet: TunetProcess) throws -> [String: Any]? {
        let lines = try tunet.json(try tunet.run(["attendance", "status", "--month", "2026-05", "--json"], environment: Self.today)) as? [[String: Any]]
        return lines?.first { $0["provider_organisation_number"] as? String == "974760673" }
    }

    @Test("4 of 10 planned days filled in: 4 stored, 6 left empty, and attendance status shows 6 missing")
    func partialTemplate() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let file = try filledTemplate(tunet, "mai-delvis.xlsx", statuses: [4: "M", 6: "M", 7: "M", 11: "FU"])
        let imported = try tunet.run(["attendance", "import", file], environment: Self.today)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 4 rows from mai-delvis.xlsx for 974760673 (May 2026): 4 new, 0 changed, 0 unchanged."))
        #expect(imported.stdout.contains("6 rows were left empty (no status): those days are not reported and count as missing."))
        let lia = try #require(try status(tunet))
        #expect(lia["planned_days"] as? Int == 10)
        #expect(lia["reported_days"] as? Int == 4)
        #expect(lia["missing_days"] as? Int == 6)
        let basis = try tunet.json(try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-05", "--json"],
                                                 environment: Self.today)) as? [String: Any]
        #expect(basis?["complete"] as? Bool == false)
        // 4 May 1 500,00, 6 May 1 000,00, 7 May 1 500,00, 11 May 1 000,00.
        #expect(basis?["total_ore"] as? Int == 500_000)
        let submissions = try tunet.json(try tunet.run("attendance", "submissions", "--json")) as? [[String: Any]]
        #expect(submissions?.map { $0["rows"] as? Int } == [4])

        // The rest of the month later: the six days come in as new, and nothing is missing.
        let rest = try filledTemplate(tunet, "mai-resten.xlsx", statuses: [4: "M", 6: "M", 7: "M", 11: "FU", 13: "M", 18: "M", 20: "FU",
                                                                           21: "FM", 27: "M", 28: "AT"])
        let completed = try tunet.json(try tunet.run(["attendance", "import", rest, "--json"], environment: Self.today)) as? [String: Any]
        #expect(completed?["new"] as? Int == 6)
        #expect(completed?["unchanged"] as? Int == 4)
        #expect(completed?["rows_left_empty"] as? Int == 0)
        #expect(try status(tunet)?["missing_days"] as? Int == 0)
    }

    @Test("--json counts rows_left_empty; a CSV with rows that stop after the date is read the same way; a dry run stores nothing")
    func jsonAndCSV() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let csv = try tunet.write("mai.csv", """
            orgnr;deltaker;dato;status;timer;turer
            974760673;P-2026-0101;04.05.2026;M;5;
            974760673;P-2026-0101;07.05.2026;;;
            974760673;P-2026-0102;06.05.2026;M;;
            974760673;P-2026-0101;11.05.2026
            974760673;P-2026-0102;13.05.2026;  ;;

            """)
        let before = try tunet.databaseSnapshot()
        let dry = try tunet.json(try tunet.run(["attendance", "import", csv, "--dry-run", "--json"], environment: Self.today)) as? [String: Any]
        #expect(dry?["rows"] as? Int == 2)
        #expect(dry?["rows_left_empty"] as? Int == 3)
        #expect(try tunet.databaseSnapshot() == before)
        let report = try tunet.json(try tunet.run(["attendance", "import", csv, "--json"], environment: Self.today)) as? [String: Any]
        #expect(report?["rows"] as? Int == 2)
        #expect(report?["new"] as? Int == 2)
        #expect(report?["rows_left_empty"] as? Int == 3)
        #expect(try status(tunet)?["missing_days"] as? Int == 8)
        // The same file again is not read: nothing to count.
        let again = try tunet.json(try tunet.run(["attendance", "import", csv, "--json"], environment: Self.today)) as? [String: Any]
        #expect(again?["identical_to_submission"] as? Int == 1)
        #expect(again?["rows_left_empty"] is NSNull)
    }

    @Test("A row with hours or trips but no status is still refused, naming the row and what it has; nothing is stored")
    func halfFilledRow() throws {
        let tunet = try AttendanceCommandTests().prepared()
        // Row 3 is 6 May: hours without a status; row 5 is 11 May: trips without a status.
        let file = try filledTemplate(tunet, "mai-halvt.xlsx", statuses: [4: "M"], extra: "ws['F3'] = 5\nws['G5'] = 2")
        let before = try tunet.databaseSnapshot()
        let result = try tunet.run(["attendance", "import", file, "--json"], environment: Self.today)
        #expect(result.status == 65)
        let problems = try #require((try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])?["problems"] as? [[String: Any]])
        #expect(problems.map { $0["row"] as? Int } == [3, 5])
        #expect(problems.map { $0["field"] as? String } == ["status", "status"])
        #expect(problems.first?["reason"] as? String
            == "the status is missing, but the row has hours filled in; use M (møtt), FM (fravær meldt), FU (fravær umeldt) or AT (avlyst av tilbyder), or empty the row to leave the day unreported")
        #expect((problems.last?["reason"] as? String)?.contains("the row has transport_trips filled in") == true)
        #expect(try tunet.databaseSnapshot() == before)
    }

    @Test("A template sent back with no status at all is refused: nothing was reported, nothing is changed")
    func nothingFilled() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let file = try filledTemplate(tunet, "mai-tom.xlsx", statuses: [:])
        let before = try tunet.databaseSnapshot()
        let result = try tunet.run(["attendance", "import", file], environment: Self.today)
        #expect(result.status == 65)
        #expect(result.stderr.contains("no row has a status: all 10 rows were left empty, so the file reports nothing and nothing was changed"))
        #expect(try tunet.databaseSnapshot() == before)
        #expect(try status(tunet)?["missing_days"] as? Int == 10)
    }

    @Test("The template's instructions say that rows left without a status are not reported")
    func instructions() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let written = try tunet.run(["attendance", "template", "--provider", "974760673", "--month", "2026-05", "-o", "mai.xlsx"],
                                    environment: Self.bokmal)
        #expect(written.status == 0, "\(written.stderr)")
        let read = try Python.run("""
            import openpyxl
            ws = openpyxl.load_workbook('mai.xlsx')['Veiledning']
            print('\\n'.join(str(c.value) for c in ws['A'] if c.value))
            """, in: tunet.folder)
        #expect(read.status == 0, "\(read.output)")
        #expect(read.output.contains("En rad uten oppmøte, der heller ikke timer, turer eller ekstra er fylt ut, regnes som ikke rapportert"))
        #expect(read.output.contains("En rad med timer, turer eller ekstra, men uten oppmøte, er en feil."))
    }
}
