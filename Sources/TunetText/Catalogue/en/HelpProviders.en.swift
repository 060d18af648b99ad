extension Catalogue {
    /// English: the help of the register of farms.
    static let enHelpProviders: [String: String] = [
        "help.provider.abstract": "The register of farms (providers): add, change, suspend, look up and import.",
        "help.provider.discussion": """
            Examples:
              tunet provider list --target-group pupils
              tunet provider show 974760673
              tunet provider import farms.csv --dry-run
            """,

        "help.provider.add.abstract": "Register a farm.",
        "help.provider.add.discussion": """
            Required: --org, --name, --municipality, --target-groups, --places-per-day, --open-weekdays.

            Example:
              tunet provider add --org 974760673 --name "Lia gård" --municipality 3303 \\
                --target-groups pupils,dementia --places-per-day 4 \\
                --open-weekdays mon-fri --approval-date 2025-05-02 \\
                --next-audit 2027-05-02 --police-certificate 2026-01-10
            """,
        "help.provider.add.org": "Organisation number, 9 digits.",

        "help.provider.update.abstract": "Change a farm's details; only the options given change. An empty value clears an optional field; values equal to the stored ones change nothing, and the command says so.",
        "help.provider.update.discussion": """
            Example:
              tunet provider update 974760673 --next-audit 2028-05-02 \\
                --phone "+47 912 34 567"
              tunet provider update 974760673 --email ""      (clears the e-mail address)
            """,
        "help.provider.update.organisation-number": "The farm's organisation number.",

        "help.provider.show.abstract": "Show one farm with its derived approval state and its history.",
        "help.provider.show.discussion": """
            Example:
              tunet provider show 974760673 --json
            """,
        "help.provider.show.organisation-number": "The farm's organisation number.",

        "help.provider.list.abstract": "List farms, optionally filtered.",
        "help.provider.list.discussion": """
            Approval states: valid, expiring (external audit due within 90 days), audit_overdue, not_approved.
            Insurance states: valid, expiring (the insurance expiry is within 90 days, today included), expired \
            (the expiry has passed; no new placements), unknown (no insurance expiry recorded).

            Examples:
              tunet provider list --target-group pupils --municipality 1866
              tunet provider list --state audit_overdue --json
              tunet provider list --insurance expired
            """,
        "help.provider.list.target-group": "Only farms serving this target group: pupils, dementia, other.",
        "help.provider.list.municipality": "Only farms in this municipality (4 digits).",
        "help.provider.list.state": "Only farms in this approval state: valid, expiring, audit_overdue, not_approved.",
        "help.provider.list.insurance": "Only farms in this insurance state: valid, expiring, expired, unknown.",
        "help.provider.list.status": "Only active or suspended farms.",

        "help.provider.suspend.abstract": "Suspend a farm: no new placements until it is reactivated.",
        "help.provider.suspend.discussion": """
            Example:
              tunet provider suspend 974760673 --reason \"Insurance expired\"
            """,
        "help.provider.suspend.organisation-number": "The farm's organisation number.",
        "help.provider.suspend.reason": "Why the farm is suspended (required, kept in the audit log).",

        "help.provider.reactivate.abstract": "Lift a suspension.",
        "help.provider.reactivate.discussion": """
            Example:
              tunet provider reactivate 974760673 --note \"Insurance renewed\"
            """,
        "help.provider.reactivate.organisation-number": "The farm's organisation number.",
        "help.provider.reactivate.note": "A note for the audit log.",

        "help.provider.import.abstract": "Import farms from a CSV file, all or nothing.",
        "help.provider.import.discussion": """
            The format (columns, encodings, delimiters, date forms) is described in \
            Contracts/provider-register-csv.md. One bad row and nothing is stored; every bad row is \
            listed with its row number, column and reason.

            Examples:
              tunet provider import farms.csv --dry-run
              tunet provider import farms.csv --update-existing
            """,
        "help.provider.import.file": "The CSV file.",
        "help.provider.import.dry-run": "Check the file and report what would change, without storing anything.",
        "help.provider.import.update-existing": "Update farms that are already registered instead of refusing them.",

        "help.options.provider.name": "Farm name.",
        "help.options.provider.contact-person": "Contact person.",
        "help.options.provider.email": "E-mail address.",
        "help.options.provider.phone": "Phone number (8 digits, optionally with +47).",
        "help.options.provider.address": "Postal address.",
        "help.options.provider.municipality": "Municipality number, 4 digits (3303 Kongsberg).",
        "help.options.provider.producer-number": "Producer number (produsentnummer), digits.",
        "help.options.provider.farm-number": "Farm and holding number, gnr/bnr (12/3).",
        "help.options.provider.target-groups": "Target groups: pupils, dementia, other (comma-separated).",
        "help.options.provider.places-per-day": "Places per day.",
        "help.options.provider.open-weekdays": "Open weekdays: mon,tue or mon-fri.",
        "help.options.provider.approval-date": "IPT approval date (YYYY-MM-DD or DD.MM.YYYY).",
        "help.options.provider.next-audit": "Next external audit date.",
        "help.options.provider.police-certificate": "Date of the police certificate (politiattest).",
        "help.options.provider.insurance-expiry": "Insurance expiry date.",
        "help.options.provider.non-profit": "Why the farm is a non-profit (ideell) organisation, e.g. its entry in the Register of Non-Profit Organisations; only such farms may tender in a reserved competition. An empty text unmarks it.",
    ]
}
