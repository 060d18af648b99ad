import Foundation
import Testing

/// A small dementia pilot checked by hand. It reuses the attendance case of AttendanceCommandTests
/// (Kongsberg 3303, P-2026-0101 Mon/Thu with transport at Lia gård, May 2026 as in the example file)
/// and adds Haugen gård's P-2026-0200 (Tuesdays, no reports) in the same municipality.
///
/// Pilot over May 2026, dementia, municipality 3303, today 10 June:
///   placements 2 (P-2026-0101, P-2026-0200), participants 2, sector health_and_care 2
///   planned days: P-2026-0101 6 (4, 7, 11, 18, 21, 28 May); P-2026-0200 4 (5, 12, 19, 26 May) → 10
///   present 3 (4, 7, 18), absent 2 (11 FU, 21 FM; 28 May was cancelled by the farm) → rate 3 ÷ 5 = 60,0 %
///   spent 5 575,00 → cost per attended day 5 575,00 ÷ 3 = 1 858,333… → 1 858,33
///   day-centre reference 1 500,00 → ratio 1 858,33 ÷ 1 500 = 123,888… → 123,9 %
@Suite("tunet pilot, checked by hand")
struct PilotCommandTests {
    @Test("The evaluation's figures match the hand calculation")
    func evaluationByHand() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let today = AttendanceCommandTests.today
        #expect(try tunet.run(["attendance", "import", TunetProcess.example("attendance-excel-semicolon.csv")], environment: today).status == 0)
        for arguments in [
            ["pilot", "add", "--name", "Demens Kongsberg", "--county", "Buskerud", "--target-group", "dementia", "--municipality", "3303",
             "--from", "2026-05-01", "--to", "2026-05-31", "--project-leader", "Prosjektleder"],
            ["pilot", "reference-price", "1", "--municipality", "3303", "--price", "1500"],
            ["pilot", "measure", "add", "1", "--municipality", "3303", "--from", "2026-05-01", "--to", "2026-05-31", "--name", "good_mood",
             "--value", "52,5", "--unit", "percent", "--n", "2", "--source", "Observasjon"],
        ] {
            let result = try tunet.run(arguments, environment: today)
            #expect(result.status == 0, "\(arguments.prefix(2)): \(result.stderr)")
        }
        let evaluation = try tunet.json(try tunet.run(["pilot", "evaluate", "1", "--json"], environment: today)) as? [String: Any]
        let figures = try #require((evaluation?["municipalities"] as? [[String: Any]])?.first)
        #expect(figures["placements"] as? Int == 2)
        #expect(figures["participants"] as? Int == 2)
        #expect(figures["placements_by_sector"] as? [String: Int] == ["health_and_care": 2])
        #expect(figures["planned_days"] as? Int == 10)
        #expect(figures["present_days"] as? Int == 3)
        #expect(figures["absent_days"] as? Int == 2)
        #expect(figures["attendance_rate_tenths"] as? Int == 600)
        #expect(figures["spent_ore"] as? Int == 557_500)
        #expect(figures["cost_per_attended_day_ore"] as? Int == 185_833)
        #expect(figures["cost_ratio_tenths"] as? Int == 1239)
        #expect(evaluation?["active_providers"] as? Int == 2)
        #expect(evaluation?["placements_with_documented_choice"] as? Int == 2)
        #expect((evaluation?["measures"] as? [[String: Any]])?.first?["value_tenths"] as? Int == 525)

        let bokmal = today.merging(["TUNET_LANG": "nb"]) { $1 }
        let table = try tunet.run(["pilot", "evaluate", "1"], environment: bokmal)
        #expect(table.stdout.contains("123,9 %"), "\(table.stdout)")
        #expect(table.stdout.contains("60,0 %"))
        let english = try tunet.run(["pilot", "evaluate", "1"], environment: today)
        #expect(english.stdout.contains("123.9%"), "\(english.stdout)")
        #expect(english.stdout.contains("60.0%"))

        let workbook = try tunet.run(["pilot", "evaluate", "Demens Kongsberg", "-o", "pilot.xlsx"], environment: bokmal)
        #expect(workbook.status == 0, "\(workbook.stderr)")
        let check = """
            import openpyxl, zipfile
            ws = openpyxl.load_workbook('pilot.xlsx', data_only=True)['Evaluering']
            assert ws['J2'].value == 1858.33, ws['J2'].value
            assert abs(ws['L2'].value - 185833 / 150000) < 1e-12 and ws['L2'].number_format == '0.0%', (ws['L2'].value, ws['L2'].number_format)
            assert ws['H2'].value == 0.6 and ws['H2'].number_format == '0.0%', (ws['H2'].value, ws['H2'].number_format)
            assert any(n.startswith('xl/charts/') for n in zipfile.ZipFile('pilot.xlsx').namelist())
            print('ok')
            """
        let read = try Python.run(check, in: tunet.folder)
        #expect(read.status == 0 && read.output == "ok\n", "\(read.output)")
        let export = try tunet.run(["export", "placements", "--pilot", "Demens Kongsberg", "-o", "pl.xlsx"], environment: today)
        #expect(export.stdout.contains("3 rows"))   // the pupil placement is in the municipality too; the export filters by municipality
    }

    @Test("Bad pilot input is refused and changes nothing")
    func badInput() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let before = try tunet.databaseSnapshot()
        let cases: [([String], String)] = [
            (["pilot", "add", "--name", "X", "--county", "Y", "--target-group", "horses", "--municipality", "3303", "--from", "2026-01-01",
              "--to", "2026-12-31", "--project-leader", "P"], "use pupils, dementia or other"),
            (["pilot", "add", "--name", "X", "--county", "Y", "--target-group", "pupils", "--municipality", "3303", "--from", "2026-12-01",
              "--to", "2026-01-31", "--project-leader", "P"], "ends (2026-01-31) before it starts"),
            (["pilot", "measure", "add", "1", "--municipality", "1866", "--from", "2026-01-01", "--to", "2026-06-30", "--name", "good_mood",
              "--value", "120", "--unit", "percent", "--n", "5", "--source", "S"], "a share must be from 0 to 100"),
            (["pilot", "measure", "add", "1", "--municipality", "3303", "--from", "2026-01-01", "--to", "2026-06-30", "--name", "good_mood",
              "--value", "50", "--unit", "percent", "--n", "5", "--source", "S"], "is not part of pilot"),
            (["pilot", "reference-price", "1", "--municipality", "1866", "--price", "0"], "must be above zero"),
            (["pilot", "evaluate", "9"], "No pilot '9'"),
            (["export", "providers", "--pilot", "Ukjent"], "No pilot 'Ukjent'"),
        ]
        for (arguments, message) in cases {
            let result = try tunet.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try tunet.databaseSnapshot() == before)
        let compare = try tunet.run("pilot", "compare", "1", "2")
        #expect(compare.status == 0)
        #expect(compare.stdout.contains("Inn på tunet for elever i Nordland"))
        #expect(compare.stdout.contains("Dagaktivitet på gård"))
    }
}
