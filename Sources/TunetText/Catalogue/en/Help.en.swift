extension Catalogue {
    /// English: help common to every command: the words around it, value names, the top level and the
    /// option groups many commands share. Each command's own help is in its area's Help file.
    static let enHelp: [String: String] = [
        "help.chrome.overview": "OVERVIEW: ",
        "help.chrome.usage": "USAGE: ",
        "help.chrome.arguments": "ARGUMENTS:",
        "help.chrome.options": "OPTIONS:",
        "help.chrome.subcommands": "SUBCOMMANDS:",
        "help.chrome.default": "(default: {value})",
        "help.chrome.values": "(values: {value})",
        "help.chrome.see_subcommand": "See '{value} <subcommand>' for detailed help.",
        "help.chrome.help": "Show help information.",
        "help.chrome.version": "Show the version.",
        "help.chrome.default_subcommand": "default",
        "help.chrome.subcommand_value": "subcommand",
        "help.chrome.options_value": "options",

        "help.value.path": "path",
        "help.value.name": "name",
        "help.value.language": "nb|en",
        "help.value.seconds": "seconds",
        "help.value.count": "n",
        "help.value.basis": "basis",
        "help.value.megabytes": "MB",
        "help.value.address": "IP",
        "help.value.month": "month",
        "help.value.index": "index",
        "help.value.report": "report",
        // group A
        "help.value.organisation_number": "org-number",
        "help.value.number": "number",
        "help.value.reference": "reference",
        "help.value.journey": "journey",

        "help.tunet.abstract": "Inn på tunet purchasing for Norwegian municipalities: farms, agreements, placements and attendance.",
        "help.tunet.discussion": """
            Tunet keeps its data in one SQLite file (tunet.sqlite in the working directory unless --database or \
            TUNET_DATABASE says otherwise) or in a PostgreSQL database (a postgres:// address). Every change is \
            audited under the name given by --as or TUNET_ACTOR (else the operating-system user).

            Examples:
              # a demo database in ./tunet.sqlite
              tunet demo
              # farms whose approval runs out within 90 days
              tunet provider list --state expiring
              # check a register file without storing it
              tunet provider import farms.csv --dry-run
              # changes to the farm register since New Year
              tunet audit --entity provider --since 2026-01-01
              # Tab completion in bash (zsh and fish: see tunet completions --help)
              source <(tunet completions bash)

            Exit codes: 0 success, 64 wrong command line, 65 invalid input (nothing changed), \
            66 not found, 73 output not writable, 74 database too new or damaged, 75 database busy, 70 internal error.
            """,

        "help.options.global.database": "The database: a file, or a postgres:// address (default: $TUNET_DATABASE, else ./tunet.sqlite).",
        "help.options.global.as": "Who is acting, for the audit log (default: $TUNET_ACTOR, else your user name).",
        "help.options.global.lang": "The language to write in: nb (bokmål, the default) or en (default: $TUNET_LANG, else nb).",
        "help.options.output.json": "Print JSON for programs instead of a table (field names in Contracts/cli-json.md).",
        "help.options.overwrite.force": "Overwrite the output file if it already exists (never the database or its journals).",
    ]
}
