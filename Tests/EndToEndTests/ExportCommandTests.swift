import Foundation
import Testing
import TunetChildProcess

enum LibreOffice {
    static let executable: String? = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

@Suite("tunet export: the report catalogue as workbooks")
struct ExportCommandTests {
    static let reports = ["providers", "agreements", "bought-places", "journeys", "procurement-evaluation", "placements", "attendance-month", "invoice-basis", "tasks",
                          "pilot-evaluation", "audit", "attendance-rows"]

    /// The demo database with a fixed day, so reports have every kind of data.
    static func demo() throws -> TunetProcess {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        return tunet
    }

    @Test("Every report opens in openpyxl with its front sheet, headers, typed cells and totals")
    func everyReport() throws {
        let tunet = try Self.demo()
        for report in Self.reports {
            let result = try tunet.run("export", report, "--from", "2026-10-01", "-o", "\(report).xlsx", "--lang", "nb")
            #expect(result.status == 0, "\(report): \(result.stderr)")
        }
        let check = """
            import openpyxl, datetime, json
            catalogue = json.load(open('\(TunetProcess.packageRoot.path)/Reports/catalogue.json'))
            for report in catalogue['reports']:
                wb = openpyxl.load_workbook(report['name'] + '.xlsx')
                assert wb.sheetnames[0] == 'Forside', (report['name'], wb.sheetnames)
                front = wb['Forside']
                assert front['B3'].value == report['title']['nb'], front['B3'].value
                assert front['B5'].value == 'fra 01.10.2026', front['B5'].value
                assert front['B7'].value == '0.1.0'
                # Without filters, sheets and columns shown only with a filter (one farm's detail) are left out.
                sheets = [s for s in report['sheets'] if 'only_with_filter' not in s]
                for sheet_def, name in zip(sheets, wb.sheetnames[1:]):
                    ws = wb[name]
                    # A sheet with a heading (a title and a note) has its header row fourth.
                    header_row = 4 if sheet_def.get('heading') else 1
                    headers = [c.value for c in ws[header_row]]
                    columns = [c for c in sheet_def['columns'] if c['type'] != 'days_of_month' and 'only_with_filter' not in c]
                    expected = [c['header']['nb'] for c in columns]
                    assert [h for h in headers if not str(h).isdigit()] == expected, (name, headers, expected)
                    assert ws.freeze_panes == 'B%d' % (header_row + 1), ws.freeze_panes
                    for i, column in enumerate(columns):
                        cell = ws.cell(row=header_row + 1, column=headers.index(column['header']['nb']) + 1)
                        if cell.value is None: continue
                        kind = column['type']
                        if kind == 'date': assert isinstance(cell.value, datetime.datetime), (name, column['key'], cell.value)
                        if kind in ('money', 'integer', 'number', 'percent'): assert isinstance(cell.value, (int, float)), (name, column['key'], cell.value)
                        if kind == 'money': assert cell.number_format == '#,##0.00\\\\ "kr"', cell.number_format
            inv = openpyxl.load_workbook('invoice-basis.xlsx', data_only=True)['Fakturagrunnlag']
            assert inv['A1'].value == 'Fakturagrunnlag oktober 2026: alle gårder', inv['A1'].value
            rows = [r for r in inv.iter_rows(min_row=5, values_only=True)]
            total = [c.value for c in inv[4]].index('Sum')
            assert rows[-1][0] == 'Sum'
            assert abs(sum(r[total] for r in rows[:-1]) - rows[-1][total]) < 0.005, 'the cached total is not the sum'
            print('ok')
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.status == 0, "\(python.output)")
        #expect(python.output.contains("ok"))
    }

    @Test("Tunet's own reader sees the same sheets and values")
    func ownReader() throws {
        let tunet = try Self.demo()
        #expect(try tunet.run("export", "agreements", "-o", "avtaler.xlsx", "--lang", "en").status == 0)
        let check = """
            import openpyxl
            wb = openpyxl.load_workbook('avtaler.xlsx')
            assert wb.sheetnames == ['Front', 'Agreements', 'Options', 'Consumption by municipality'], wb.sheetnames
            assert wb['Agreements']['A1'].value == 'Reference'
            print('ok')
            """
        #expect(try Python.run(check, in: tunet.folder).output.contains("ok"))
    }

    @Test("The catalogue's charts are in the workbook, with their titles and series")
    func charts() throws {
        let tunet = try Self.demo()
        #expect(try tunet.run("export", "agreements", "-o", "avtaler.xlsx", "--lang", "nb").status == 0)
        let check = """
            import zipfile
            archive = zipfile.ZipFile('avtaler.xlsx')
            charts = [name for name in archive.namelist() if name.startswith('xl/charts/chart')]
            assert len(charts) == 1, charts
            xml = archive.read(charts[0]).decode('utf-8')
            assert 'Bruk av maksimalverdien' in xml and 'barDir' in xml and xml.count('<c:ser>') == 3, xml[:300]
            assert "'Avtaler'!$L$2" in xml or 'Avtaler!$L$2' in xml, 'the headroom series does not point at the data'
            print('ok')
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.output.contains("ok"), "\(python.output)")
    }

