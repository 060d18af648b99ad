import Foundation
import Testing

/// Farms, competitions, agreements, KPI and school calendars as a Norwegian user reads them (the default language).
@Suite("Farms, competitions and agreements in bokmål, run as a user runs them")
struct NorwegianAgreementOutputTests {
    static let bokmål = ["TUNET_LANG": "nb"]

    func run(_ tunet: TunetProcess, _ arguments: String..., today: String = "2026-11-23") throws -> TunetProcess.Result {
        try tunet.run(arguments, environment: ["TUNET_LANG": "nb", "TUNET_TODAY": today])
    }

    /// The value after `key:` on its line of a detail list.
    func detail(_ output: String, _ key: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(key + ":") }
            .map { $0.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    func withAgreement() throws -> TunetProcess {
        let tunet = try TunetProcess()
        for farm in AgreementCommandTests.farms + [AgreementCommandTests.agreement] {
            let result = try tunet.run(farm, environment: Self.bokmål)
            #expect(result.status == 0, "\(result.stderr)")
        }
        return tunet
    }

    @Test("agreement add and show: dates as 31.12.2027, money as 8 000 000,00, labels for the status, method and absence rule")
    func agreementShow() throws {
        let tunet = try TunetProcess()
        for farm in AgreementCommandTests.farms { #expect(try tunet.run(farm).status == 0) }
        let added = try tunet.run(AgreementCommandTests.agreement, environment: Self.bokmål)
        #expect(added.stdout == "Registrerte rammeavtale 2025/77 (2 tilbydere, 01.01.2026 til 31.12.2027); tilstand: aktiv.\n")

        let shown = try run(tunet, "agreement", "show", "2025/77")
        #expect(shown.status == 0, "\(shown.stderr)")
        let out = shown.stdout
        #expect(detail(out, "Tilstand") == "aktiv")
        #expect(detail(out, "Målgrupper") == "personer med demens, elever")
        #expect(detail(out, "Periode") == "01.01.2026 til 31.12.2027")
        #expect(detail(out, "Løper til og med") == "31.12.2027")
        #expect(detail(out, "Senest mulige sluttdato") == "31.12.2028")
        #expect(detail(out, "Avropsmetode") == "rangering")
        #expect(detail(out, "Fakturerbart fravær") == "oppmøte og umeldt fravær")
        #expect(detail(out, "Ekstra dager tillatt") == "nei")
        #expect(detail(out, "Prisjustering") == "KPI fra 2025M10, indeksen for måned 10, nye priser fra 1.1. hvert år")
        #expect(detail(out, "Anslått verdi") == "kr 6 000 000,00")
        #expect(detail(out, "Maksimalverdi") == "kr 8 000 000,00")
        #expect(detail(out, "Gjenstående") == "kr 8 000 000,00 (0,0 % av maksimalverdien er utnyttet)")
        #expect(out.contains("""
            Opsjoner på forlengelse:
            #  Måneder  Starter     Besluttes innen  Utløst
            -  -------  ----------  ---------------  ------
            1       12  01.01.2028  30.09.2027
            """))
        #expect(out.contains("""
            Priser som gjelder i dag (23.11.2026):
            Org.nr.    Linje      Enhet  Pris (kr)  Gjelder fra  Kilde
            ---------  ---------  -----  ---------  -----------  -------
            923609016  full_day   dag     1 190,50  01.01.2026   avtalen
            974760673  full_day   dag     1 250,00  01.01.2026   avtalen
            974760673  transport  tur       350,00  01.01.2026   avtalen
            """))
        for english in ["Status", "active", "ranking", "agreement", "provider", "NOK", "2027-12-31"] {
            #expect(!out.contains(english), "«\(english)» in: \(out)")
        }

        let inEnglish = try tunet.run("agreement", "show", "2025/77", "--lang", "en")
        #expect(detail(inEnglish.stdout, "Maximum value") == "NOK 8,000,000.00")
        #expect(detail(inEnglish.stdout, "Period") == "2026-01-01 to 2027-12-31")
        #expect(detail(inEnglish.stdout, "Status") == "active")
    }

    @Test("provider list and show: target groups, weekdays, approval, insurance and status as labels")
    func providerList() throws {
        let tunet = try TunetProcess()
        for farm in AgreementCommandTests.farms { #expect(try tunet.run(farm).status == 0) }
        #expect(try tunet.run("provider", "update", "974760673", "--insurance-expiry", "2027-01-31").status == 0)
        let list = try run(tunet, "provider", "list")
        #expect(list.stdout == """
            Org.nr.    Navn         Kommune         Målgrupper                   Plasser  Ukedager  Godkjenning  Revisjon innen  Forsikring     Forsikret til  Tilstand
            ---------  -----------  --------------  ---------------------------  -------  --------  -----------  --------------  -------------  -------------  --------
            923609016  Haugen gård  3303 Kongsberg  personer med demens                6  man-tor   gyldig       02.05.2027      ukjent                        aktiv
            974760673  Lia gård     3303 Kongsberg  personer med demens, elever        4  man-fre   gyldig       02.05.2027      utløper snart  31.01.2027     aktiv
            2 tilbydere

            """)
        let one = try run(tunet, "provider", "list", "--target-group", "elever")
        #expect(one.stdout.hasSuffix("\n1 tilbyder\n"))
        #expect(try run(tunet, "provider", "list", "--insurance", "expired").stdout == "Ingen tilbydere passer til utvalget.\n")

        #expect(try run(tunet, "provider", "suspend", "923609016", "--reason", "Forsikringen har gått ut").status == 0)
        let shown = try run(tunet, "provider", "show", "923609016")
        #expect(detail(shown.stdout, "Tilstand") == "suspendert (Forsikringen har gått ut)")
        #expect(detail(shown.stdout, "Åpne ukedager") == "man-tor")
        #expect(detail(shown.stdout, "Godkjent") == "02.05.2025")
        #expect(detail(shown.stdout, "Forsikring") == "ukjent")
        #expect(shown.stdout.contains("e2e-tester  suspendert  Forsikringen har gått ut"))
        #expect(try shown.stdout.contains(Regex(#"\n\d\d\.\d\d\.20\d\d \d\d:\d\d:\d\d  e2e-tester  registrert"#)))
        let again = try run(tunet, "provider", "suspend", "923609016", "--reason", "Igjen")
        #expect(again.status == 65)
        #expect(again.stderr == "feil: Haugen gård (923609016) er allerede suspendert (Forsikringen har gått ut).\n")
    }

    @Test("provider update says «Oppdaterte» only when a value changed; otherwise that nothing changed, with no audit event")
    func providerUpdate() throws {
        let tunet = try TunetProcess()
        for farm in AgreementCommandTests.farms { #expect(try tunet.run(farm).status == 0) }
        let changed = try run(tunet, "provider", "update", "974760673", "--places-per-day", "5")
        #expect(changed.stdout == "Oppdaterte Lia gård (974760673); godkjenning: gyldig.\n")
        let before = try tunet.databaseSnapshot()
        let same = try run(tunet, "provider", "update", "974760673", "--places-per-day", "5", "--municipality", "3303")
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout == "Ingenting ble endret for Lia gård (974760673): verdiene var de samme som før; godkjenning: gyldig.\n")
        #expect(try tunet.databaseSnapshot() == before)
        let inEnglish = try tunet.run("provider", "update", "974760673", "--places-per-day", "5")
        #expect(inEnglish.stdout == "Nothing changed for Lia gård (974760673): the values were the same as before; approval: valid.\n")
        let audit = try tunet.json(try tunet.run("audit", "--entity", "provider", "--id", "974760673", "--json")) as? [[String: Any]]
        #expect(audit?.compactMap { $0["action"] as? String } == ["create", "update"])
    }

    @Test("procurement show and list: the rules, the notice and the state as words, «Doffin og TED» above the EEA threshold")
    func procurement() throws {
        let tunet = try TunetProcess()
        let created = try run(tunet, "procurement", "create", "--title", "IPT dagaktivitet", "--target-groups", "dementia",
                              "--municipality", "3303", "--estimated-value", "9000000", today: "2026-01-10")
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix("Opprettet anskaffelse 1: del IV kapittel 30 (særlige tjenester).\n"))
        let shown = try run(tunet, "procurement", "show", "1")
        #expect(detail(shown.stdout, "Tilstand") == "utkast")
        #expect(detail(shown.stdout, "Målgrupper") == "personer med demens")
        #expect(detail(shown.stdout, "Anslått verdi") == "kr 9 000 000,00 eksklusive mva. (særlige tjenester)")
        #expect(detail(shown.stdout, "Regelverk") == "del IV kapittel 30 (særlige tjenester)")
        #expect(detail(shown.stdout, "Kunngjøring") == "Doffin og TED")
        #expect(detail(shown.stdout, "Karensperiode") == "påkrevd")
        #expect(detail(shown.stdout, "Kan forbeholdes ideelle organisasjoner") == "ja")

        #expect(try run(tunet, "procurement", "create", "--title", "IPT skole", "--target-groups", "pupils", "--municipality", "1866",
                        "--estimated-value", "3 200 000", today: "2026-01-10").status == 0)
        let national = try run(tunet, "procurement", "show", "2")
        #expect(detail(national.stdout, "Regelverk") == "del I og II (nasjonale regler)")
        #expect(detail(national.stdout, "Kunngjøring") == "Doffin")
        #expect(detail(national.stdout, "Karensperiode") == "ikke påkrevd")
        let list = try run(tunet, "procurement", "list")
        #expect(list.stdout.contains("2  IPT skole         3 200 000,00  del I og II (nasjonale regler)               0         utkast"))
        for code in ["part_ii", "doffin_and_ted", "draft", "special"] { #expect(!list.stdout.contains(code) && !shown.stdout.contains(code)) }
        let bad = try run(tunet, "procurement", "list", "--state", "åpen")
        #expect(bad.stderr == "feil: state: bruk en av draft, open, evaluating, awarded, concluded, cancelled\n")
    }

    @Test("A competition's evaluation and award in bokmål: points with a decimal comma, no standstill below the EEA thresholds")
    func award() throws {
        let tunet = try TunetProcess()
        for org in ["923609016", "974760673"] {
            #expect(try tunet.run("provider", "add", "--org", org, "--name", "Gård \(org)", "--municipality", "1866", "--target-groups", "pupils",
                                  "--places-per-day", "3", "--open-weekdays", "mon-fri").status == 0)
        }
        for arguments in [["procurement", "create", "--title", "IPT skole", "--target-groups", "pupils", "--municipality", "1866",
                           "--estimated-value", "3 200 000"],
                          ["procurement", "criteria", "1", "--criterion", "Pris:40:price", "--criterion", "Kvalitet:60",
                           "--price-line", "full_day:day:2000", "--deadline", "2026-02-01"],
                          ["procurement", "open", "1"]] {
            #expect(try tunet.run(arguments, environment: ["TUNET_TODAY": "2026-01-10"]).status == 0)
        }
        let tendered = try run(tunet, "procurement", "tender", "1", "--provider", "923609016", "--price", "full_day=1200", "--score", "Kvalitet=8",
                               today: "2026-01-20")
        #expect(tendered.stdout == "Registrerte tilbudet fra 923609016 i anskaffelse 1 (1 tilbud).\n")
        #expect(try run(tunet, "procurement", "tender", "1", "--provider", "974760673", "--price", "full_day=1500", "--score", "Kvalitet=9",
                        today: "2026-01-20").status == 0)
        let evaluated = try run(tunet, "procurement", "evaluate", "1", today: "2026-02-02")
        // 923609016: 40 × 10 + 60 × 8 = 8,800; 974760673: 40 × 8 (1200 ÷ 1500 × 10) + 60 × 9 = 8,600.
        #expect(evaluated.stdout.contains("""
            Evaluering (prispoeng = laveste evaluerte pris ÷ evaluert pris × 10):
            Plass  Org.nr.    Evaluert pris    Pris  Kvalitet  Sum poeng  Likt resultat avgjort ved
            -----  ---------  -------------  ------  --------  ---------  -------------------------
                1  923609016   2 400 000,00  10,000     8,000      8,800
                2  974760673   3 000 000,00   8,000     9,000      8,600
            """))
        let awarded = try run(tunet, "procurement", "award", "1", "--winners", "2", "--notice-date", "2026-02-03", today: "2026-02-03")
        #expect(awarded.stdout == "Anskaffelse 1 er tildelt 923609016 og 974760673; det kreves ingen karensperiode (del I og II (nasjonale regler)), så rammeavtalen kan inngås nå.\n")
    }

    @Test("kpi set, import and list, and the school calendar, in bokmål")
    func kpiAndCalendar() throws {
        let tunet = try TunetProcess()
        #expect(try run(tunet, "kpi", "set", "2026M10", "143.6").stdout == "KPI 2026M10 = 143,6\n")
        #expect(try run(tunet, "kpi", "set", "2026-10", "143,6").stdout == "KPI 2026M10 = 143,6 (uendret; ingenting ble endret)\n")
        let imported = try run(tunet, "kpi", "import", TunetProcess.example("kpi-03013.csv"), "--dry-run")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("Ville importert 7 måneder av konsumprisindeksen for alle konsumgrupper fra kpi-03013.csv (langt oppsett): 6 nye, 1 endret, 0 uendret."))
        #expect(imported.stdout.contains("""
            Måneder uten publisert verdi: 2026M11.
            1 rad utelatt:
            Rader  Hvorfor                                       Hva de inneholdt
            -----  --------------------------------------------  ----------------
            11     «..» ikke tilgjengelig (ikke publisert ennå)  2026M11
            """))
        #expect(imported.stdout.hasSuffix("Prøvekjøring: ingenting ble lagret.\n"))

        let set = try run(tunet, "calendar", "school", "set", "--municipality", "3303", "--from", "2026-10-05", "--to", "09.10.2026",
                          "--name", "Høstferie")
        #expect(set.stdout == "Høstferie er registrert for 3303 Kongsberg; kommunen har 1 skoleferie.\n")
        let overlap = try run(tunet, "calendar", "school", "set", "--municipality", "3303", "--from", "2026-10-08", "--to", "2026-10-12",
                              "--name", "Langhelg")
        #expect(overlap.status == 65)
        #expect(overlap.stderr == "feil: Langhelg (08.10.2026–12.10.2026) overlapper Høstferie (05.10.2026–09.10.2026) i 3303 Kongsberg.\n")
        let shown = try run(tunet, "calendar", "school", "show", "--municipality", "3303", "--year", "2026")
        #expect(shown.stdout.hasPrefix("""
            Fra         Til         Skoleferie
            ----------  ----------  ----------
            05.10.2026  09.10.2026  Høstferie

            Dato        Dag  Helligdag
            """))
        #expect(shown.stdout.contains("17.05.2026  søn  Grunnlovsdag"))
        #expect(try run(tunet, "calendar", "school", "show", "--municipality", "1866").stdout
                == "Ingen skoleferier er registrert for 1866 Hadsel.\n")

        let file = TunetProcess.example("school-calendar.csv")
        #expect(try run(tunet, "calendar", "school", "import", file).stdout == """
            1837 Meløy: 2 skoleferier
            1866 Hadsel: 4 skoleferier
            Skoleruten er erstattet for 2 kommuner.

            """)
        let calendars = try tunet.databaseSnapshot()
        #expect(try run(tunet, "calendar", "school", "import", file).stdout == """
            1837 Meløy: 2 skoleferier (uendret)
            1866 Hadsel: 4 skoleferier (uendret)
            Ingenting ble endret: skolerutene i filen er de samme som de som er lagret.

            """)
        #expect(try tunet.databaseSnapshot() == calendars)
    }
}
