import Foundation
import TunetChildProcess
import Testing
import TunetTestSupport

/// poppler-utils' pdftotext, which reads back the text layer of the PDFs LibreOffice prints.
enum Poppler {
    static let pdftotext: String? = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Every workbook Tunet writes, printed to PDF by LibreOffice as a project leader prints it: every page A4, landscape
/// where the sheet is wide, nothing cut off at the right, the header row on every page, the footer (name, day,
/// page) on every page, and no text of a front sheet over another. `scripts/test` installs LibreOffice and
/// poppler-utils; outside CI a machine without them skips this suite, in CI it fails.
@Suite("Workbooks that print: every report and workbook through LibreOffice's PDF",
       .enabled(if: (LibreOffice.executable != nil && Poppler.pdftotext != nil) || ProcessInfo.processInfo.environment["CI"] == "true",
                "LibreOffice or pdftotext is missing here; apt-get install -y libreoffice-calc-nogui poppler-utils to run these checks"))
struct PrintedWorkbookTests {
    static let bokmal = ["TUNET_LANG": "nb"]

    @Test("Every report of the catalogue, the pilot evaluation and comparison, the attendance template, an invoice check and an errors workbook print on A4 with the footer and header on every page")
    func everyWorkbookPrints() throws {
        guard let soffice = LibreOffice.executable, Poppler.pdftotext != nil else {
            Issue.record("LibreOffice (soffice) or pdftotext (poppler-utils) is not installed, and CI must print workbooks with them: run bash scripts/test")
            return
        }
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let listed = try tunet.json(try tunet.run("export", "list", "--json")) as? [[String: Any]] ?? []
        let reports = listed.compactMap { $0["name"] as? String }
        #expect(reports.count >= 12, "\(reports)")
        var files: [String] = []
        func written(_ name: String, _ arguments: [String], environment: [String: String] = Self.bokmal, status: Int32 = 0) throws {
            let result = try tunet.run(arguments, environment: environment)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            files.append(name)
        }
        for report in reports {
            try written("\(report).xlsx", ["export", report, "--from", "2026-10-01", "-o", "\(report).xlsx"])
        }
        try written("providers-en.xlsx", ["export", "providers", "-o", "providers-en.xlsx", "--lang", "en"], environment: [:])
        try written("pilot-1.xlsx", ["pilot", "evaluate", "1", "-o", "pilot-1.xlsx"])
        try written("pilot-1-2.xlsx", ["pilot", "compare", "1", "2", "-o", "pilot-1-2.xlsx"])
        try written("mal.xlsx", ["attendance", "template", "--provider", "912345602", "--month", "2026-11", "-o", "mal.xlsx"])

        // An invoice check that differs, and an attendance file with refused rows, on Lia gård's March.
        let lia = try InvoiceCheckCommandTests().prepared()
        var invoice = InvoiceCheckCommandTests.march
        invoice.lines[1].quantity = "7"
        let ehf = try lia.write("faktura.xml", invoice.xml)
        #expect(try lia.run(["invoice", "check", ehf, "-o", "kontroll.xlsx"], environment: InvoiceCheckCommandTests.bokmal).status == 1)
        let refused = try lia.write("april & mai.csv", """
            orgnr;deltaker;dato;status
            974760673;P-2026-9999;02.04.2026;M
            974760673;P-2026-0301;06.04.2026;XX
            974760673;P-2026-0301;09.04.2026;M
            """)
        #expect(try lia.run(["attendance", "import", refused, "--errors-out", "feil.xlsx"], environment: InvoiceCheckCommandTests.bokmal).status == 65)
        for name in ["kontroll.xlsx", "feil.xlsx"] {
            try FileManager.default.copyItem(at: lia.folder.appendingPathComponent(name), to: tunet.folder.appendingPathComponent(name))
            files.append(name)
        }

        // One LibreOffice for every file (some seconds each), with a profile of its own so runs side by side do not collide.
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let pdfs = tunet.folder.appendingPathComponent("pdf")
        let converted = try ChildProcess(soffice, ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "pdf", "--outdir", pdfs.path] + files,
                                         directory: tunet.folder.path)
        #expect(converted.wait() == 0)

