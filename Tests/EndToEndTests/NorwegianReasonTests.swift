import Foundation
import Testing

/// What a Norwegian user reads when Tunet refuses what they sent: bokmål, the row and the file's column,
/// dates as 31.12.2026, and nothing stored.
@Suite("Refused input explained in bokmål, run as a user runs it")
struct NorwegianReasonTests {
    static let bokmål = ["TUNET_LANG": "nb"]
    static let may = AttendanceCommandTests.today.merging(bokmål) { $1 }

    @Test("An attendance file with a day not in the calendar, an unknown code and a weekend names each row and column, and stores nothing")
    func attendanceFile() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let before = try tunet.databaseSnapshot()
        let file = try tunet.write("mai.csv", "orgnr;deltaker;dato;status\n974760673;P-2026-0101;31.02.2026;M\n"
            + "974760673;P-2026-0101;04.05.2026;X\n974760673;P-2026-0101;09.05.2026;M\n")
        let result = try tunet.run(["attendance", "import", file], environment: Self.may)
        #expect(result.status == 65)
        #expect(result.stderr == """
            feil: 3 feil i det som ble gitt inn; ingenting ble endret:
              - rad 2, dato: «31.02.2026» er ikke en dag i kalenderen
              - rad 3, oppmøte: «X» er ikke en oppmøtekode; bruk M (møtt), FM (fravær meldt), FU (fravær umeldt) eller AT (avlyst av tilbyder)
              - rad 4, dato: 09.05.2026 er ikke en planlagt dag for P-2026-0101 (helg); merk raden som ekstradag hvis deltakeren kom likevel

            """, "\(result.stderr)")
        #expect(try tunet.databaseSnapshot() == before)

        let english = try tunet.run(["attendance", "import", file], environment: AttendanceCommandTests.today)
        #expect(english.stderr.contains("  - row 2, date: '31.02.2026' is not a day in the calendar\n"), "\(english.stderr)")
        #expect(english.stderr.contains("  - row 4, date: 2026-05-09 is not a planned day for P-2026-0101 (a weekend)"), "\(english.stderr)")

        // The sheet sent back with an error column says the same, row by row.
        #expect(try tunet.run(["attendance", "import", file, "--errors-out", "feil.xlsx"], environment: Self.may).status == 65)
        let check = """
            import openpyxl
            ws = openpyxl.load_workbook('feil.xlsx')['Feil']
            print(ws['E2'].value)
            print(ws['E3'].value.split(';')[0])
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.output == "Dato: «31.02.2026» er ikke en dag i kalenderen\nOppmøte: «X» er ikke en oppmøtekode\n", "\(python.output)")
    }

    @Test("A wrong organisation number is refused on the command line by its option's field and in a register file by its column")
    func organisationNumber() throws {
        let tunet = try TunetProcess()
        let added = try tunet.run(["provider", "add", "--org", "923609017", "--name", "Haugen gård", "--municipality", "3303",
                                   "--target-groups", "elever", "--places-per-day", "2", "--open-weekdays", "man-fre"], environment: Self.bokmål)
        #expect(added.status == 65)
        #expect(added.stderr == "feil: organisation_number: «923609017» er ikke et gyldig organisasjonsnummer: kontrollsifferet "
            + "(det siste sifferet) er feil; se etter en skrivefeil\n", "\(added.stderr)")
        let file = try tunet.write("gårder.csv", "organisasjonsnummer;navn;kommunenummer;målgrupper;plasser;åpningsdager\n"
            + "923609017;Haugen gård;301;elever;2;man-fre\n")
        let imported = try tunet.run(["provider", "import", file], environment: Self.bokmål)
        #expect(imported.status == 65)
        #expect(imported.stderr.contains("  - rad 2, organisasjonsnummer: «923609017» er ikke et gyldig organisasjonsnummer: kontrollsifferet "
            + "(det siste sifferet) er feil; se etter en skrivefeil\n"), "\(imported.stderr)")
        #expect(imported.stderr.contains("  - rad 2, kommunenummer: «301» har 3 sifre; kommunenumre har 4 (mente du 0301 Oslo? "
            + "et regneark kan ha fjernet nullen foran)"), "\(imported.stderr)")
        #expect(!(try tunet.databaseSnapshot()).contains("Haugen"))
    }

    @Test("A participant code holding a national identity number is refused with a hyphen, a space or a full stop as without one")
    func identityNumber() throws {
        let tunet = try AttendanceCommandTests().prepared()
        let before = try tunet.databaseSnapshot()
        for code in ["01019012345", "010190-12345", "010190 12345", "010190.12345"] {
            let result = try tunet.run(["placement", "add", "--agreement", "2026/9", "--provider", "974760673", "--participant", code,
                                        "--kind", "dementia", "--municipality", "3303", "--weekdays", "mon", "--start", "2026-07-01",
                                        "--end", "2026-07-31", "--decision", "HO-3"], environment: Self.may)
            #expect(result.status == 65, "\(code): \(result.stderr)")
            #expect(result.stderr == "feil: participant: «\(code)» ser ut som et fødselsnummer; Tunet lagrer bare pseudonyme koder "
                + "(utelat koden, så lager Tunet en)\n", "\(result.stderr)")
        }
        let english = try tunet.run(["placement", "add", "--agreement", "2026/9", "--provider", "974760673", "--participant", "010190 12345",
                                     "--kind", "dementia", "--municipality", "3303", "--weekdays", "mon", "--start", "2026-07-01",
                                     "--end", "2026-07-31", "--decision", "HO-3"], environment: AttendanceCommandTests.today)
        #expect(english.stderr.contains("participant: '010190 12345' looks like a national identity number"), "\(english.stderr)")
        // In an attendance file the code is refused the same way, by its row and column.
        let file = try tunet.write("juni.csv", "orgnr;deltaker;dato;status\n974760673;010190 12345;04.06.2026;M\n")
        let imported = try tunet.run(["attendance", "import", file], environment: Self.may)
        #expect(imported.stderr.contains("rad 2, deltaker: «010190 12345» ser ut som et fødselsnummer"), "\(imported.stderr)")
        #expect(try tunet.databaseSnapshot() == before)
    }

    @Test("The farms the ranking passes over are named with their reasons in bokmål")
    func rankingReasons() throws {
        let tunet = try PlacementCommandTests().prepared()
        #expect(try tunet.run(PlacementCommandTests.pupil).status == 0)
        let second = try tunet.run(PlacementCommandTests.pupil, environment: Self.bokmål)
        #expect(second.status == 65)
        #expect(second.stderr == """
            feil: Ingen tilbyder i avtale 2026/5 kan ta imot denne plasseringen:
              - rang 1 923609016: fullt på ons (1 av 1 plasser tatt, første gang 02.12.2026)
              - rang 2 974760673: den har ingen politiattest, som elevplasseringer krever

            """, "\(second.stderr)")
    }

    @Test("A PDF sent as a CSV file is named for what it is")
    func notText() throws {
        let tunet = try TunetProcess()
        let file = try tunet.write("faktura.csv", "%PDF-1.4 faktura")
        let result = try tunet.run(["provider", "import", file], environment: Self.bokmål)
        #expect(result.status == 66)
        #expect(result.stderr == "feil: Kan ikke lese «faktura.csv»: dette er et PDF-dokument, ikke en CSV-tekstfil; lagre den som CSV "
            + "(eller send xlsx-filen med et navn som slutter på .xlsx)\n", "\(result.stderr)")
    }
}
