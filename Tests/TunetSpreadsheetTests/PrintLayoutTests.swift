import Foundation
import Testing
import TunetSpreadsheet
import TunetTestSupport

/// How a sheet prints, decided from its shape (`XLSXPrintLayout`), the footer's code, the wrapped texts' rows,
/// and all of it read back from written workbooks with openpyxl (installed by scripts/test).
@Suite("Every sheet prints: A4, landscape where wide, one page wide, the header on every page, a footer")
struct PrintLayoutTests {
    /// A4 standing less half an inch each side is 697.7 pixels at 96 dpi; a column of 692/7 characters is
    /// 697 pixels, one of 693/7 is 698.
    @Test("A sheet as wide as a standing A4 page's printable width stays portrait; one pixel wider turns landscape")
    func landscapeEdge() {
        #expect(XLSXPrintLayout.pixels(ofColumnWidth: 692.0 / 7) == 697)
        #expect(XLSXPrintLayout.pixels(ofColumnWidth: 693.0 / 7) == 698)
        #expect(!XLSXPrintLayout.decide(lastRow: 10, lastColumn: 0, widths: [0: 692.0 / 7], frozenRows: 1).landscape)
        #expect(XLSXPrintLayout.decide(lastRow: 10, lastColumn: 0, widths: [0: 693.0 / 7], frozenRows: 1).landscape)
        // Columns without a width count at Excel's default (64 pixels): ten are 640, eleven 704.
        #expect(!XLSXPrintLayout.decide(lastRow: 1, lastColumn: 9, widths: [:], frozenRows: 0).landscape)
        #expect(XLSXPrintLayout.decide(lastRow: 1, lastColumn: 10, widths: [:], frozenRows: 0).landscape)
        // Only the used columns count: a wide column beyond them does not.
        #expect(!XLSXPrintLayout.decide(lastRow: 1, lastColumn: 1, widths: [5: 200], frozenRows: 0).landscape)
    }

    @Test("The frozen rows are repeated on every page; a sheet with nothing frozen, or nothing below, repeats none")
    func repeatedRows() {
        #expect(XLSXPrintLayout.decide(lastRow: 40, lastColumn: 3, widths: [:], frozenRows: 1).repeatedRows == 0...0)
        #expect(XLSXPrintLayout.decide(lastRow: 40, lastColumn: 3, widths: [:], frozenRows: 4).repeatedRows == 0...3)
        #expect(XLSXPrintLayout.decide(lastRow: 40, lastColumn: 3, widths: [:], frozenRows: 0).repeatedRows == nil)
        #expect(XLSXPrintLayout.decide(lastRow: 0, lastColumn: 3, widths: [:], frozenRows: 1).repeatedRows == nil)
        let empty = XLSXPrintLayout.decide(lastRow: -1, lastColumn: -1, widths: [:], frozenRows: 0)
        #expect(empty.lastRow == 0 && empty.lastColumn == 0)
    }

    @Test("The footer: name left, date and page right; an ampersand doubled; a long name cut to a line and to the 255 limit")
    func footerCode() {
        let plain = XLSXPrintFooter(name: "Tilbydere", date: "Laget 03.12.2026", page: "Side &P av &N")
        #expect(plain.code == "&L&9Tilbydere&R&9Laget 03.12.2026 · Side &P av &N")
        let ampersand = XLSXPrintFooter(name: "Berg & Sønn AS", date: "2026-12-03", page: "Page &P of &N")
        #expect(ampersand.code == "&L&9Berg && Sønn AS&R&9 2026-12-03 · Page &P of &N")
        // 70 characters are printed whole; 71 are cut to 69 and "…".
        let seventy = String(repeating: "Æ", count: 70)
        #expect(XLSXPrintFooter(name: seventy, date: "d", page: "&P").code == "&L&9\(seventy)&R&9d · &P")
        #expect(XLSXPrintFooter(name: seventy + "Ø", date: "d", page: "&P").code == "&L&9\(seventy.dropLast())…&R&9d · &P")
        // Cut between two escaped ampersands, never inside one, and within libxlsxwriter's 255.
        let ampersands = XLSXPrintFooter(name: String(repeating: "&", count: 300), date: String(repeating: "x", count: 150), page: "&P")
        let namePart = ampersands.code.dropFirst(4).prefix { $0 != "…" }
        #expect(ampersands.code.utf8.count <= 255)
        #expect(namePart.count % 2 == 0 && namePart.allSatisfy { $0 == "&" } && namePart.count < 138)
    }

    @Test("Lines are counted as a spreadsheet wraps words; a word longer than a line is broken")
    func paragraphLines() {
        #expect(XLSXParagraph.lines("", capacity: 10) == 1)
        #expect(XLSXParagraph.lines("aaa bbb", capacity: 7) == 1)
        #expect(XLSXParagraph.lines("aaa bbb", capacity: 6) == 2)
        #expect(XLSXParagraph.lines("aaaaaaaaaa", capacity: 3) == 4)
        #expect(XLSXParagraph.lines("one\ntwo\n\nfour", capacity: 20) == 4)
        #expect(XLSXParagraph.lineCapacity(width: 90) == 76)
        #expect(XLSXParagraph.lineCapacity(width: 90, bold: true) == 68)
        #expect(XLSXParagraph.widthHolding(longestWordOf: "Dager henvisning–samtale (median)") == 11 * 1.1 + 1)
        #expect(XLSXParagraph.widthHolding(longestWordOf: "Organisasjonsnummer") == 19 * 1.1 + 1)
        #expect(XLSXParagraph.widthHolding(longestWordOf: "") == 0)
        #expect(XLSXParagraph.height(lines: 1) == 15)
        #expect(XLSXParagraph.height(lines: 3) == 48)
    }

