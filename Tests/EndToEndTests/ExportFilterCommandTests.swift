import Foundation
import Testing

@Suite("tunet export: a month, a farm and several pilots")
struct ExportFilterCommandTests {
    static let bokmal = ["TUNET_LANG": "nb"]

    @Test("--month and --provider narrow the invoice basis, and the front sheet says so; a report without a farm filter refuses --provider")
    func monthAndFarm() throws {
        let tunet = try ExportCommandTests.demo()
        let written = try tunet.run(["export", "invoice-basis", "--month", "2026-10", "--provider", "912345602", "-o", "lia.xlsx"],
                                    environment: Self.bokmal)
        #expect(written.status == 0, "\(written.stderr)")
        let check = """
            import openpyxl
            wb = openpyxl.load_workbook('lia.xlsx')
            print(wb['Forside']['B5'].value)
            print(wb['Fakturagrunnlag']['A1'].value)
            print(wb['Fakturagrunnlag']['A4'].value)
            """
        let read = try Python.run(check, in: tunet.folder)
        #expect(read.output == "måned oktober 2026, gård Lia gård (912 345 602)\nFakturagrunnlag oktober 2026: Lia gård (912 345 602)\nPlassering\n",
                "\(read.output)")
        let refused = try tunet.run(["export", "providers", "--provider", "912345602"], environment: Self.bokmal)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("rapporten providers kan ikke avgrenses til én gård"), "\(refused.stderr)")
        let both = try tunet.run(["export", "audit", "--month", "2026-10", "--from", "2026-10-02"])
        #expect(both.status == 65)
        #expect(both.stderr.contains("give a month or a period (from and to), not both"), "\(both.stderr)")
    }

    @Test("pilot compare -o writes the pilot evaluation of the pilots compared, in the order given")
    func comparedPilots() throws {
        let tunet = try ExportCommandTests.demo()
        let compared = try tunet.run(["pilot", "compare", "2", "1", "-o", "sammenligning.xlsx"], environment: Self.bokmal)
        #expect(compared.status == 0, "\(compared.stderr)")
        let names = try [2, 1].map { id in
            try #require(((try tunet.json(try tunet.run(["pilot", "show", String(id), "--json"])) as? [String: Any])?["pilot"] as? [String: Any])?["name"] as? String)
        }
        let check = """
            import openpyxl
            ws = openpyxl.load_workbook('sammenligning.xlsx')['Evaluering']
            print('|'.join(row[0] for row in ws.iter_rows(min_row=2, values_only=True) if row[1] == 'Alle'))
            """
        let read = try Python.run(check, in: tunet.folder)
        #expect(read.output == names.joined(separator: "|") + "\n", "\(read.output)")
    }
}
