extension Catalogue {
    /// Bokmål: hjelp til rapportene, fakturakontrollen og revisjonsloggen (`tunet export`,
    /// `tunet invoice check|show|list`, `tunet audit`).
    static let nbHelpReports: [String: String] = [
        "help.export.abstract": "Skriv en rapport fra rapportkatalogen som xlsx-arbeidsbok (`tunet export list` viser katalogen).",
        "help.export.discussion": """
            Hver arbeidsbok har en forside (tittel, filtre, tidspunkt, Tunets versjon), formaterte og frosne \
            overskrifter, autofilter, formater for kroner og datoer, og summer. Norske overskrifter som standard, \
            engelske med --lang en. Uten -o havner filen i Reports/output/ i mappen du står i. Katalogen er \
            Reports/catalogue.json.

            Eksempler:
              tunet export list
              tunet export agreements --municipality 3303 -o avtaler.xlsx
              tunet export attendance-month --from 2026-03-01 --lang en
              tunet export invoice-basis --month 2026-03 --provider 974760673 \\
                -o lia-2026-03.xlsx
              tunet export attendance-rows --from 2026-01-01 --to 2026-12-31 -o /tmp
              tunet export ocds --buyer 3303=ORGANISASJONSNUMMER -o kongsberg-ocds.json

            `ocds` skriver en utgivelsespakke etter Open Contracting Data Standard 1.1 (JSON) i stedet for en \
            arbeidsbok: konkurransene, rammeavtalene og avropene summert per gård og måned (Contracts/ocds.md).
            """,
        "help.export.report": "Navnet på rapporten, eller list.",
        "help.export.from": "Fra denne dagen (YYYY-MM-DD eller DD.MM.YYYY); for månedsrapporter måneden denne dagen ligger i.",
        "help.export.to": "Til denne dagen.",
        "help.export.month": "Én måned, 2026-03 (i stedet for --from og --to).",
        "help.export.municipality": "Bare denne kommunen (fire sifre).",
        "help.export.provider": "Bare denne gården (organisasjonsnummer), for rapportene som bruker det (invoice-basis).",
        "help.export.pilot": "Bare kommunene i denne piloten og, med mindre --from/--to sier noe annet, perioden dens (nummer eller navn).",
        "help.export.buyer": "Bare for ocds: organisasjonsnummeret til en kjøperkommune, 3303=ORGANISASJONSNUMMER (gjenta for hver).",
        "help.export.ocid-prefix": "Bare for ocds: utgiverens OCID-prefiks fra Open Contracting Partnership (standard {prefix}).",
        "help.export.output": "xlsx-filen, eller en mappe å skrive den i (ocds: .json-filen).",

        "help.invoice.abstract": "Fakturagrunnlaget per gård og måned, og gårdenes EHF-fakturaer kontrollert mot det.",
        "help.invoice.discussion": """
            Eksempler:
              tunet invoice basis --provider 912345602 --month 2026-03
              tunet invoice check faktura-1042.xml
              tunet invoice list --status differs
            """,
        "help.invoice.basis.abstract": "Fakturerbare dager etter status under hver avtales fraværsregel, til prisen som gjaldt hver dag, pluss skyss.",
        "help.invoice.basis.discussion": """
            Beløpene er nøyaktige til øret. En måned med planlagte dager uten rapport merkes som ufullstendig.

            Hvilke dager som ble fakturert til hvilken pris: under plasseringene én linje per prisperiode, per \
            plassering og prislinje (dagprisen, så skyss): de fakturerte dagene etter hverandre til én enhetspris, \
            fra den første til den siste av dem, antall dager, mengden (dager, eller turer for skyss), \
            enhetsprisen og beløpet. En prisversjon som gjelder fra en dag i måneden (en KPI-justering fra den \
            16., for eksempel) begynner en ny periode; periodene summerer seg til totalen. Med -o har \
            arbeidsboken dem på arket «Prisperioder», med hver periodes datoer.

            Eksempler:
              tunet invoice basis --provider 912345602 --month 2026-03 --json
              tunet invoice basis --provider 912345602 --month 2026-03 -o lia-2026-03.xlsx
            """,
        "help.invoice.basis.provider": "Gården (organisasjonsnummer).",
        "help.invoice.basis.month": "Måneden, 2026-03.",
        "help.invoice.basis.output": "Skriv det også som en xlsx-arbeidsbok.",
        "help.invoice.check.abstract": "Kontroller EHF-fakturaen eller kreditnotaen fra en gård mot fakturagrunnlaget, og registrer kontrollen.",
        "help.invoice.check.discussion": """
            Leser en EHF-faktura eller -kreditnota (Peppol BIS Billing 3.0, UBL 2.1; Contracts/ehf-invoice.md) og \
            holder den opp mot gårdens fakturagrunnlag for fakturaperioden: for hver prislinje dagene eller turene \
            og beløpet, prisen på hver linje mot avtalens pris de dagene, totalen, fakturaens egne summer og \
            merverdiavgiften. Hvert avvik navngis, nøyaktig på øret. En kreditnota holdes opp mot fakturaen den \
            krediterer: det fakturaen blir etter kreditnotaene, kontrolleres på nytt.

            Hver kontroll registreres og logges (nummer, gård, periode, beløp, resultat, filens SHA-256). Samme \
            fakturanummer på nytt meldes som allerede kontrollert og endrer ingenting; --again kontrollerer den \
            samme filen én gang til (for eksempel når oppmøtet er fullført siden).

            Avslutningskode: 0 når fakturaen stemmer med grunnlaget, 1 når den avviker, 65 eller mer for en fil \
            som ikke kan leses (da registreres ingenting).

            Eksempler:
              tunet invoice check faktura-1042.xml
              tunet invoice check faktura-1042.xml --provider 912345602 \\
                -o kontroll-1042.xlsx
              tunet invoice check kreditnota-17.xml --json
              tunet invoice check faktura-1042.xml --again
            """,
        "help.invoice.check.file": "EHF-fakturaen eller -kreditnotaen (XML).",
        "help.invoice.check.provider": "Gården fakturaen skal komme fra; en faktura fra en annen selger avvises.",
        "help.invoice.check.municipality": "Kommunen fakturaen går til, når gården har deltakere i flere (fire sifre).",
        "help.invoice.check.again": "Kontroller en faktura som allerede er kontrollert, én gang til, når det er samme fil.",
        "help.invoice.check.output": "Skriv også kontrollen som en xlsx-arbeidsbok.",
        "help.invoice.show.abstract": "Én kontrollert faktura eller kreditnota: prislinjene mot grunnlaget og hvert avvik.",
        "help.invoice.show.discussion": """
            Fritekst fra fakturaen (varenavn, begrunnelsen for et tillegg) lagres ikke, og vises derfor ikke her.

            Eksempel:
              tunet invoice show 2
            """,
        "help.invoice.show.id": "Nummeret på kontrollen (fra `tunet invoice list`).",
        "help.invoice.list.abstract": "Fakturaene og kreditnotaene som er kontrollert, med resultatene.",
        "help.invoice.list.discussion": """
            Eksempler:
              tunet invoice list
              tunet invoice list --provider 912345602 --month 2026-10
              tunet invoice list --status differs --json
            """,
        "help.invoice.list.provider": "Bare denne gården.",
        "help.invoice.list.month": "Bare fakturaer der perioden begynner i denne måneden, 2026-10.",
        "help.invoice.list.status": "Bare dette resultatet: matches (stemmer), differs (avviker) eller credited (kreditert).",

        "help.audit.abstract": "Vis revisjonsloggen: hvem som endret hva og når, med tilstanden før og etter.",
        "help.audit.discussion": """
            Eksempler:
              tunet audit --entity provider --id 974760673
              tunet audit --since 2026-03-01 --json
              tunet audit --limit 20            de 20 nyeste hendelsene, i tidsrekkefølge
              tunet audit --limit 5 --oldest    de 5 første hendelsene
            """,
        "help.audit.entity": "Bare hendelser for denne typen objekt (provider).",
        "help.audit.id": "Bare hendelser for dette objektet (for en tilbyder: organisasjonsnummeret).",
        "help.audit.since": "Bare hendelser på eller etter denne dagen (YYYY-MM-DD eller DD.MM.YYYY, norsk tid).",
        "help.audit.limit": "Bare så mange av de nyeste hendelsene (vist i tidsrekkefølge); med --oldest de første.",
        "help.audit.oldest": "Med --limit: de eldste hendelsene i stedet for de nyeste.",
        "help.audit.verbose": "Skriv også tilstanden før og etter hver endring.",
    ]
}
