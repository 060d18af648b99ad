import Foundation
import Testing

/// February 2027 at Lia gård, checked by hand: P-2027-0001 (dementia, Monday to Thursday) has 16 planned
/// days (1–25 February, no holidays); the farm reports 15 present and 1 absent with notice, which is not
/// billed. The day price is 1 832,14, so the cost per attended day is 1 832,14; against a day centre's
/// 1 400,00 that is 130,866… %, shown 130,9 %. The attendance rate is 15 of 16 = 93,75 %, shown 93,8 %.
@Suite("Percentages shown rounded, kept exact, run as a user runs them")
struct PercentageCommandTests {
    static let today = ["TUNET_TODAY": "2027-03-10"]

    @Test("15 of 16 is 93,8 %, and 1 832,14 against 1 400 is 130,9 %, in tables and JSON; the workbook keeps the exact ratio")
    func roundedNotCut() throws {
        let tunet = try TunetProcess()
        var csv = "organisation_number,participant,date,status\n"
        for day in [1, 2, 3, 4, 8, 9, 10, 11, 15, 16, 17, 18, 22, 23, 24, 25] {
            csv += "974760673,P-2027-0001,2027-02-\(day < 10 ? "0" : "")\(day),\(day == 17 ? "absent_with_notice" : "present")\n"
        }
        let file = try tunet.write("februar.csv", csv)
        for arguments in [
            ["provider", "add", "--org", "974760673", "--name", "Lia gård", "--municipality", "3303", "--target-groups", "dementia",
             "--places-per-day", "4", "--open-weekdays", "mon-fri", "--approval-date", "2026-06-01"],
            ["agreement", "add", "--reference", "2027/1", "--title", "Dagaktivitet", "--municipality", "3303", "--provider", "974760673",
             "--target-groups", "dementia", "--start", "2027-01-01", "--end", "2027-12-31", "--estimated-value", "400000",
             "--maximum-value", "400000", "--call-off", "direct", "--price", "974760673:full_day:day:1832,14"],
            ["placement", "add", "--agreement", "2027/1", "--provider", "974760673", "--participant", "P-2027-0001", "--kind", "dementia",
             "--municipality", "3303", "--weekdays", "mon-thu", "--start", "2027-02-01", "--end", "2027-02-28", "--decision", "HO-1"],
            ["attendance", "import", file],
            ["pilot", "add", "--name", "Demens Kongsberg", "--county", "Buskerud", "--target-group", "dementia", "--municipality", "3303",
             "--from", "2027-02-01", "--to", "2027-02-28", "--project-leader", "Prosjektleder"],
            ["pilot", "reference-price", "1", "--municipality", "3303", "--price", "1400"],
        ] {
            let result = try tunet.run(arguments, environment: Self.today)
            #expect(result.status == 0, "\(arguments.prefix(2)): \(result.stderr)")
        }

        let status = try tunet.run(["attendance", "status", "--month", "2027-02"], environment: Self.today.merging(["TUNET_LANG": "nb"]) { $1 })
        #expect(status.stdout.contains("93,8 %"), "\(status.stdout)")
        #expect(try tunet.run(["attendance", "status", "--month", "2027-02"], environment: Self.today).stdout.contains("93.8%"))
        let statusJSON = try tunet.json(try tunet.run(["attendance", "status", "--month", "2027-02", "--json"], environment: Self.today))
        #expect((statusJSON as? [[String: Any]])?.first?["attendance_rate_percent"] as? Double == 93.8)

        let evaluation = try tunet.run(["pilot", "evaluate", "1"], environment: Self.today.merging(["TUNET_LANG": "nb"]) { $1 })
        #expect(evaluation.stdout.contains("130,9 %"), "\(evaluation.stdout)")
        #expect(evaluation.stdout.contains("93,8 %"))
        let english = try tunet.run(["pilot", "evaluate", "1"], environment: Self.today)
        #expect(english.stdout.contains("130.9%"), "\(english.stdout)")
        #expect(english.stdout.contains("93.8%"))
        let figures = ((try tunet.json(try tunet.run(["pilot", "evaluate", "1", "--json"], environment: Self.today)) as? [String: Any])?["municipalities"]
            as? [[String: Any]])?.first
        #expect(figures?["cost_ratio_tenths"] as? Int == 1309)
        #expect(figures?["attendance_rate_tenths"] as? Int == 938)
        #expect(figures?["cost_per_attended_day_ore"] as? Int == 183_214)

        #expect(try tunet.run(["pilot", "evaluate", "1", "-o", "pilot.xlsx"], environment: Self.today).status == 0)
        let check = """
            import openpyxl
            ws = openpyxl.load_workbook('pilot.xlsx', data_only=True)['Evaluering']
            assert ws['H2'].value == 15 / 16 and ws['H2'].number_format == '0.0%', (ws['H2'].value, ws['H2'].number_format)
            assert abs(ws['L2'].value - 183214 / 140000) < 1e-12, ws['L2'].value
            print('ok')
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.output.contains("ok"), "\(python.output)")
    }
}
