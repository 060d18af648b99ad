import Foundation
import Testing

@Suite("tunet kpi import with Statistics Norway's real downloads of table 03013")
struct KPIImportCommandTests {
    func importJSON(_ tunet: TunetProcess, _ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let result = try tunet.run("kpi", "import", file, "--json")
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        return try #require(try tunet.json(result) as? [String: Any], sourceLocation: sourceLocation)
    }

    func leftOut(_ report: [String: Any]) -> [String] {
        (report["left_out"] as? [[String: Any]] ?? []).map { group in
            "\(group["reason"] ?? ""): \((group["rows"] as? [Int] ?? []).map(String.init).joined(separator: ","))"
        }
    }

    @Test("Long layout with konsumgruppe (Windows-1252): 7 months, row 11 ('..') left out, the source lines skipped")
    func longWithConsumerGroup() throws {
        let tunet = try TunetProcess()
        let report = try importJSON(tunet, TunetProcess.example("kpi-03013.csv"))
        #expect(report["layout"] as? String == "long")
        #expect(report["months"] as? Int == 7)
        #expect(report["skipped"] as? Int == 1)
        #expect(leftOut(report) == ["not_available: 11"])
        #expect(report["months_without_value"] as? [String] == ["2026M11"])
        #expect(report["other_variables"] as? [String] == [])
        let list = try tunet.json(try tunet.run("kpi", "list", "--json")) as? [[String: Any]]
        #expect(list?.count == 7)
        #expect(list?.last?["month"] as? String == "2026M10" && list?.last?["index"] as? String == "143.2")
    }

    @Test("Long layout with a statistikkvariabel column (UTF-8 with BOM): 3 months, 9 rows left out, no month given twice")
    func longWithVariableRows() throws {
        let tunet = try TunetProcess()
        let result = try tunet.run("kpi", "import", TunetProcess.example("kpi-03013-long-variable-rows.csv"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Imported 3 months of the all-item index from kpi-03013-long-variable-rows.csv (long layout): 3 new, 0 changed, 0 unchanged."))
        #expect(result.stdout.contains("Statistic variables left out (only the index is read): Månedsendring (prosent), 12-måneders endring (prosent)."))
        #expect(result.stdout.contains("9 rows left out:"))
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("Rows Why What they held"))
        #expect(lines.contains("5–6, 8–9, 11–12, 14–15 another statistic variable than the index Månedsendring (prosent), 12-måneders endring (prosent)"))
        #expect(lines.contains("13 '..' not available (not yet published) 2026M11"))
        let again = try importJSON(tunet, TunetProcess.example("kpi-03013-long-variable-rows.csv"))
        #expect(again["months"] as? Int == 3 && again["unchanged"] as? Int == 3)
        #expect(again["skipped"] as? Int == 9)
        #expect(leftOut(again) == ["other_statistic_variable: 5,6,8,9,11,12,14,15", "not_available: 13"])
    }

    @Test("Long layout without konsumgruppe, a column per variable (Windows-1252): 13 months, row 17 left out")
    func longWithVariableColumns() throws {
        let tunet = try TunetProcess()
        let report = try importJSON(tunet, TunetProcess.example("kpi-03013-long-variable-columns.csv"))
        #expect(report["months"] as? Int == 13)
        #expect(report["skipped"] as? Int == 1)
        #expect(leftOut(report) == ["not_available: 17"])
        #expect(report["other_variables"] as? [String] == ["Månedsendring (prosent)", "12-måneders endring (prosent)"])
    }

    @Test("Wide layout with three variables (UTF-8 with BOM): 3 months, 2 rows of other consumer groups left out, 2026M11 without a value")
    func wide() throws {
        let tunet = try TunetProcess()
        let report = try importJSON(tunet, TunetProcess.example("kpi-03013-wide.csv"))
        #expect(report["layout"] as? String == "wide")
        #expect(report["months"] as? Int == 3)
        #expect(report["new"] as? [String] == ["2026M08", "2026M09", "2026M10"])
        #expect(report["skipped"] as? Int == 2)
        #expect(leftOut(report) == ["other_consumer_group: 5,6"])
        #expect(report["months_without_value"] as? [String] == ["2026M11"])
        #expect(report["other_variables"] as? [String] == ["Månedsendring (prosent)", "12-måneders endring (prosent)"])
        let table = try tunet.run("kpi", "import", TunetProcess.example("kpi-03013-wide.csv"), "--dry-run")
        #expect(table.stdout.contains("Would import 3 months of the all-item index from kpi-03013-wide.csv (wide layout): 0 new, 0 changed, 3 unchanged."))
        #expect(table.stdout.contains("Months without a published value: 2026M11."))
        #expect(table.stdout.contains("2 rows left out:"))
    }

    func expectRefusal(_ text: String, message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("kpi", "import", TunetProcess.example("kpi-03013.csv")).status == 0, sourceLocation: sourceLocation)
        let before = try tunet.databaseSnapshot()
        let file = try tunet.write("03013.csv", text)
        let result = try tunet.run("kpi", "import", file)
        #expect(result.status == 65, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try tunet.databaseSnapshot() == before, "the database changed", sourceLocation: sourceLocation)
    }

    @Test("A month twice with different index values and a month in an unknown form are errors naming the row; nothing changes")
    func realErrors() throws {
        try expectRefusal("""
            "konsumgruppe";"måned";"statistikkvariabel";"03013: Konsumprisindeks, etter konsumgruppe, måned og statistikkvariabel"
            "Totalindeks";"2026M10";"Konsumprisindeks (2015=100)";143.2
            "Totalindeks";"2026M10";"Månedsendring (prosent)";0.3
            "Totalindeks";"2026M11";"Konsumprisindeks (2015=100)";143.5
            "Totalindeks";"2026M10";"Konsumprisindeks (2015=100)";143.4
            """, message: "row 5, 03013: Konsumprisindeks, etter konsumgruppe, måned og statistikkvariabel: 2026M10 is also given on row 2 with 143.2")
        try expectRefusal("""
            "måned";"Konsumprisindeks (2015=100)";"Månedsendring (prosent)"
            "2026M11";143.5;0.2
            "nov. 2026";143.5;0.2
            """, message: "row 3, måned: 'nov. 2026' is not a month; write 2026M10 or 2026-10")
    }
}
