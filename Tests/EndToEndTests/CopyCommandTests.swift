import Foundation
import Testing
import TunetTestSupport

@Suite("tunet copy: a municipality's SQLite file moved into a shared PostgreSQL database")
struct CopyCommandTests {
    @Test("The demo copied: every report reads the same from the file and from the shared database, the copy itself audited; a second copy is refused")
    func everyReportTheSame() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo", "--database", "demo.sqlite").status == 0)
        let url = try PostgresCluster.shared().freshDatabase()
        let copy = try tunet.run("copy", "--from", "demo.sqlite", "--to", url, "--lang", "nb")
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(copy.stdout.contains("Kopierte demo.sqlite til postgres://tunet@127.0.0.1:"), "\(copy.stdout)")
        let password = try PostgresCluster.shared().password
        #expect(!copy.stdout.contains(password) && !copy.stderr.contains(password))

        for report in ExportCommandTests.reports {
            for (database, suffix) in [("demo.sqlite", "fil"), (url, "delt")] {
                let result = try tunet.run("export", report, "--from", "2026-01-01", "--database", database, "-o", "\(report)-\(suffix).xlsx")
                #expect(result.status == 0, "\(report) from \(suffix): \(result.stderr)")
            }
        }
        let check = """
            import openpyxl
            reports = \(ExportCommandTests.reports)
            for report in reports:
                a = openpyxl.load_workbook(report + '-fil.xlsx')
                b = openpyxl.load_workbook(report + '-delt.xlsx')
                assert a.sheetnames == b.sheetnames, (report, a.sheetnames, b.sheetnames)
                for name in a.sheetnames:
                    # The front sheet's moment of making is to the second: the only cell allowed to differ.
                    made = ('Generated', 'Generert', 'Laget')
                    rows_a = [r for r in a[name].iter_rows(values_only=True) if r[0] not in made]
                    rows_b = [r for r in b[name].iter_rows(values_only=True) if r[0] not in made]
                    if report == 'audit' and name != a.sheetnames[0]:
                        # The shared database's log has one event more: the copy, last.
                        assert rows_b[:len(rows_a)] == rows_a and len(rows_b) == len(rows_a) + 1, (name, len(rows_a), len(rows_b))
                        assert 'copy' in [str(v) for v in rows_b[-1]] or any('kopi' in str(v).lower() for v in rows_b[-1]), rows_b[-1]
                    else:
                        assert rows_a == rows_b, (report, name, [(x, y) for x, y in zip(rows_a, rows_b) if x != y][:3])
            print('ok')
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.status == 0, "\(python.output)")
        #expect(python.output.contains("ok"))

        let again = try tunet.run("copy", "--from", "demo.sqlite", "--to", url, "--lang", "nb")
        #expect(again.status != 0)
        #expect(again.stderr.contains("ingenting ble kopiert"), "\(again.stderr)")
    }
}
