extension Catalogue {
    /// Bokmål: hjelpen til registeret over gårder (tilbydere).
    static let nbHelpProviders: [String: String] = [
        "help.provider.abstract": "Registeret over gårder (tilbydere): legg til, endre, suspender, slå opp og importer.",
        "help.provider.discussion": """
            Eksempler:
              tunet provider list --target-group pupils
              tunet provider show 974760673
              tunet provider import gårder.csv --dry-run
            """,

        "help.provider.add.abstract": "Registrer en gård.",
        "help.provider.add.discussion": """
            Påkrevd: --org, --name, --municipality, --target-groups, --places-per-day, --open-weekdays.

            Eksempel:
              tunet provider add --org 974760673 --name "Lia gård" --municipality 3303 \\
                --target-groups pupils,dementia --places-per-day 4 \\
                --open-weekdays mon-fri --approval-date 2025-05-02 \\
                --next-audit 2027-05-02 --police-certificate 2026-01-10
            """,
        "help.provider.add.org": "Organisasjonsnummer, 9 sifre.",

        "help.provider.update.abstract": "Endre opplysningene om en gård; bare valgene du gir, endres. En tom verdi tømmer et valgfritt felt; verdier som er lik de lagrede, endrer ingenting, og kommandoen sier fra om det.",
        "help.provider.update.discussion": """
            Eksempel:
              tunet provider update 974760673 --next-audit 2028-05-02 \\
                --phone "+47 912 34 567"
              tunet provider update 974760673 --email ""      (tømmer e-postadressen)
            """,
        "help.provider.update.organisation-number": "Gårdens organisasjonsnummer.",

        "help.provider.show.abstract": "Vis én gård med godkjenningsstatusen som følger av datoene, og historikken.",
        "help.provider.show.discussion": """
            Eksempel:
              tunet provider show 974760673 --json
            """,
        "help.provider.show.organisation-number": "Gårdens organisasjonsnummer.",

        "help.provider.list.abstract": "List gårder, eventuelt med utvalg.",
        "help.provider.list.discussion": """
            Godkjenningsstatus: valid (gyldig), expiring (eksternt tilsyn forfaller innen 90 dager), audit_overdue \
            (tilsynet er forfalt), not_approved (ikke godkjent).
            Forsikringsstatus: valid (gyldig), expiring (forsikringen utløper innen 90 dager, i dag medregnet), \
            expired (utløpt; ingen nye plasseringer), unknown (ingen utløpsdato registrert).

            Eksempler:
              tunet provider list --target-group pupils --municipality 1866
              tunet provider list --state audit_overdue --json
              tunet provider list --insurance expired
            """,
        "help.provider.list.target-group": "Bare gårder som tar imot denne målgruppen: pupils, dementia, other.",
        "help.provider.list.municipality": "Bare gårder i denne kommunen (4 sifre).",
        "help.provider.list.state": "Bare gårder med denne godkjenningsstatusen: valid, expiring, audit_overdue, not_approved.",
        "help.provider.list.insurance": "Bare gårder med denne forsikringsstatusen: valid, expiring, expired, unknown.",
        "help.provider.list.status": "Bare aktive (active) eller suspenderte (suspended) gårder.",

        "help.provider.suspend.abstract": "Suspender en gård: ingen nye plasseringer før den er aktivert igjen.",
        "help.provider.suspend.discussion": """
            Eksempel:
              tunet provider suspend 974760673 --reason "Forsikringen er utløpt"
            """,
        "help.provider.suspend.organisation-number": "Gårdens organisasjonsnummer.",
        "help.provider.suspend.reason": "Hvorfor gården suspenderes (påkrevd, lagres i revisjonsloggen).",

        "help.provider.reactivate.abstract": "Opphev en suspensjon.",
        "help.provider.reactivate.discussion": """
            Eksempel:
              tunet provider reactivate 974760673 --note "Forsikringen er fornyet"
            """,
        "help.provider.reactivate.organisation-number": "Gårdens organisasjonsnummer.",
        "help.provider.reactivate.note": "En merknad til revisjonsloggen.",

        "help.provider.import.abstract": "Importer gårder fra en CSV-fil, alt eller ingenting.",
        "help.provider.import.discussion": """
            Formatet (kolonner, tegnkoding, skilletegn, datoformer) er beskrevet i \
            Contracts/provider-register-csv.md. Er én rad feil, lagres ingenting; hver feil rad \
            listes med radnummer, kolonne og grunn.

            Eksempler:
              tunet provider import gårder.csv --dry-run
              tunet provider import gårder.csv --update-existing
            """,
        "help.provider.import.file": "CSV-filen.",
        "help.provider.import.dry-run": "Kontroller filen og vis hva som ville blitt endret, uten å lagre noe.",
        "help.provider.import.update-existing": "Oppdater gårder som allerede er registrert, i stedet for å avvise dem.",

        "help.options.provider.name": "Gårdens navn.",
        "help.options.provider.contact-person": "Kontaktperson.",
        "help.options.provider.email": "E-postadresse.",
        "help.options.provider.phone": "Telefonnummer (8 sifre, eventuelt med +47).",
        "help.options.provider.address": "Postadresse.",
        "help.options.provider.municipality": "Kommunenummer, 4 sifre (3303 Kongsberg).",
        "help.options.provider.producer-number": "Produsentnummer, bare sifre.",
        "help.options.provider.farm-number": "Gårds- og bruksnummer, gnr/bnr (12/3).",
        "help.options.provider.target-groups": "Målgrupper: pupils (elever), dementia (personer med demens), other (andre), kommaseparert.",
        "help.options.provider.places-per-day": "Plasser per dag.",
        "help.options.provider.open-weekdays": "Åpne ukedager: mon,tue eller mon-fri.",
        "help.options.provider.approval-date": "Dato for IPT-godkjenningen (YYYY-MM-DD eller DD.MM.YYYY).",
        "help.options.provider.next-audit": "Dato for neste eksterne tilsyn.",
        "help.options.provider.police-certificate": "Datoen på politiattesten.",
        "help.options.provider.insurance-expiry": "Datoen forsikringen utløper.",
        "help.options.provider.non-profit": "Hvorfor gården er en ideell organisasjon, for eksempel oppføringen i Frivillighetsregisteret; bare slike gårder kan gi tilbud i en konkurranse som er reservert for ideelle. En tom tekst fjerner merkingen.",
    ]
}