        let check = Self.check.replacingOccurrences(of: "FILES", with: files.map { "'\($0)'" }.joined(separator: ", "))
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.status == 0, "\(python.output)")
        #expect(python.output.hasSuffix("ok\n"), "\(python.output)")
    }

    /// The checks, on each workbook (openpyxl) and its PDF (pypdf for the page sizes, pdftotext for the text).
    static let check = #"""
        import datetime, os, re, subprocess, zoneinfo
        import openpyxl, pypdf

        # The day the workbooks were made in Norway: today, or yesterday when the test ran over midnight.
        today = datetime.datetime.now(zoneinfo.ZoneInfo('Europe/Oslo')).date()
        first_footer = openpyxl.load_workbook([FILES][0]).worksheets[0].oddFooter.right.text or ''
        if today.strftime('%d.%m.%Y') not in first_footer and today.isoformat() not in first_footer:
            today -= datetime.timedelta(days=1)
        made = {'nb': 'Laget ' + today.strftime('%d.%m.%Y'), 'en': 'Made ' + today.isoformat()}
        page_words = {'nb': 'Side {} av {}', 'en': 'Page {} of {}'}
        A4 = (595.3, 841.9)
        portrait_width = (210 / 25.4 - 1.0) * 96

        def pixels(width):
            return 0 if width <= 0 else int(width * 12 + 0.5) if width < 1 else int(width * 7 + 0.5) + 5

        def columns(ws):
            last = openpyxl.utils.cell.range_boundaries(ws.print_area.split('!')[1].replace('$', ''))[2]
            widths = {}
            for key, dimension in ws.column_dimensions.items():
                if dimension.width:
                    for index in range(dimension.min or openpyxl.utils.column_index_from_string(key), (dimension.max or openpyxl.utils.column_index_from_string(key)) + 1):
                        widths[index] = dimension.width
            return sum(pixels(widths.get(index, 8.43)) for index in range(1, last + 1)), last

        def words(text):
            # A line may break at a space or after a dash.
            return [w for w in re.split(r'\s+|(?<=[–—/-])', str(text)) if w]

        def has(page, text):
            # pdftotext -layout keeps a cell's words in order on one line, spaced as printed.
            return all(w in page for w in words(text))

        multipage = 0
        for name in [FILES]:
            wb = openpyxl.load_workbook(name)
            language = 'en' if name.endswith('-en.xlsx') else 'nb'
            expected = []
            for ws in wb.worksheets:
                # The print setup, as Excel and LibreOffice read it.
                assert ws.print_area, (name, ws.title, 'no print area')
                assert ws.page_setup.paperSize in (9, '9'), (name, ws.title, ws.page_setup.paperSize)
                assert ws.sheet_properties.pageSetUpPr.fitToPage and str(ws.page_setup.fitToHeight) == '0', (name, ws.title)
                width, last = columns(ws)
                assert last >= ws.max_column or ws.max_column == 1, (name, ws.title, ws.print_area, ws.max_column)
                landscape = width > portrait_width
                assert ws.page_setup.orientation == ('landscape' if landscape else 'portrait'), (name, ws.title, width, ws.page_setup.orientation)
                footer = ws.oddFooter
                assert footer.center.text is None and footer.left.size == 9 and footer.right.size == 9, (name, footer.center.text)
                assert footer.right.text == made[language] + ' · ' + page_words[language].format('&P', '&N'), (name, footer.right.text)
                # A sheet's first page is known by its header and the first cell below it; a sheet without a
                # header (a front sheet, instructions) by its second text, the first being its title, which the
                # footer may repeat.
                header, start = [], []
                if ws.freeze_panes:
                    frozen = openpyxl.utils.cell.coordinate_from_string(ws.freeze_panes)[1] - 1
                    assert ws.print_title_rows == '$1:$%d' % frozen, (name, ws.title, ws.print_title_rows, ws.freeze_panes)
                    header = [c.value for c in ws[frozen] if c.value is not None]
                    start = [ws.cell(row=frozen + 1, column=1).value]
                else:
                    assert ws.print_title_rows is None, (name, ws.title, ws.print_title_rows)
                    start = [c.value for c in ws['A'] if c.value is not None][1:2]
                # Dates as printed; numbers are printed in the reader's own format, so they are left out.
                start = [v.strftime('%d.%m.%Y') if isinstance(v, datetime.datetime) else v for v in start]
                start = ' '.join(map(str, header + [v for v in start if isinstance(v, str)]))
                expected.append((ws.title, landscape, ' '.join(map(str, header)), start, footer.left.text.replace('&&', '&')))

            pdf = 'pdf/' + name[:-5] + '.pdf'
            pages = subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True, text=True, check=True).stdout.split('\f')[:-1]
            reader = pypdf.PdfReader(pdf)
            assert len(pages) == len(reader.pages), (name, len(pages), len(reader.pages))
            # Pages come sheet by sheet: a page belongs to the sheet whose header (or, without one, whose first text) it shows.
            sheet = 0
            counts = [0] * len(expected)
            page_sheets = []
            for number, (page, pdf_page) in enumerate(zip(pages, reader.pages), start=1):
                if counts[sheet] > 0 and sheet + 1 < len(expected) and has(page, expected[sheet + 1][3]):
                    sheet += 1
                title, landscape, header, start, footer_name = expected[sheet]
                counts[sheet] += 1
                page_sheets.append(title)
                box = pdf_page.mediabox
                size = (round(float(box.width), 1), round(float(box.height), 1))
                if pdf_page.get('/Rotate', 0) in (90, 270): size = size[::-1]
                want = A4[::-1] if landscape else A4
                assert abs(size[0] - want[0]) < 1 and abs(size[1] - want[1]) < 1, (name, title, number, size, 'landscape' if landscape else 'portrait')
                # The footer on every page; the header row, its rightmost column too, on every page of the sheet.
                assert has(page, footer_name), (name, title, number, footer_name, page[-400:])
                assert made[language] in page, (name, number, made[language])
                # Pages are numbered through the whole workbook, as LibreOffice and Excel print every sheet.
                assert page_words[language].format(number, len(pages)) in page, (name, number, page[-300:])
                if header:
                    assert has(page, header), (name, title, number, header, page[:800])
            assert all(counts), (name, [(e[0], c) for e, c in zip(expected, counts)])
            multipage += sum(1 for c in counts if c > 1)

            # pdftotext -bbox gives every word's box. No word runs past a page's right margin (a column LibreOffice
            # did not scale would be cut at the paper's edge, its words still in the text layer).
            boxes = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True, text=True, check=True).stdout
            for number, (width, page) in enumerate(re.findall(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', boxes, re.S), start=1):
                # Known and left: a text longer than the last column (the audit log's snapshots) runs on into the
                # margin in LibreOffice, where Excel stops it at the print area (Reports/README.md, "Printing").
                if (name, page_sheets[number - 1]) in {('audit.xlsx', 'Logg')}:
                    continue
                right = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', page))
                assert right <= float(width) - 30, (name, number, 'a word runs past the margin', right, float(width))
            # On a front sheet no word is printed over another.
            first = re.search(r'<page .*?</page>', boxes, re.S).group(0)
            found = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
                     re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', first)]
            assert len(found) > 3, (name, boxes[:300])
            for i, a in enumerate(found):
                for b in found[i + 1:]:
                    # A word's box runs from its font's ascent to its descent, a little taller than the line:
                    # the lines of a wrapped text touch by a point or so. Printed over each other is more.
                    height = min(a[3] - a[1], b[3] - b[1])
                    overlap = min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.3 * height
                    assert not overlap, (name, 'words printed over each other on page 1', a, b)
        assert multipage > 0, 'no sheet ran to a second page, so the repeated header was not seen'
        print('ok')
        """#
}
