extension Catalogue {
    /// Bokmål: hjelp til pilotene og evalueringen av dem, og til konsumprisindeksen (`tunet pilot`, `tunet kpi`).
    static let nbHelpPilots: [String: String] = [
        "help.pilot.abstract": "Piloter og evalueringen av dem: plasseringer, oppmøte, kostnad mot et dagsenter, dokumenterte valg, oppgaver og målinger.",
        "help.pilot.discussion": """
            Eksempler:
              tunet pilot add --name "Demens Oslo og Viken" --county Viken \\
                --target-group dementia --municipality 3316 --municipality 0301 \\
                --from 2026-01-01 --to 2027-12-31 \\
                --project-leader "Prosjektleder, Oslo kommune"
              tunet pilot evaluate 1 -o evaluering.xlsx
              tunet pilot compare 1 2
            """,
        "help.pilot.add.abstract": "Registrer en pilot.",
        "help.pilot.add.discussion": "Eksempel: se `tunet pilot --help`.",
        "help.pilot.add.name": "Navn.",
        "help.pilot.add.county": "Fylke.",
        "help.pilot.add.target-group": "Målgruppe: pupils (elever) eller dementia (personer med demens).",
        "help.pilot.add.municipality": "Kommunenummer; gjenta valget for flere.",
        "help.pilot.add.from": "Første dag (YYYY-MM-DD eller DD.MM.YYYY).",
        "help.pilot.add.to": "Siste dag.",
        "help.pilot.add.project-leader": "Prosjektleder (rolle eller navn).",
        "help.pilot.add.research-partner": "Forskningspartner.",
        "help.pilot.list.abstract": "List opp pilotene.",
        "help.pilot.list.discussion": """
            Eksempel:
              tunet pilot list --json
            """,
        "help.pilot.show.abstract": "Vis en pilot og målingene i den.",
        "help.pilot.show.discussion": """
            Eksempel:
              tunet pilot show 1
            """,
        "help.pilot.show.id": "Pilotens nummer eller navn.",
        "help.pilot.reference-price.abstract": "Prisen for en deltakerdag på et ordinært dagsenter i en kommune.",
        "help.pilot.reference-price.discussion": """
            Eksempel:
              tunet pilot reference-price 1 --municipality 3316 --price 1450
            """,
        "help.pilot.reference-price.id": "Pilotens nummer eller navn.",
        "help.pilot.reference-price.municipality": "Kommune.",
        "help.pilot.reference-price.price": "Kroner per deltakerdag.",
        "help.pilot.measure.abstract": "Målinger fra spørreundersøkelser og observasjon.",
        "help.pilot.measure.discussion": """
            Eksempel:
              tunet pilot measure add 1 --municipality 3316 --from 2026-01-01 \\
                --to 2026-06-30 --name good_mood --value 52 --unit percent --n 24 \\
                --source "Observasjon, forskningspartner"
            """,
        "help.pilot.measure.add.abstract": "Registrer en måling for en periode og en kommune, med n og kilde.",
        "help.pilot.measure.add.discussion": """
            Enheter: percent (prosent, 0–100, én desimal) eller score (poeng, 1–5). En måling på det ordinære \
            dagsenteret (--setting day_centre) er sammenligningsgrunnlaget når pilot evaluate sammenligner \
            gårdens måling med samme navn.

            Eksempel:
              tunet pilot measure add 1 --municipality 3316 --from 2026-01-01 \\
                --to 2026-06-30 --name satisfaction --value 4.3 --unit score \\
                --n 20 --source Spørreskjema
            """,
        "help.pilot.measure.add.id": "Pilotens nummer eller navn.",
        "help.pilot.measure.add.municipality": "Kommune.",
        "help.pilot.measure.add.from": "Første dag i perioden som er målt.",
        "help.pilot.measure.add.to": "Siste dag.",
        "help.pilot.measure.add.name": "Målingen (good_mood, social_activity, satisfaction).",
        "help.pilot.measure.add.value": "Verdien, med én desimal.",
        "help.pilot.measure.add.unit": "percent (prosent) eller score (poeng).",
        "help.pilot.measure.add.n": "Hvor mange deltakere eller observasjoner.",
        "help.pilot.measure.add.source": "Hvor tallet kommer fra.",
        "help.pilot.measure.add.setting": "Hvor det ble målt: farm (gården, standard) eller day_centre, det ordinære dagsenteret som pilot evaluate sammenligner gården med.",
        "help.pilot.evaluate.abstract": "Beregn pilotens indikatorer ut fra dataene.",
        "help.pilot.evaluate.discussion": """
            For hver kommune: deltakere og plasseringer (etter sektor), planlagte dager og oppmøtedager og \
            oppmøteandelen, forbruk (fakturert oppmøte), kostnad per deltakerdag med oppmøte mot dagsenterprisen. \
            For piloten: godkjente og aktive tilbydere, plasseringer der valget av gård er dokumentert etter \
            avtalens regel, oppgaver utført innen fristen, og de registrerte målingene.

            Eksempel:
              tunet pilot evaluate 1 --from 2026-01-01 --to 2026-06-30 \\
                -o evaluering.xlsx
            """,
        "help.pilot.evaluate.id": "Pilotens nummer eller navn.",
        "help.pilot.evaluate.from": "Fra (standard: pilotens start).",
        "help.pilot.evaluate.to": "Til (standard: pilotens slutt).",
        "help.pilot.evaluate.output": "Skriv også en xlsx-arbeidsbok med diagram.",
        "help.pilot.compare.abstract": "Sammenlign piloter side om side.",
        "help.pilot.compare.discussion": """
            Eksempel:
              tunet pilot compare 1 2 -o sammenligning.xlsx
            """,
        "help.pilot.compare.ids": "To eller flere piloter (nummer eller navn).",
        "help.pilot.compare.output": "Skriv også en xlsx-arbeidsbok med diagram.",

        "help.kpi.abstract": "Konsumprisindeksen fra SSB (tabell 03013, 2015 = 100), brukt til prisjustering.",
        "help.kpi.discussion": """
            Eksempler:
              tunet kpi set 2026M10 137.4
              tunet kpi import 03013.csv
              tunet kpi list
            """,
        "help.kpi.set.abstract": "Registrer indeksen for én måned.",
        "help.kpi.set.discussion": """
            Eksempel:
              tunet kpi set 2026M10 137.4
            """,
        "help.kpi.set.month": "Måneden, 2026M10 eller 2026-10.",
        "help.kpi.set.index": "Indeksen, med én desimal.",
        "help.kpi.import.abstract": "Importer tabell 03013 slik den er lastet ned fra SSB (semikolonseparert).",
        "help.kpi.import.discussion": """
            Leser totalindeksen (Totalindeks, Konsumprisindeks (2015=100)) fra en nedlasting i langt format \
            (en kolonne «måned», med eller uten «konsumgruppe») eller bredt format (en kolonne per måned). Andre \
            konsumgrupper og andre statistikkvariabler (Månedsendring, 12-måneders endring) utelates og navngis; \
            rader med «..», «.», «...» eller «:» i stedet for et tall utelates og telles; kilde- og fotnotelinjene \
            under tabellen hoppes over. En måned i ukjent form, en verdi som ikke er en indeks, eller en måned \
            oppgitt to ganger med ulike verdier er en feil som navngir raden, og ingenting lagres.

            Format: Contracts/kpi-03013.md.

            Eksempel:
              tunet kpi import 03013.csv --dry-run
            """,
        "help.kpi.import.file": "CSV-filen.",
        "help.kpi.import.dry-run": "Kontroller og rapporter uten å lagre.",
        "help.kpi.list.abstract": "List opp de registrerte indeksverdiene.",
        "help.kpi.list.discussion": """
            Eksempel:
              tunet kpi list --json
            """,
    ]
}
