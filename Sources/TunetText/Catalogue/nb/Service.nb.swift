extension Catalogue {
    /// Bokmål: the HTTP service's API and its messages.
    static let nbService: [String: String] = [
        "service.names_for_work_teams": "Navn vises bare for arbeidslagets nøkkel, og hver lesing logges; en prosjektleders nøkkel ser bare deltakerkoder.",
        "service.national_reads_figures": "En nasjonal lesers nøkkel gir bare tall per kommune og målgruppe: bruk /v1/figures.",
        "service.work_team_changes_tasks": "Bare arbeidslagets nøkkel kan endre oppgaver; en prosjektleder kan se dem.",
        "service.task.member_required": "si hvem oppgaven skal til: «member» med navnet, e-postadressen eller nummeret",
        "service.task.body_unreadable": "innholdet er ikke JSON med feltene «member», «comment» eller «text»",
        "service.task.json_expected": "Send endringen som JSON (Content-Type: application/json).",
        "service.farm_endpoint_only": "Dette endepunktet er for gårdene; en prosjektleders nøkkel kan ikke brukes her.",
        "service.reports_for_leaders": "Rapportene er for prosjektledere; en gårds nøkkel kan ikke hente dem.",
        "service.month_required": "oppgi måneden som ?month=2026-03",
        "service.too_many_connections": "Tjenesten har for mange åpne forbindelser akkurat nå. Prøv igjen om litt.",
        "service.too_many_bodies": "Tjenesten tar imot mange filer akkurat nå; ingenting ble lagret. Prøv igjen om litt.",
        "service.incomplete_body": "Forespørselen ble avbrutt før hele innholdet var mottatt; ingenting ble lagret.",

        "service.result.form_expected": "Send filen med skjemaet på månedssiden: det kommer som multipart/form-data.",
        "service.result.form_unreadable": "Skjemaet kunne ikke leses; last siden på nytt og send igjen.",
    ]
}
