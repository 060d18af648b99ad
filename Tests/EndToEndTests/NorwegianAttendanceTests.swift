import Foundation
import Testing

/// AttendanceCommandTests' May 2026 at Lia gård and Haugen gård, read in bokmål: the import summary with
/// its plurals, the reconciliation with its rate (6 of 9 is 66,7 %), the invoice basis (9 675,00) and
/// the submissions, each month named as bokmål names it.
@Suite("Attendance and the invoice basis in bokmål")
struct NorwegianAttendanceTests {
    static let bokmal = AttendanceCommandTests.today.merging(["TUNET_LANG": "nb"]) { $1 }

    func run(_ tunet: TunetProcess, _ arguments: [String]) throws -> TunetProcess.Result {
        try tunet.run(arguments, environment: Self.bokmal)
    }

    @Test("The import summary: 1 rad, 2 rader, 1 ny, 2 nye, 2 gårder, a dry run, the same file again, rows left empty")
    func importSummary() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let may = TunetProcess.example("attendance-excel-semicolon.csv")
        #expect(try run(tunet, ["attendance", "import", may, "--dry-run"]).stdout == """
            Ville importert 10 rader fra attendance-excel-semicolon.csv for 974760673 (mai 2026): 10 nye, 0 endret, 0 uendret.
            Prøvekjøring: ingenting ble lagret.

            """)
        #expect(try run(tunet, ["attendance", "import", may]).stdout
            == "Importerte 10 rader fra attendance-excel-semicolon.csv for 974760673 (mai 2026): 10 nye, 0 endret, 0 uendret.\n")
        #expect(try run(tunet, ["attendance", "import", may]).stdout
            == "attendance-excel-semicolon.csv er identisk med innsending 1 (samme innhold); ingenting ble endret.\n")
        let one = try tunet.write("en.csv", "orgnr;deltaker;dato;status\n974760673;P-2026-0101;01.06.2026;M\n974760673;P-2026-0101;04.06.2026;\n")
        #expect(try run(tunet, ["attendance", "import", one]).stdout == """
            Importerte 1 rad fra en.csv for 974760673 (juni 2026): 1 ny, 0 endret, 0 uendret.
            1 rad var tom (uten oppmøte): dagen er ikke rapportert og står som manglende.

            """)
        let two = try tunet.write("to.csv", """
            orgnr;deltaker;dato;status
            974760673;P-2026-0101;08.06.2026;M
            923609016;P-2026-0200;02.06.2026;M
            974760673;P-2026-0102;03.06.2026;
            974760673;P-2026-0102;10.06.2026;

            """)
        #expect(try run(tunet, ["attendance", "import", two]).stdout == """
            Importerte 2 rader fra to.csv for 2 gårder (juni 2026): 2 nye, 0 endret, 0 uendret.
            2 rader var tomme (uten oppmøte): dagene er ikke rapportert og står som manglende.

            """)
        let empty = try tunet.write("tom.csv", "orgnr;deltaker;dato;status\n974760673;P-2026-0101;11.06.2026;\n")
        let refused = try run(tunet, ["attendance", "import", empty])
        #expect(refused.status == 65)
        #expect(refused.stderr == "feil: status: ingen rad har oppmøte fylt ut (1 tom rad), så filen rapporterer ingenting og ingenting ble endret; fyll inn M, FM, FU eller AT for dagene som skal rapporteres\n")
        let submissions = try run(tunet, ["attendance", "submissions"])
        #expect(submissions.stdout.hasPrefix("#  Mottatt (norsk tid)  Av "), "\(submissions.stdout)")
        #expect(submissions.stdout.contains("  974760673  attendance-excel-semicolon.csv  mai 2026      10   10       0        0  "))
    }

    @Test("attendance status: planned, reported and missing days, and the rate 66,7 %")
    func status() throws {
        let tunet = try AttendanceCommandTests().prepared()
        #expect(try run(tunet, ["attendance", "import", TunetProcess.example("attendance-excel-semicolon.csv")]).status == 0)
        #expect(try run(tunet, ["attendance", "status", "--month", "2026-05"]).stdout == """
            Org.nr.    Tilbyder     Planlagt  Rapportert  Mangler  Møtt  Oppmøteandel
            ---------  -----------  --------  ----------  -------  ----  ------------
            923609016  Haugen gård         4           0        4     0             –
            974760673  Lia gård           10          10        0     6        66,7 %

            """)
        #expect(try run(tunet, ["attendance", "status", "--month", "2026-01"]).stdout == "Ingen plasseringer løper i januar 2026.\n")
    }

    @Test("The invoice basis: the sum 9 675,00 kr, and a month missing reports is incomplete")
    func invoiceBasis() throws {
        let tunet = try AttendanceCommandTests().prepared()
        #expect(try run(tunet, ["attendance", "import", TunetProcess.example("attendance-excel-semicolon.csv")]).status == 0)
        let lia = try run(tunet, ["invoice", "basis", "--provider", "974760673", "--month", "2026-05"])
        #expect(lia.stdout.hasPrefix("Fakturagrunnlag for Lia gård (974760673), mai 2026\n"))
        #expect(lia.stdout.hasSuffix("\nSum: 9 675,00 kr (dager 8 150,00, skyss 1 525,00)\n"))
        let lines = lia.stdout.components(separatedBy: "\n").map {
            $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " {2,}", with: "|", options: .regularExpression).components(separatedBy: "|")
        }
        // 4, 7, 18 May present, 11 May absent without notice (billed), 21 May with notice, 28 May cancelled by the farm.
        #expect(lines.contains(["1", "P-2026-0101", "2026/9", "6", "6", "3", "1", "1", "1", "4", "4 050,00", "6", "1 525,00", "5 575,00", "0"]))
        #expect(lines.contains(["1", "P-2026-0101", "full_day", "18.05.2026", "18.05.2026", "1", "1", "dag", "1 050,00", "1 050,00"]))
        #expect(lines.contains(["1", "P-2026-0101", "transport", "18.05.2026", "18.05.2026", "1", "2", "tur", "262,50", "525,00"]))
        let haugen = try run(tunet, ["invoice", "basis", "--provider", "923609016", "--month", "2026-05", "-o", "haugen.xlsx"])
        #expect(haugen.stdout.hasPrefix("Skrev haugen.xlsx.\nFakturagrunnlag for Haugen gård (923609016), mai 2026: UFULLSTENDIG, planlagte dager mangler rapport\n"))
        #expect(haugen.stdout.hasSuffix("\nSum: 0,00 kr (dager 0,00, skyss 0,00)\n"))
        // The heading, the header row fourth, Haugen's one placement fifth and the totals right below it.
        let read = try Python.run("""
            import openpyxl
            ws = openpyxl.load_workbook('haugen.xlsx')['Fakturagrunnlag']
            print(ws['A1'].value)
            print(ws['A2'].value)
            print(ws['P4'].value, '|', ws['A6'].value)
            """, in: tunet.folder)
        #expect(read.status == 0, "\(read.output)")
        #expect(read.output == """
            Fakturagrunnlag mai 2026: Haugen gård (923 609 016)
            UFULLSTENDIG: planlagte dager mangler rapport.
            Over maksimalverdien | Sum

            """)
    }
}
