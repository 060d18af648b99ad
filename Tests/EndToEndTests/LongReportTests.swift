import Foundation
import Testing

/// A report with a long sheet (more than 5,000 rows) is written row by row, in libxlsxwriter's constant
/// memory; a spreadsheet program reads the same cells as from any other report.
@Suite("A long report, written row by row")
struct LongReportTests {
    /// Valid organisation numbers (modulus 11) from 910 000 000 on.
    private static func organisationNumbers(_ count: Int) -> [String] {
        var numbers: [String] = []
        var base = 91_000_000
        while numbers.count < count {
            let digits = String(base).compactMap(\.wholeNumberValue)
            let sum = zip(digits, [3, 2, 7, 6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
            let check = (11 - sum % 11) % 11
            if check < 10 { numbers.append(String(base) + String(check)) }
            base += 1
        }
        return numbers
    }

    @Test("5,001 farms: every farm is a row, names with æøå read back, and the sheet holds its text in its rows")
    func fiveThousandFarms() throws {
        let tunet = try TunetProcess()
        let numbers = Self.organisationNumbers(5_001)
        let lines = numbers.enumerated().map { "\($1);Gård \($0 + 1) på Ås;3303;elever;4;man-fre" }
        let file = try tunet.write("gårder.csv", "orgnr;navn;kommunenummer;målgrupper;plasser;åpningsdager\n" + lines.joined(separator: "\n") + "\n")
        let imported = try tunet.run("provider", "import", file)
        #expect(imported.status == 0, "\(imported.stderr)")
        let written = try tunet.run("export", "providers", "-o", "gårder.xlsx")
        #expect(written.status == 0, "\(written.stderr)")
        let check = """
            import openpyxl, zipfile
            names = zipfile.ZipFile('gårder.xlsx').namelist()
            print('xl/sharedStrings.xml' in names)
            ws = openpyxl.load_workbook('gårder.xlsx').worksheets[1]
            rows = [row for row in ws.iter_rows(values_only=True) if any(row)]
            farms = [row for row in rows if any(isinstance(cell, str) and cell.startswith('Gård ') for cell in row)]
            print(len(farms))
            print(any('Gård 5001 på Ås' in row for row in farms))
            """
        let read = try Python.run(check, in: tunet.folder)
        #expect(read.output == "False\n5001\nTrue\n", "\(read.output)")
    }
}