    @Test("Written and read back with openpyxl: print area, orientation, A4, fit to width, repeated header, footer; streamed too")
    func readBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let footer = XLSXPrintFooter(name: "Prøve & test", date: "Laget 03.12.2026", page: "Side &P av &N")
        for streamed in [false, true] {
            let book = try XLSXWorkbook(path: folder.appendingPathComponent(streamed ? "streamed.xlsx" : "plain.xlsx").path,
                                        constantMemory: streamed, footer: footer)
            let front = try book.addSheet("Forside")
            try front.setColumns(0, 0, width: 16)
            try front.setColumns(1, 1, width: 80)
            try front.writeParagraph(0, columns: 0...1, "Tittel", style: XLSXStyle(bold: true))
            try front.writeParagraph(2, columns: 1...1, String(repeating: "ord ", count: 60))
            try front.write(2, 0, .text("Innhold"), style: XLSXStyle(bold: true, top: true))
            let wide = try book.addSheet("Bred")
            try wide.setColumns(0, 11, width: 12)
            try wide.writeHeader(row: 0, (0..<12).map { "Kolonne nummer \($0 + 1)" })
            wide.freezePanes(row: 1, column: 1)
            for row in 1...2_000 { try wide.write(row: row, (0..<12).map { .integer(row * 100 + $0) }) }
            let narrow = try book.addSheet("Smal")
            try narrow.writeHeader(row: 0, ["Organisasjonsnummer", "B"])
            try narrow.write(row: 1, [.integer(1), .integer(2)])
            if !streamed {
                try narrow.insertChart(.column, title: "Diagram", source: "Smal", rows: 1...1, categoryColumn: 0, series: [(name: "B", column: 1)],
                                       at: 4, 1)
            }
            try book.close()
        }
        let script = """
            import openpyxl
            for name, streamed in (('plain.xlsx', False), ('streamed.xlsx', True)):
                wb = openpyxl.load_workbook(name)
                for ws in wb.worksheets:
                    assert ws.page_setup.paperSize in (9, '9'), (name, ws.title, ws.page_setup.paperSize)
                    assert ws.sheet_properties.pageSetUpPr.fitToPage, (name, ws.title)
                    assert ws.page_setup.fitToWidth in (1, '1', None) and ws.page_setup.fitToHeight in (0, '0'), (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight)
                    assert ws.oddFooter.left.text == 'Prøve && test' and ws.oddFooter.left.size == 9, ws.oddFooter.left.text
                    assert ws.oddFooter.center.text is None, ws.oddFooter.center.text
                    assert ws.oddFooter.right.text == 'Laget 03.12.2026 · Side &P av &N', ws.oddFooter.right.text
                front, wide, narrow = wb['Forside'], wb['Bred'], wb['Smal']
                assert front.print_area == "'Forside'!$A$1:$B$3", front.print_area
                assert front.page_setup.orientation == 'portrait', front.page_setup.orientation
                assert front.print_title_rows is None, front.print_title_rows
                assert front.row_dimensions[3].height >= 45, front.row_dimensions[3].height
                assert front['B3'].alignment.wrap_text and front['B3'].alignment.vertical == 'top'
                if not streamed:
                    assert 'A1:B1' in [str(r) for r in front.merged_cells.ranges], front.merged_cells.ranges
                assert wide.print_area == "'Bred'!$A$1:$L$2001", wide.print_area
                assert wide.page_setup.orientation == 'landscape', wide.page_setup.orientation
                # "Kolonne nummer 1" wraps in a column of 12 (9 bold characters a line): two lines.
                assert wide.row_dimensions[1].height == 33, wide.row_dimensions[1].height
                assert wide['L1'].value == 'Kolonne nummer 12' and wide['L1'].alignment.wrap_text and wide['L1'].font.b
                # A header word longer than its column widens it: "Organisasjonsnummer" (19 letters) to 21.9.
                assert 21.9 <= narrow.column_dimensions['A'].width < 23, narrow.column_dimensions['A'].width
                assert wide.print_title_rows == '$1:$1', wide.print_title_rows
                assert narrow.page_setup.orientation == 'portrait'
                # The chart (480 x 288 pixels from B5) is printed with the data: to row 19, column I.
                expected = "'Smal'!$A$1:$I$19" if not streamed else "'Smal'!$A$1:$B$2"
                assert narrow.print_area == expected, narrow.print_area
            print('ok')
            """
        let python = try runPython(script, in: folder)
        #expect(python.output.hasSuffix("ok\n"), "\(python.output)")
    }
}
