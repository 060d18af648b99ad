import Foundation
import Testing

/// Files built to hurt: each must give a clear error, change nothing, and stay within bounded time and memory.
@Suite("Hostile and broken files")
struct HostileFileTests {
    func refuse(_ tunet: TunetProcess, _ file: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try tunet.databaseSnapshot()
        let started = Date()
        let result = try tunet.run(["attendance", "import", file, "--provider", "974760673"], environment: AttendanceCommandTests.today)
        #expect(result.status != 0, "\(file) was accepted", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "\(file): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(Date().timeIntervalSince(started) < 30, "\(file) took too long", sourceLocation: sourceLocation)
        #expect(try tunet.databaseSnapshot() == before, sourceLocation: sourceLocation)
    }

    @Test("Broken CSV: a 10 MB field, a NUL byte, an unterminated quote, a PDF or an xlsx named .csv")
    func brokenCSV() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let header = "orgnr;deltaker;dato;status\n"
        let huge = try tunet.write("stor.csv", header + "974760673;\"" + String(repeating: "x", count: 10 * 1024 * 1024) + "\";04.05.2026;M\n")
        try refuse(tunet, huge, "row 2, column 2")
        try refuse(tunet, try tunet.write("nul.csv", header + "974760673;P-2026-0101;04.05.2026;M\u{0}\n"), "row 2 contains a NUL byte")
        try refuse(tunet, try tunet.write("sitat.csv", header + "974760673;\"P-2026-0101;04.05.2026;M\n974760673;P-2026-0101;07.05.2026;M\n"),
                   "never closed")
        try refuse(tunet, try tunet.write("pdf.csv", "%PDF-1.7\n1 0 obj\n"), "PDF document")
        let xlsx = tunet.folder.appendingPathComponent("ark.csv")
        try Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 60)).write(to: xlsx)
        try refuse(tunet, xlsx.path, "not an xlsx workbook")
        // Mixed line endings are not an error: every row is read.
        let mixed = try tunet.write("blandet.csv", "orgnr;deltaker;dato;status\r\n974760673;P-2026-0101;04.05.2026;M\n974760673;P-2026-0101;07.05.2026;M\r974760673;P-2026-0101;11.05.2026;FU")
        let result = try tunet.run(["attendance", "import", mixed, "--dry-run"], environment: AttendanceCommandTests.today)
        #expect(result.stdout.contains("Would import 3 rows"), "\(result.stderr)")
    }

    @Test("Hostile xlsx: a zip bomb, external entities, thousands of sheets, deeply nested XML, odd paths")
    func hostileXLSX() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let build = """
            import zipfile
            ct = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>'
            rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'
            wb = '<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="Ark1" r:id="rId1"/></sheets></workbook>'
            def book(name, sheet, workbook=wb, extra=()):
                with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
                    z.writestr('[Content_Types].xml', ct)
                    z.writestr('xl/workbook.xml', workbook)
                    z.writestr('xl/_rels/workbook.xml.rels', rels)
                    z.writestr('xl/worksheets/sheet1.xml', sheet)
                    for path, data in extra: z.writestr(path, data)
            book('bombe.xlsx', '<sheetData>' + ' ' * (300 * 1024 * 1024) + '</sheetData>')
            book('entitet.xlsx', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>')
            sheets = ''.join('<sheet name="A%d" r:id="rId1"/>' % i for i in range(3000))
            book('ark.xlsx', '<sheetData/>', '<?xml version="1.0"?><workbook xmlns:r="r"><sheets>' + sheets + '</sheets></workbook>')
            book('dyp.xlsx', '<worksheet>' + '<a>' * 200000 + '</a>' * 200000 + '</worksheet>')
            book('sti.xlsx', '<sheetData/>', extra=[('../../../../tmp/tunet-escape.txt', 'x'), ('/etc/tunet-abs.txt', 'x')])
            # Found by fuzzing: a column reference that overflowed an integer and aborted the process.
            book('kolonne.xlsx', '<worksheet><sheetData><row r="1"><c r="' + 'A' * 40 + '1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>')
            book('rad.xlsx', '<worksheet><sheetData><row r="9223372036854775807"><c t="inlineStr"><is><t>x</t></is></c></row><row><c/></row></sheetData></worksheet>')
            # Found by fuzzing: FoundationXML aborted the process on an element name that is not UTF-8.
            book('navn.xlsx', b'<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><sppm\\xc3/></sheetData></worksheet>')
            # Found by fuzzing the EHF reader: FoundationXML passed a processing instruction without data to strlen as null.
            book('instruksjon.xlsx', '<worksheet><?x?><sheetData/></worksheet>')
            # One cell at the last column in each of 2 000 rows would unfold into 32 million empty fields.
            book('spredt.xlsx', '<worksheet><sheetData>' + ''.join('<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (i, i) for i in range(1, 2001)) + '</sheetData></worksheet>')
            print('built')
            """
        let python = try Python.run(build, in: tunet.folder)
        #expect(python.output.contains("built"), "\(python.output)")
        try refuse(tunet, "bombe.xlsx", "looks like a zip bomb")
        let entity = try tunet.run(["attendance", "import", "entitet.xlsx", "--provider", "974760673"], environment: AttendanceCommandTests.today)
        #expect(entity.status != 0)
        #expect(!entity.stderr.contains("root:"), "the external entity was resolved")
        try refuse(tunet, "ark.xlsx", "more than 255 sheets")
        let deep = try tunet.run(["attendance", "import", "dyp.xlsx", "--provider", "974760673"], environment: AttendanceCommandTests.today)
        #expect(deep.status != 0)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/tunet-escape.txt"))
        let odd = try tunet.run(["attendance", "import", "sti.xlsx", "--provider", "974760673"], environment: AttendanceCommandTests.today)
        #expect(odd.status != 0)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/tunet-escape.txt") && !FileManager.default.fileExists(atPath: "/etc/tunet-abs.txt"))
        try refuse(tunet, "kolonne.xlsx", "is outside a spreadsheet's 1,048,576 rows and 16,384 columns")
        try refuse(tunet, "rad.xlsx", "is outside a spreadsheet's 1,048,576 rows and 16,384 columns")
        try refuse(tunet, "navn.xlsx", "it is not valid UTF-8 text")
        try refuse(tunet, "instruksjon.xlsx", "a processing instruction without content")
        try refuse(tunet, "spredt.xlsx", "the sheet's rows span more than 20,000,000 cells")
    }
}
