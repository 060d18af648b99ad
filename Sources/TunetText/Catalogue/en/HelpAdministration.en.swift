extension Catalogue {
    /// English: help for running and keeping Tunet (`tunet token`, `serve`, `backup`, `restore`, `copy`,
    /// `privacy`, `demo`, `synthetic`) and the service's limits.
    static let enHelpAdministration: [String: String] = [
        "help.token.abstract": "Tokens for the service: shown once, stored only as a SHA-256 hash.",
        "help.token.discussion": """
            Examples:
              tunet token issue --provider 912345602 --label "Lia gård, regnskap"
              tunet token issue --role leader --municipality 3303 --expires 2027-06-30
              tunet token issue --role work-team --municipality 0301,3316,3326,3107,3222
              tunet token issue --pilot "Demens Oslo og Viken"
              tunet token issue --role national
              tunet token revoke 3
            """,
        "help.token.issue.abstract": "Issue a token and print it once.",
        "help.token.issue.discussion": """
            A farm's token sees its own placements and submissions in every municipality it serves. A leader's or \
            a work team's token sees the municipalities named (--municipality, repeatable or comma-separated), a \
            pilot's municipalities (--pilot, for a county project leader) or, on one municipality's own server, \
            the whole service (--every-municipality). A national reader's token gets counts and money only, never \
            a participant.

            Example:
              tunet token issue --role leader --municipality 3303 --expires 2027-12-31
            """,
        "help.token.issue.provider": "The farm the token belongs to (organisation number).",
        "help.token.issue.role": "provider (default), leader, work-team or national.",
        "help.token.issue.municipality": "A municipality the token sees (a leader or a work team); repeat it or separate by commas.",
        "help.token.issue.pilot": "A pilot, by number or name, whose municipalities a county project leader's token sees.",
        "help.token.issue.every-municipality": "A leader's or work team's token for every municipality of this service.",
        "help.token.issue.expires": "The last day it is valid (default one year).",
        "help.token.issue.label": "A label to recognise it by.",
        "help.token.list.abstract": "List tokens (never the tokens themselves).",
        "help.token.list.discussion": """
            Example:
              tunet token list
            """,
        "help.token.revoke.abstract": "Revoke a token at once.",
        "help.token.revoke.discussion": """
            Example:
              tunet token revoke 3
            """,
        "help.token.revoke.id": "The token number.",

        "help.serve.abstract": "Run the provider-facing HTTP service (attendance upload, templates, placements, reports).",
        "help.serve.discussion": """
            The API is described at /openapi.yaml (Contracts/openapi.yaml, served as it is); farms and project \
            leaders sign in to the web pages at / with their token.

            Examples:
              tunet serve --port 8080
              curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: text/csv" \\
                --data-binary @mars.csv http://127.0.0.1:8080/v1/attendance

            SIGTERM or SIGINT stops the service: it stops accepting connections, lets the requests in flight \
            finish (for at most --drain-timeout seconds), closes the database and exits with 0.
            """,
        "help.serve.host": "The address to listen on.",
        "help.serve.port": "The port (0 picks a free one and prints it).",
        "help.serve.body-limit-mb": "The largest request body in MB.",
        "help.options.serve-limits.max-connections": "The most connections open at once; one more is answered 503 (default: $TUNET_MAX_CONNECTIONS, else 512).",
        "help.options.serve-limits.body-memory-mb": "MB all request bodies may hold at once; an upload beyond it gets 503 (default: $TUNET_BODY_MEMORY_MB, else 100).",
        "help.options.serve-limits.header-timeout": "Seconds from a request's first byte to the end of its headers (default: $TUNET_HEADER_TIMEOUT, else 10).",
        "help.options.serve-limits.body-timeout": "Seconds from a request's headers to the end of its body (default: $TUNET_BODY_TIMEOUT, else 120).",
        "help.options.serve-limits.idle-timeout": "Seconds a connection may stay silent before it is closed (default: $TUNET_IDLE_TIMEOUT, else 30).",
        "help.options.serve-limits.drain-timeout": "Seconds requests in flight may take to finish after SIGTERM or SIGINT (default: $TUNET_DRAIN_TIMEOUT, else 30).",
        "help.options.serve-limits.trusted-proxy": "A reverse proxy (its IP address) whose X-Forwarded-For names the visitor, by which failed sign-ins are counted; repeat it for several (default: $TUNET_TRUSTED_PROXIES, comma-separated).",

        "help.backup.abstract": "Copy the database to a new file, consistently, even while `tunet serve` is writing.",
        "help.backup.discussion": """
            Example:
              tunet backup /var/backups/tunet-2026-11-23.sqlite
            """,
        "help.backup.path": "The new backup file (an existing file is kept unless --force).",

        "help.restore.abstract": "Replace the database's content with a backup, after checking its integrity and schema version.",
        "help.restore.discussion": """
            Everything in the current database is replaced; --yes confirms that. Refused while another process (a \
            running `tunet serve`) has the database open: stop it first. Tokens revoked since the backup stay \
            revoked, and the output names every acknowledged submission the backup does not hold. A backup from \
            an older Tunet is upgraded; one from a newer Tunet or one that fails SQLite's integrity check is \
            refused and nothing changes.

            Example:
              tunet restore /var/backups/tunet-2026-11-23.sqlite --yes
            """,
        "help.restore.path": "The backup file.",
        "help.restore.yes": "Confirm that the current content is replaced.",

        "help.copy.abstract": "Copy a municipality's SQLite database into a shared PostgreSQL database, all or nothing, with its audit history.",
        "help.copy.discussion": """
            Example:
              tunet copy --from kongsberg.sqlite --to postgres://tunet@db.example.no/ipt
            """,
        "help.copy.from": "The municipality's SQLite file.",
        "help.copy.to": "The shared database (postgres://USER@HOST:PORT/DATABASE); the password from PGPASSWORD or ~/.pgpass.",

        "help.privacy.abstract": "Personal data: what is held, erasure for a participant, retention by age.",
        "help.privacy.discussion": """
            Examples:
              tunet privacy report
              tunet privacy erase --participant P-2026-0042 --yes
              tunet privacy retention --older-than 5y
            """,
        "help.privacy.report.abstract": "List the personal data held and its age.",
        "help.privacy.report.discussion": """
            Example:
              tunet privacy report --json
            """,
        "help.privacy.erase.abstract": "Erase a participant's name and free text (also from earlier audit snapshots); attendance and money stay.",
        "help.privacy.erase.discussion": """
            Example:
              tunet privacy erase --participant P-2026-0042 --yes
            """,
        "help.privacy.erase.participant": "The participant code.",
        "help.privacy.erase.yes": "Confirm: the erasure cannot be undone.",
        "help.privacy.retention.abstract": "Erase participants whose placements all ended longer ago than the given age (shows them first without --yes).",
        "help.privacy.retention.discussion": """
            Example:
              tunet privacy retention --older-than 5y --yes
            """,
        "help.privacy.retention.older-than": "An age like 5y or 18m.",
        "help.privacy.retention.yes": "Erase them (without it, only list them).",

        "help.demo.abstract": "Build a realistic demo database (Kongsberg and the Nordland and Oslo/Viken pilot municipalities).",
        "help.demo.discussion": """
            The demo is built only in an empty or new database; --replace deletes the file first.

            Examples:
              tunet demo
              tunet demo --database /tmp/demo.sqlite --replace
            """,
        "help.demo.replace": "Delete the database file first if it exists.",

        "help.synthetic.abstract": "Build a deterministic, fictional national data set for benchmarks and load tests.",
        "help.synthetic.discussion": """
            Farms spread over every municipality (valid, fictional organisation numbers), agreements of eleven \
            farms each, and placements two days a week for the whole year. With --attendance, also writes the \
            attendance the farms would report for every planned day, as one semicolon CSV naming each row's farm \
            (import it without --provider). Only into an empty database; the same numbers and seed always give \
            the same data. The national scale (the defaults) is what Benchmarks/ measures.

            Examples:
              tunet synthetic --database national.sqlite \\
                --attendance national-2025.csv
              tunet synthetic --database small.sqlite --farms 4 --placements 200 \\
                --attendance small.csv
            """,
        "help.synthetic.farms": "Number of farms.",
        "help.synthetic.placements": "Number of placements, spread evenly over the farms.",
        "help.synthetic.year": "The year the placements run through (attendance dates must not be in the future).",
        "help.synthetic.years": "How many years (1–4), from --year on, the placements run through.",
        "help.synthetic.seed": "Seed of the pseudo-random choices (prices, statuses).",
        "help.synthetic.attendance": "Also write the year's attendance to this CSV file.",
        "help.synthetic.attendance-rows": "At most this many attendance rows.",
    ]
}
