extension Catalogue {
    /// Bokmål: the provider-facing HTTP service and its upload page.
    static let nbService: [String: String] = [
        "service.names_for_work_teams": "Navn vises bare for arbeidslagets nøkkel, og hver lesing logges; en prosjektleders nøkkel ser bare deltakerkoder.",
        "service.national_reads_figures": "En nasjonal lesers nøkkel gir bare tall per kommune og målgruppe: bruk /v1/figures.",
        "service.work_team_changes_tasks": "Bare arbeidslagets nøkkel kan endre oppgaver; en prosjektleder kan se dem.",
        "service.task.member_required": "si hvem oppgaven skal til: «member» med navnet, e-postadressen eller nummeret",
        "service.task.body_unreadable": "innholdet er ikke JSON med feltene «member», «comment» eller «text»",
        "service.farm_endpoint_only": "Dette endepunktet er for gårdene; en prosjektleders nøkkel kan ikke brukes her.",
        "service.reports_for_leaders": "Rapportene er for prosjektledere; en gårds nøkkel kan ikke hente dem.",
        "service.month_required": "oppgi måneden som ?month=2026-03",
        "service.too_many_connections": "Tjenesten har for mange åpne forbindelser akkurat nå. Prøv igjen om litt.",
        "service.too_many_bodies": "Tjenesten tar imot mange filer akkurat nå; ingenting ble lagret. Prøv igjen om litt.",
        "service.incomplete_body": "Forespørselen ble avbrutt før hele innholdet var mottatt; ingenting ble lagret.",

        // The upload page at /.
        "service.page.title": "Tunet: send oppmøte",
        "service.page.heading": "Send oppmøteliste",
        "service.page.intro": "Lim inn nøkkelen (token) dere fikk fra kommunen, velg filen (CSV eller utfylt xlsx-mal) og send.",
        "service.page.token": "Nøkkel",
        "service.page.file": "Fil (CSV eller xlsx)",
        "service.page.again": "Bruk filen på nytt, også om den er sendt før (når dager i den er endret siden)",
        "service.page.send": "Send fil",
        "service.page.template_heading": "Last ned mal",
        "service.page.template_intro": "Malen har en rad for hver planlagt dag i måneden. Fyll den ut og send den tilbake her.",
        "service.page.month": "Måned (for eksempel 2026-05)",
        "service.page.download": "Last ned mal",
        "service.page.scripts": "Programmer kan sende filen rett til POST /v1/attendance, med nøkkelen i Authorization-feltet (se Contracts/openapi.yaml).",
        "service.page.other_language": "English",
        "service.page.back": "Tilbake til skjemaet",

        // What came of a form sent from the page.
        "service.result.received": "Oppmøtelisten er tatt imot",
        "service.result.unchanged": "Denne filen er sendt før",
        "service.result.superseded": "Denne filen er sendt før, men dager i den er endret siden",
        "service.result.apply_again": "Vil du bruke filen på nytt, slik at den erstatter de endrede dagene? Send den igjen med «Bruk filen på nytt» krysset av.",
        "service.result.refused": "Filen ble ikke tatt imot",
        "service.result.refused_intro": "Ingenting ble lagret: filen har {count} {count|feil|feil}. Rett {count|den|dem} og send hele filen på nytt.",
        "service.result.column.row": "Rad",
        "service.result.column.field": "Felt",
        "service.result.column.value": "Verdi",
        "service.result.column.reason": "Årsak",
        "service.result.file_required": "Velg en fil før du sender.",
        "service.result.month_required": "Velg en måned.",
        "service.result.form_expected": "Send skjemaet på siden /: det kommer som multipart/form-data.",
        "service.result.form_unreadable": "Skjemaet kunne ikke leses; last siden på nytt og send igjen.",
    ]
}