    @Test("A chart over more rows than it can show is left out, and the sheet says so where it would be")
    func chartLeftOut() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("synthetic", "--farms", "5", "--placements", "600").status == 0)
        let result = try tunet.run("export", "invoice-basis", "--from", "2025-05-01", "-o", "grunnlag.xlsx", "--lang", "nb")
        #expect(result.status == 0, "\(result.stderr)")
        let check = """
            import openpyxl, zipfile
            assert not [n for n in zipfile.ZipFile('grunnlag.xlsx').namelist() if n.startswith('xl/charts/')]
            ws = openpyxl.load_workbook('grunnlag.xlsx')['Fakturagrunnlag']
            print([c.value for row in ws.iter_rows(min_row=ws.max_row - 2) for c in row if c.value])
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.output.contains("Diagrammet «Sum per plassering» er utelatt: arket har 600 rader, og et diagram kan leses med høyst 500."),
                "\(python.output)")
    }

    @Test("Filters that match nothing give an empty report with a note, not a crash")
    func emptyReport() throws {
        let tunet = try Self.demo()
        let result = try tunet.run("export", "placements", "--municipality", "5001", "-o", "tomt.xlsx", "--lang", "nb")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Skrev tomt.xlsx: 0 rader i Plasseringer."))
        let check = "import openpyxl\nws = openpyxl.load_workbook('tomt.xlsx')['Plasseringer']\nprint(ws['A2'].value)"
        #expect(try Python.run(check, in: tunet.folder).output.contains("Ingen rader passer filtrene."))
    }

    @Test("Without -o the workbook goes to Reports/output in the working directory")
    func defaultFolder() throws {
        let tunet = try Self.demo()
        let result = try tunet.run("export", "providers")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Reports/output/providers-"))
        let files = try FileManager.default.contentsOfDirectory(atPath: tunet.folder.appendingPathComponent("Reports/output").path)
        #expect(files.count == 1 && files[0].hasSuffix(".xlsx"))
    }

    @Test("An unknown report lists the catalogue; a missing folder, a bad language and a bad date are refused")
    func badInput() throws {
        let tunet = try Self.demo()
        let unknown = try tunet.run("export", "farms")
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("the catalogue has providers, agreements"))
        let folder = try tunet.run("export", "providers", "-o", "no/such/folder/x.xlsx")
        #expect(folder.status == 73)
        #expect(folder.stderr.contains("does not exist"))
        let language = try tunet.run("export", "providers", "--lang", "se")
        #expect(language.status == 64)
        #expect(language.stderr.contains("--lang: 'se' is not a language Tunet has; use nb (Norwegian bokmål) or en (English)"))
        #expect(try tunet.run("export", "providers", "--from", "31.02.2026").stderr.contains("not a day in the calendar"))
        #expect(try tunet.run("export", "audit", "--from", "2026-05-01", "--to", "2026-04-01").stderr.contains("ends (2026-04-01) before it starts"))
        let list = try tunet.run("export", "list")
        for report in Self.reports { #expect(list.stdout.contains(report)) }
    }

    /// `scripts/test` installs LibreOffice; outside CI a machine without it skips this check, in CI it fails.
    @Test("LibreOffice reads the invoice basis workbook, and its own sum of the lines equals the total row",
          .enabled(if: LibreOffice.executable != nil || ProcessInfo.processInfo.environment["CI"] == "true",
                   "LibreOffice (soffice) is not installed here; apt-get install -y libreoffice-calc-nogui to run this check"))
    func libreOffice() throws {
        guard LibreOffice.executable != nil else {
            Issue.record("LibreOffice (soffice) is not installed, and CI must check workbooks with it: run bash scripts/test")
            return
        }
        let tunet = try Self.demo()
        #expect(try tunet.run("export", "invoice-basis", "-o", "faktura.xlsx", "--lang", "nb").status == 0)
        // UTF-8 (76) and every sheet into its own file (-1), the options of LibreOffice 7.2 and later.
        let converted = try ChildProcess(LibreOffice.executable!, ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                                                                 "--outdir", tunet.folder.path, tunet.folder.appendingPathComponent("faktura.xlsx").path],
                                         directory: tunet.folder.path)
        #expect(converted.wait() == 0)
        let csv = try String(contentsOf: tunet.folder.appendingPathComponent("faktura-Fakturagrunnlag.csv"), encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        // The heading's title and note, then the header row.
        let header = try #require(lines.first { $0.first == "Tilbyder" })
        let column = try #require(header.firstIndex(of: "Sum"))
        let total = try #require(lines.last)
        #expect(total.first == "Sum")
        // LibreOffice's own evaluation of the total equals the sum of the lines it read.
        let sum = lines.drop { $0 != header }.dropFirst().dropLast().compactMap { Double($0[column]) }.reduce(0, +)
        #expect(abs((Double(total[column]) ?? -1) - sum) < 0.005)
    }
}
