extension Catalogue {
    /// English: help for pilots and their evaluation, and for the consumer price index (`tunet pilot`,
    /// `tunet kpi`).
    static let enHelpPilots: [String: String] = [
        "help.pilot.abstract": "Pilots and their evaluation: placements, attendance, cost against a day centre, documented choices, tasks, measures.",
        "help.pilot.discussion": """
            Examples:
              tunet pilot add --name "Demens Oslo og Viken" --county Viken \\
                --target-group dementia --municipality 3316 --municipality 0301 \\
                --from 2026-01-01 --to 2027-12-31 \\
                --project-leader "Prosjektleder, Oslo kommune"
              tunet pilot evaluate 1 -o evaluering.xlsx
              tunet pilot compare 1 2
            """,
        "help.pilot.add.abstract": "Register a pilot.",
        "help.pilot.add.discussion": "Example: see `tunet pilot --help`.",
        "help.pilot.add.name": "Name.",
        "help.pilot.add.county": "County.",
        "help.pilot.add.target-group": "Target group: pupils or dementia.",
        "help.pilot.add.municipality": "Municipality number; repeat.",
        "help.pilot.add.from": "First day (YYYY-MM-DD or DD.MM.YYYY).",
        "help.pilot.add.to": "Last day.",
        "help.pilot.add.project-leader": "Project leader (role or name).",
        "help.pilot.add.research-partner": "Research partner.",
        "help.pilot.list.abstract": "List pilots.",
        "help.pilot.list.discussion": """
            Example:
              tunet pilot list --json
            """,
        "help.pilot.show.abstract": "Show a pilot and its measures.",
        "help.pilot.show.discussion": """
            Example:
              tunet pilot show 1
            """,
        "help.pilot.show.id": "The pilot's number or name.",
        "help.pilot.reference-price.abstract": "The price of a participant-day at an ordinary day centre in a municipality.",
        "help.pilot.reference-price.discussion": """
            Example:
              tunet pilot reference-price 1 --municipality 3316 --price 1450
            """,
        "help.pilot.reference-price.id": "The pilot's number or name.",
        "help.pilot.reference-price.municipality": "Municipality.",
        "help.pilot.reference-price.price": "NOK per participant-day.",
        "help.pilot.measure.abstract": "Survey and observation measures.",
        "help.pilot.measure.discussion": """
            Example:
              tunet pilot measure add 1 --municipality 3316 --from 2026-01-01 \\
                --to 2026-06-30 --name good_mood --value 52 --unit percent --n 24 \\
                --source "Observasjon, forskningspartner"
            """,
        "help.pilot.measure.add.abstract": "Record a measure for a period and municipality, with n and source.",
        "help.pilot.measure.add.discussion": """
            Units: percent (0–100, one decimal) or score (1–5). A measure at the ordinary day centre (--setting \
            day_centre) is the reference pilot evaluate compares the farm's measure of the same name with.

            Example:
              tunet pilot measure add 1 --municipality 3316 --from 2026-01-01 \\
                --to 2026-06-30 --name satisfaction --value 4.3 --unit score \\
                --n 20 --source Spørreskjema
            """,
        "help.pilot.measure.add.id": "The pilot's number or name.",
        "help.pilot.measure.add.municipality": "Municipality.",
        "help.pilot.measure.add.from": "First day of the period measured.",
        "help.pilot.measure.add.to": "Last day.",
        "help.pilot.measure.add.name": "The measure (good_mood, social_activity, satisfaction).",
        "help.pilot.measure.add.value": "The value, one decimal.",
        "help.pilot.measure.add.unit": "percent or score.",
        "help.pilot.measure.add.n": "How many participants or observations.",
        "help.pilot.measure.add.source": "Where the figure comes from.",
        "help.pilot.measure.add.setting": "Where it was measured: farm (the default) or day_centre, the ordinary day centre pilot evaluate compares the farm with.",
        "help.pilot.evaluate.abstract": "Compute the pilot's indicators from the data.",
        "help.pilot.evaluate.discussion": """
            Per municipality: participants and placements (by sector), planned and attended days and the attendance \
            rate, spent (billed attendance), cost per attended participant-day against the day-centre reference. \
            For the pilot: approved and active providers, placements whose farm choice is documented by the \
            agreement's rule, tasks done on time, and the recorded measures.

            Example:
              tunet pilot evaluate 1 --from 2026-01-01 --to 2026-06-30 \\
                -o evaluering.xlsx
            """,
        "help.pilot.evaluate.id": "The pilot's number or name.",
        "help.pilot.evaluate.from": "From (default the pilot's start).",
        "help.pilot.evaluate.to": "To (default the pilot's end).",
        "help.pilot.evaluate.output": "Also write an xlsx workbook with a chart.",
        "help.pilot.compare.abstract": "Put pilots side by side.",
        "help.pilot.compare.discussion": """
            Example:
              tunet pilot compare 1 2 -o sammenligning.xlsx
            """,
        "help.pilot.compare.ids": "Two or more pilots (number or name).",
        "help.pilot.compare.output": "Also write an xlsx workbook with a chart.",

        "help.kpi.abstract": "Statistics Norway's consumer price index (table 03013, 2015 = 100) for price adjustment.",
        "help.kpi.discussion": """
            Examples:
              tunet kpi set 2026M10 137.4
              tunet kpi import 03013.csv
              tunet kpi list
            """,
        "help.kpi.set.abstract": "Register one month's index.",
        "help.kpi.set.discussion": """
            Example:
              tunet kpi set 2026M10 137.4
            """,
        "help.kpi.set.month": "The month, 2026M10 or 2026-10.",
        "help.kpi.set.index": "The index, one decimal.",
        "help.kpi.import.abstract": "Import table 03013 as downloaded from Statistics Norway (semicolon-separated).",
        "help.kpi.import.discussion": """
            Reads the all-item index (Totalindeks, Konsumprisindeks (2015=100)) from a download in the long layout \
            (a 'måned' column, with or without 'konsumgruppe') or the wide layout (a column per month). Other \
            consumer groups and other statistic variables (Månedsendring, 12-måneders endring) are left out and \
            named; rows with '..', '.', '...' or ':' instead of a figure are left out and counted; the source and \
            footnote lines below the table are skipped. A month in an unknown form, a value that is not an index \
            or a month given twice with different values is an error naming the row, and nothing is stored.

            Format: Contracts/kpi-03013.md.

            Example:
              tunet kpi import 03013.csv --dry-run
            """,
        "help.kpi.import.file": "The CSV file.",
        "help.kpi.import.dry-run": "Check and report without storing.",
        "help.kpi.list.abstract": "List the registered index values.",
        "help.kpi.list.discussion": """
            Example:
              tunet kpi list --json
            """,
    ]
}
