extension Catalogue {
    /// Bokmål: help common to every command: the words around it, value names, the top level and the
    /// option groups many commands share. Each command's own help is in its area's Help file.
    static let nbHelp: [String: String] = [
        "help.chrome.overview": "OVERSIKT: ",
        "help.chrome.usage": "BRUK: ",
        "help.chrome.arguments": "ARGUMENTER:",
        "help.chrome.options": "VALG:",
        "help.chrome.subcommands": "UNDERKOMMANDOER:",
        "help.chrome.default": "(standard: {value})",
        "help.chrome.values": "(verdier: {value})",
        "help.chrome.see_subcommand": "Se «{value} <underkommando>» for hjelp til hver av dem.",
        "help.chrome.help": "Vis denne hjelpen.",
        "help.chrome.version": "Vis versjonen.",
        "help.chrome.default_subcommand": "standard",
        "help.chrome.subcommand_value": "underkommando",
        "help.chrome.options_value": "valg",

        "help.value.path": "fil",
        "help.value.name": "navn",
        "help.value.language": "nb|en",
        "help.value.seconds": "sekunder",
        "help.value.count": "antall",
        "help.value.basis": "grunnlag",
        "help.value.megabytes": "MB",
        "help.value.address": "IP",
        "help.value.month": "måned",
        "help.value.index": "indeks",
        "help.value.report": "rapport",
        // group A
        "help.value.organisation_number": "orgnr",
        "help.value.number": "nummer",
        "help.value.reference": "referanse",
        "help.value.journey": "forløp",

        "help.tunet.abstract": "Innkjøp av Inn på tunet for kommuner: gårder, avtaler, plasseringer og oppmøte.",
        "help.tunet.discussion": """
            Tunet holder dataene i én SQLite-fil (tunet.sqlite i mappen du står i, med mindre --database eller \
            TUNET_DATABASE sier noe annet) eller i en PostgreSQL-database (en postgres://-adresse). Hver endring \
            logges under navnet gitt med --as eller TUNET_ACTOR (ellers brukeren i operativsystemet).

            Eksempler:
              # en demodatabase i ./tunet.sqlite
              tunet demo
              # gårder der godkjenningen går ut innen 90 dager
              tunet provider list --state expiring
              # kontroller en registerfil uten å lagre den
              tunet provider import gårder.csv --dry-run
              # endringer i gårdsregisteret siden nyttår
              tunet audit --entity provider --since 2026-01-01
              # Tab-fullføring i bash (zsh og fish: se tunet completions --help)
              source <(tunet completions bash)

            Avslutningskoder: 0 vellykket, 64 feil kommandolinje, 65 ugyldige data (ingenting endret), \
            66 ikke funnet, 73 kan ikke skrive utdatafilen, 74 databasen er for ny eller skadet, 75 databasen er opptatt, \
            70 intern feil.
            """,

        "help.options.global.database": "Databasen: en fil, eller en postgres://-adresse (standard: $TUNET_DATABASE, ellers ./tunet.sqlite).",
        "help.options.global.as": "Hvem som handler, for revisjonsloggen (standard: $TUNET_ACTOR, ellers brukernavnet ditt).",
        "help.options.global.lang": "Språket Tunet skriver på: nb (bokmål, standard) eller en (engelsk) (standard: $TUNET_LANG, ellers nb).",
        "help.options.output.json": "Skriv JSON for programmer i stedet for en tabell (feltnavnene står i Contracts/cli-json.md).",
        "help.options.overwrite.force": "Skriv over utdatafilen hvis den finnes (aldri databasen eller journalfilene dens).",
    ]
}
