extension Catalogue {
    /// English: the help of framework agreements, their prices, places and consumption.
    static let enHelpAgreements: [String: String] = [
        "help.agreement.abstract": "Framework agreements (rammeavtaler): register, extend, terminate, prices and the ceiling.",
        "help.agreement.discussion": """
            Examples:
              tunet agreement list --status expiring
              tunet agreement show 2023/4512
              tunet agreement consumption 2025/DAG-77 --by-municipality
              tunet agreement prices 2023/4512 --on 2027-02-01
              tunet agreement adjust-prices --year 2027 --dry-run
            """,

        "help.agreement.add.abstract": "Register an existing framework agreement directly.",
        "help.agreement.add.discussion": """
            The total duration with every option may not exceed 4 years unless --special-reason is given. \
            The maximum value is required: when committed and spent reach it, the agreement is used up.

            Example (Kongsberg, ranked cascade, KPI-adjusted each January from October's index):
              tunet agreement add --reference 2023/4512 --title "Inn på tunet Kongsberg" \\
                --municipality 3303 --provider 912345602:1 --provider 912345718:2 \\
                --target-groups pupils,dementia --start 2024-01-01 --end 2025-12-31 \\
                --option 12:2025-09-30 --option 12:2026-09-30 --estimated-value 6000000 \\
                --maximum-value 8000000 --call-off ranking \\
                --absence-rule bill_unannounced_absence \\
                --price 912345602:full_day:day:1250 --price 912345602:transport:trip:350 \\
                --price 912345718:full_day:day:1190 --kpi-base 2023M10 --kpi-month 10
            """,
        "help.agreement.add.reference": "The agreement's reference (case number), like 2023/4512.",
        "help.agreement.add.title": "Title.",
        "help.agreement.add.municipality": "Municipality number; repeat for joint purchasing.",
        "help.agreement.add.provider": "A party: ORGNR or ORGNR:RANK; repeat for each provider.",
        "help.agreement.add.target-groups": "Target groups: pupils, dementia, other.",
        "help.agreement.add.start": "First day (YYYY-MM-DD or DD.MM.YYYY).",
        "help.agreement.add.end": "Last day without options.",
        "help.agreement.add.option": "An extension option MONTHS:DECISION-DEADLINE; repeat in order.",
        "help.agreement.add.estimated-value": "Estimated value in NOK excl. VAT for the whole possible duration.",
        "help.agreement.add.maximum-value": "Maximum value in NOK (required): the binding ceiling.",
        "help.agreement.add.maximum-participant-days": "Optional maximum number of participant-days.",
        "help.agreement.add.call-off": "Call-off method: direct, ranking, criteria, mini_competition.",
        "help.agreement.add.allocation-criteria": "The allocation criteria written in the agreement (for --call-off criteria).",
        "help.agreement.add.absence-rule": "Billable absence: present_only (default), bill_unannounced_absence, bill_all_absence.",
        "help.agreement.add.transport-billing": "Billed trips: billable_days (default: only on days the absence rule bills, never on a day the farm cancelled) or as_reported (every reported trip).",
        "help.agreement.add.allows-extra-days": "Providers may report extra days outside a placement's weekdays.",
        "help.agreement.add.bought-places": "Places bought ORGNR:GROUP:PLACES, or ORGNR:GROUP:PLACES:WEEKDAYS where the contract buys per weekday; repeat. Call-offs beyond them are refused unless --allows-extra-places.",
        "help.agreement.add.allows-extra-places": "Call-offs may go beyond the bought places.",
        "help.agreement.add.price": "A price line ORGNR:LINE:UNIT:AMOUNT (unit day, half_day, trip, hour); repeat.",
        "help.agreement.add.kpi-base": "KPI base month the prices are given in, like 2023M10.",
        "help.agreement.add.kpi-month": "Month of the index read each year (1–12).",
        "help.agreement.add.kpi-effective-month": "Month the adjusted prices take effect (1–12, default 1).",
        "help.agreement.add.kpi-effective-day": "Day of that month they take effect (1–28, default 1), for adjustment on the anniversary.",
        "help.agreement.add.special-reason": "Why the agreement may run longer than 4 years (stored and audited).",

        "help.agreement.show.abstract": "Show an agreement: the ceiling (by municipality when joint), parties, options and prices today.",
        "help.agreement.show.discussion": """
            Example:
              tunet agreement show 2023/4512 --json
            """,
        "help.agreement.show.reference": "The agreement's reference.",

        "help.agreement.list.abstract": "List agreements, optionally filtered.",
        "help.agreement.list.discussion": """
            Statuses: draft, active, expiring (ends within 6 months), expired, terminated, exhausted.

            Example:
              tunet agreement list --municipality 3303 --status active
            """,
        "help.agreement.list.status": "Only agreements with this status.",
        "help.agreement.list.municipality": "Only agreements of this municipality.",
        "help.agreement.list.provider": "Only agreements with this provider as a party.",

        "help.agreement.extend.abstract": "Exercise the next extension option (before its decision deadline).",
        "help.agreement.extend.discussion": """
            Example:
              tunet agreement extend 2023/4512 \\
                --note \"Decided by the work team 2025-09-12\"
            """,
        "help.agreement.extend.reference": "The agreement's reference.",
        "help.agreement.extend.note": "A note for the audit log.",

        "help.agreement.terminate.abstract": "Terminate an agreement from a day, with a reason.",
        "help.agreement.terminate.discussion": """
            The agreement no longer applies from the given day; its last day is the day before. Placements \
            that run on or past that day are listed and the termination is refused until you say what \
            happens to them: --end-placements ends each on the agreement's last day and releases its \
            committed value (a placement not yet started is cancelled), each audited; --keep-placements \
            keeps them as they are, with the reason recorded.

            Examples:
              tunet agreement terminate 2023/4512 \\
                --reason "Merged into the joint agreement" --on 2027-01-01
              tunet agreement terminate 2023/4512 --reason "Breach of contract" \\
                --on 2026-12-15 --end-placements
            """,
        "help.agreement.terminate.reference": "The agreement's reference.",
        "help.agreement.terminate.reason": "Why (required, audited).",
        "help.agreement.terminate.on": "The first day it no longer applies (default today).",
        "help.agreement.terminate.end-placements": "End the placements that run past the termination on the agreement's last day.",
        "help.agreement.terminate.keep-placements": "Keep the placements that run past the termination, recording the reason.",

        "help.agreement.prices.abstract": "Show the prices valid on a day, and every version of them.",
        "help.agreement.prices.discussion": """
            Example:
              tunet agreement prices 2023/4512 --provider 912345602 --on 2027-01-15
            """,
        "help.agreement.prices.reference": "The agreement's reference.",
        "help.agreement.prices.provider": "Only this provider's prices.",
        "help.agreement.prices.on": "The day (default today).",
        "help.agreement.prices.history": "Also list every price version.",

        "help.agreement.adjust-prices.abstract": "Apply the agreements' KPI clauses for a year; every price is kept as a dated version.",
        "help.agreement.adjust-prices.discussion": """
            New price = original price × KPI(reference month) ÷ KPI(base month), rounded to the nearest øre \
            (halves away from zero). Running it again for the same year changes nothing and says that the year \
            was already applied.

            Example:
              tunet agreement adjust-prices --year 2027 --dry-run
            """,
        "help.agreement.adjust-prices.year": "The year the adjusted prices take effect.",
        "help.agreement.adjust-prices.reference": "Only this agreement.",
        "help.agreement.adjust-prices.dry-run": "Show the new prices without storing them.",

        "help.agreement.places.abstract": "The places an agreement buys per farm and target group, and their use day by day (booked of bought).",
        "help.agreement.places.discussion": """
            A call-off beyond the bought places is refused unless the agreement allows extra places. A farm and \
            target group the agreement buys no places from are limited only by the farm's places per day.

            Examples:
              tunet agreement places 2025/310
              tunet agreement places 2025/310 --from 2026-08-17 --to 2026-08-28
              tunet agreement places 2025/310 --set 974760673:pupils:4 \\
                --set 923609016:dementia:3:mon,wed
              tunet agreement places 2025/310 --set 974760673:pupils:0  # stop buying
              tunet agreement places 2025/310 --enable-extra-places
            """,
        "help.agreement.places.reference": "The agreement's reference.",
        "help.agreement.places.from": "The first day to show (default today).",
        "help.agreement.places.to": "The last day to show (default a week on; at most 367 days).",
        "help.agreement.places.set": "ORGNR:GROUP:PLACES, or ORGNR:GROUP:PLACES:WEEKDAYS where the contract buys per weekday; replaces what is bought there (0 stops it); repeat.",
        "help.agreement.places.extra-places": "Whether call-offs may go beyond the bought places.",

        "help.agreement.consumption.abstract": "Committed plus spent against each agreement's maximum value.",
        "help.agreement.consumption.discussion": """
            Committed is the projected cost of placements; spent is billed attendance. The forecast column is \
            the day the maximum is reached at the pace of the last 90 days ("!" when before the agreement ends \
            or within a new competition's lead time of 270 days). With --by-municipality, \
            each municipality's part of the shared ceiling: every municipality of the agreement, its committed, \
            spent and used, and its share of what the agreement has used and of the maximum.

            Examples:
              tunet agreement consumption 2023/4512
              tunet agreement consumption 2025/DAG-77 --by-municipality
            """,
        "help.agreement.consumption.reference": "One agreement (default: all).",
        "help.agreement.consumption.by-municipality": "Each municipality's committed, spent and used of the shared ceiling.",
    ]
}
