import Foundation
import Testing

/// PlacementCommandTests' two farms under a ranked agreement for Hadsel, read in bokmål: a pupil on
/// Wednesdays in December 2026 (2, 9 and 16 December; 23 and 30 are in the Christmas holiday) at Strand
/// for 1 000,00 a day, and a person with dementia on the same Wednesdays at Fjellheim, 900,00 a day and
/// two trips at 250,00: 5 × 1 400,00 = 7 000,00.
@Suite("Call-offs in bokmål: labels, plurals, dates 31.12.2026 and money 1 234,50")
struct NorwegianPlacementTests {
    static let bokmal = ["TUNET_LANG": "nb"]

    func run(_ tunet: TunetProcess, _ arguments: [String]) throws -> TunetProcess.Result {
        try tunet.run(arguments, environment: Self.bokmal)
    }

    @Test("placement add, list and show say what was placed, in bokmål")
    func placed() throws {
        let tunet = try PlacementCommandTests().prepared()
        let pupil = try run(tunet, PlacementCommandTests.pupil)
        #expect(pupil.status == 0, "\(pupil.stderr)")
        // The rule's own words are the planner's (TunetDomain); the sentence around them is the command's.
        #expect(pupil.stdout.hasPrefix("Plasserte P-2026-0001 hos 923609016 som plassering 1: 3 planlagte dager, 3 000,00 kr bundet.\nValgt ved rangering: "))
        #expect(pupil.stdout.hasSuffix("\nGjenstående under avtalen: 197 000,00 kr\n"))
        let dementia = try run(tunet, PlacementCommandTests.dementia)
        #expect(dementia.stdout.hasPrefix("Plasserte P-2026-0002 hos 974760673 som plassering 2: 5 planlagte dager, 7 000,00 kr bundet.\n"))
        #expect(dementia.stdout.contains("\n  hoppet over nr. 1 i rangeringen, 923609016: "))
        let one = try run(tunet, ["placement", "add", "--agreement", "2026/5", "--kind", "dementia", "--municipality", "1866", "--weekdays", "mon",
                                  "--start", "2026-12-01", "--end", "2026-12-07", "--decision", "HO-2026/8", "--dry-run"])
        #expect(one.stdout.hasPrefix("Ville plassert hos 923609016: 1 planlagt dag, 1 000,00 kr. Prøvekjøring: ingenting ble lagret.\n"))

        let list = try run(tunet, ["placement", "list"])
        let lines = list.stdout.components(separatedBy: "\n")
        #expect(lines[0].split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            == "# Deltaker Type Avtale Tilbyder Kommune Ukedager Periode Planlagt Beregnet (kr) Tilstand !")
        #expect(lines[2].contains("P-2026-0001  elev  "))
        #expect(lines[2].contains("  ons       01.12.2026–31.12.2026         3       3 000,00  planlagt"))
        #expect(lines[3].contains("P-2026-0002  demens (dagaktivitet)  "))
        #expect(lines[4] == "Sum: 2 plasseringer, 8 planlagte dager, 10 000,00 kr beregnet")

        let shown = try run(tunet, ["placement", "show", "2"])
        for line in ["Type:                demens (dagaktivitet)", "Tilstand:            planlagt", "Kommune:             1866 Hadsel",
                     "Periode:             01.12.2026 til 31.12.2026, ons", "Beregnet kostnad:    7 000,00 kr",
                     "Skyss:               ja, 2 turer om dagen"] {
            #expect(shown.stdout.contains(line + "\n"), "\(line)\n\(shown.stdout)")
        }
        let school = try run(tunet, ["placement", "show", "1"])
        #expect(school.stdout.contains("Skole:            Stokmarknes skole, 6. trinn\n"), "\(school.stdout)")
    }

    @Test("end, cancel, extend and follow-ups in bokmål; a cancelled placement counts as nothing")
    func lifecycle() throws {
        let tunet = try PlacementCommandTests().prepared()
        #expect(try run(tunet, PlacementCommandTests.pupil).status == 0)
        #expect(try run(tunet, PlacementCommandTests.dementia).status == 0)
        let ended = try run(tunet, ["placement", "end", "2", "--on", "2026-12-10", "--reason", "Flyttet"])
        #expect(ended.stdout == "Plassering 2 slutter nå 10.12.2026: 2 planlagte dager, 2 800,00 kr bundet.\n")
        #expect(try run(tunet, ["placement", "cancel", "1", "--reason", "Familien takket nei"]).stdout == "Plassering 1 er avlyst.\n")
        let list = try run(tunet, ["placement", "list"])
        #expect(list.stdout.hasSuffix("Sum: 1 plassering, 2 planlagte dager, 2 800,00 kr beregnet (1 avlyst, som ikke telles med)\n"))
        #expect(list.stdout.contains("  avlyst"))
        let refused = try run(tunet, ["placement", "extend", "1", "--to", "2027-01-31"])
        #expect(refused.status == 65)
        #expect(refused.stderr == "feil: Plassering 1 er avlyst (Familien takket nei); den kan ikke forlenges.\n")
        let tooEarly = try run(tunet, ["placement", "end", "2", "--on", "2026-12-20"])
        #expect(tooEarly.stderr == "feil: on: ny sluttdato må være fra og med startdatoen (01.12.2026) og før dagens sluttdato (10.12.2026); bruk `placement extend` for å forlenge\n")

        let added = try run(tunet, ["placement", "followup", "add", "2", "--date", "2026-11-20", "--roles", "participant,pårørende",
                                    "--wishes", "Vil stelle hestene", "--next", "2027-02-20"])
        #expect(added.stdout == "Registrerte oppfølgingssamtalen 20.11.2026 for plassering 2; neste samtale innen 20.02.2027.\n")
        #expect(try run(tunet, ["placement", "followup", "list", "2"]).stdout == """
            Dato        Roller               Ønsker og behov     Neste
            ----------  -------------------  ------------------  ----------
            20.11.2026  deltaker, pårørende  Vil stelle hestene  20.02.2027

            """)
        let empty = try run(tunet, ["placement", "followup", "add", "2", "--date", "2026-12-20", "--roles", "", "--wishes", " "])
        #expect(empty.status == 65)
        #expect(empty.stderr == """
            feil: 3 feil i det som ble gitt inn; ingenting ble endret:
              - roles: skriv hvilke roller som var med (deltaker, pårørende, lærer, bonde, koordinator)
              - wishes: skriv deltakerens egne ønsker og behov slik de ble sagt
              - date: en oppfølgingssamtale registreres etter at den er holdt; datoen er i fremtiden

            """)
        #expect(try run(tunet, ["placement", "show", "x"]).stderr == "feil: placement: «x» er ikke et plasseringsnummer; se `tunet placement list`\n")
        #expect(try run(tunet, ["placement", "list", "--kind", "ku"]).stderr == "feil: kind: bruk elev eller demens (pupil eller dementia)\n")
    }
}
