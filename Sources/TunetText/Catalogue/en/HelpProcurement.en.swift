extension Catalogue {
    /// English: the help of competitions, tenders, award and award letters.
    static let enHelpProcurement: [String: String] = [
        "help.procurement.abstract": "Competitions that end in framework agreements: draft → open → evaluating → awarded → concluded.",
        "help.procurement.discussion": """
            Example, from draft to agreement:
              tunet procurement create --title "IPT skole Nordland" \\
                --target-groups pupils --municipality 1866 --municipality 1837 \\
                --estimated-value 3200000
              tunet procurement criteria 1 --criterion Pris:40:price \\
                --criterion Kvalitet:60 --price-line full_day:day:2000 \\
                --price-line transport:trip:800 --deadline 2026-03-01
              tunet procurement open 1
              tunet procurement tender 1 --provider 923456104 --price full_day=1200 \\
                --price transport=300 --score Kvalitet=8
              tunet procurement evaluate 1
              tunet procurement award 1 --winners 2
              tunet procurement letters 1 -o tildelingsbrev
              tunet procurement conclude 1 --reference 2026/310 --start 2026-08-01 \\
                --end 2028-07-31 --maximum-value 3500000
            """,

        "help.procurement.create.abstract": "Start a competition and see which rules its estimated value brings.",
        "help.procurement.create.discussion": """
            Thresholds (NOK excl. VAT, from 2024): below 100 000 outside the rules; 1 300 000 national \
            (part II, Doffin); 2 300 000 EEA for general municipal services (part III); 7 800 000 EEA for \
            health, social, education and other special services (part IV chapter 30).

            Examples:
              tunet procurement create --title "IPT dagaktivitet" \\
                --target-groups dementia --municipality 3316 --estimated-value 9000000
              tunet procurement create --title "IPT dagaktivitet, ideelle" \\
                --target-groups dementia --municipality 3316 --estimated-value 9000000 \\
                --reserved-for-non-profits
            """,
        "help.procurement.create.title": "Title.",
        "help.procurement.create.target-groups": "Target groups: pupils, dementia, other.",
        "help.procurement.create.municipality": "Municipality number; repeat for joint purchasing.",
        "help.procurement.create.estimated-value": "Estimated value in NOK excl. VAT for the whole possible duration, options included.",
        "help.procurement.create.category": "special (health, social, education: the default) or general.",
        "help.procurement.create.reserved-for-non-profits": "Reserve the competition for non-profit (ideelle) organisations: only farms with a recorded non-profit basis may tender. Allowed for special services above the EEA threshold (part IV chapter 30).",

        "help.procurement.criteria.abstract": "Set the award criteria (weights summing to 100, one of them the price), the price form and the tender deadline.",
        "help.procurement.criteria.discussion": """
            Example:
              tunet procurement criteria 1 --criterion Pris:40:price \\
                --criterion Kvalitet:35 --criterion "Faglig opplegg:25" \\
                --price-line full_day:day:2000 --price-line transport:trip:800 \\
                --deadline 2026-03-01
            """,
        "help.procurement.criteria.id": "The procurement number.",
        "help.procurement.criteria.criterion": "NAME:WEIGHT, or NAME:WEIGHT:price for the price criterion; repeat.",
        "help.procurement.criteria.price-line": "LINE:UNIT:QUANTITY of the price form (the quantity weighs the line in the evaluation); repeat.",
        "help.procurement.criteria.deadline": "The tender deadline.",

        "help.procurement.open.abstract": "Open the competition for tenders.",
        "help.procurement.open.discussion": """
            Example:
              tunet procurement open 1
            """,
        "help.procurement.open.id": "The procurement number.",

        "help.procurement.show.abstract": "Show a competition: rules, criteria, tenders, the evaluation and the award.",
        "help.procurement.show.discussion": """
            Example:
              tunet procurement show 1
            """,
        "help.procurement.show.id": "The procurement number.",

        "help.procurement.list.abstract": "List competitions.",
        "help.procurement.list.discussion": """
            Example:
              tunet procurement list --state open
            """,
        "help.procurement.list.state": "Only this state: draft, open, evaluating, awarded, concluded, cancelled.",

        "help.procurement.tender.abstract": "Register a provider's tender: a price for every line of the price form, optionally its quality scores.",
        "help.procurement.tender.discussion": """
            A tender after the deadline is refused unless --late-reason says why it is accepted (audited).

            Example:
              tunet procurement tender 1 --provider 923456104 --price full_day=1200 \\
                --price transport=300 --score Kvalitet=8
            """,
        "help.procurement.tender.id": "The procurement number.",
        "help.procurement.tender.provider": "The tendering provider's organisation number.",
        "help.procurement.tender.price": "LINE=AMOUNT for each line of the price form.",
        "help.procurement.tender.score": "CRITERION=POINTS (0–10) for a quality criterion.",
        "help.procurement.tender.received": "The day the tender was received (default today).",
        "help.procurement.tender.late-reason": "Why a tender after the deadline is accepted.",

        "help.procurement.score.abstract": "Enter the evaluators' quality scores for a tender.",
        "help.procurement.score.discussion": """
            Example:
              tunet procurement score 1 --provider 923456104 --score Kvalitet=8 \\
                --score \"Faglig opplegg=7\"
            """,
        "help.procurement.score.id": "The procurement number.",
        "help.procurement.score.provider": "The tendering provider.",
        "help.procurement.score.score": "CRITERION=POINTS (0–10); repeat.",

        "help.procurement.evaluate.abstract": "Rank the tenders after the deadline: price points, quality points, weighted total.",
        "help.procurement.evaluate.discussion": """
            Price points = lowest evaluated price ÷ the tender's evaluated price × 10, where the evaluated price is \
            Σ quantity × price over the price form. Quality points are the evaluators' 0–10. Total = Σ weight × points ÷ 100, \
            to three decimals. Ties: the lower evaluated price, then the higher quality points, then the earlier tender, \
            then the organisation number.

            Example:
              tunet procurement evaluate 1 --json
            """,
        "help.procurement.evaluate.id": "The procurement number.",

        "help.procurement.award.abstract": "Award the contract and start the standstill period where the rules require one.",
        "help.procurement.award.discussion": """
            Above the EEA thresholds the standstill period (karensperiode) is required: 10 calendar days after an \
            electronic award notice, 15 otherwise, and --standstill-days may make it longer, not shorter. Below \
            them (or outside the regulation) there is none, and the agreement may be concluded at once, unless \
            --standstill-days asks for a voluntary one, which is then kept and audited just the same.

            Examples:
              tunet procurement award 1 --winners 2
              tunet procurement award 1 --winner 923456104 --notice-date 2026-03-10 \\
                --not-electronic
              tunet procurement award 2 --winners 1 --standstill-days 10
            """,
        "help.procurement.award.id": "The procurement number.",
        "help.procurement.award.winner": "A winning provider; repeat. The agreement ranks them by the evaluation.",
        "help.procurement.award.winners": "Award to the N best tenders.",
        "help.procurement.award.notice-date": "The day the award notice went to all bidders (default today).",
        "help.procurement.award.not-electronic": "The notice was not sent electronically (15-day standstill).",
        "help.procurement.award.standstill-days": "A standstill period of this many days: longer than required, or voluntary where none is required.",

        "help.procurement.conclude.abstract": "After the standstill period, conclude the framework agreement with the winners and their tendered prices.",
        "help.procurement.conclude.discussion": """
            Example:
              tunet procurement conclude 1 --reference 2026/310 --start 2026-08-01 \\
                --end 2028-07-31 --option 12:2028-04-30 --maximum-value 3500000 \\
                --kpi-base 2026M01 --kpi-month 10
            """,
        "help.procurement.conclude.id": "The procurement number.",
        "help.procurement.conclude.reference": "The agreement's reference (case number).",
        "help.procurement.conclude.title": "Title (default: the procurement's).",
        "help.procurement.conclude.start": "First day.",
        "help.procurement.conclude.end": "Last day without options.",
        "help.procurement.conclude.option": "An extension option MONTHS:DECISION-DEADLINE; repeat.",
        "help.procurement.conclude.maximum-value": "Maximum value in NOK (required).",
        "help.procurement.conclude.maximum-participant-days": "Optional maximum participant-days.",
        "help.procurement.conclude.call-off": "direct, ranking (default), criteria, mini_competition.",
        "help.procurement.conclude.allocation-criteria": "Allocation criteria (for --call-off criteria).",
        "help.procurement.conclude.absence-rule": "present_only (default), bill_unannounced_absence, bill_all_absence.",
        "help.procurement.conclude.transport-billing": "billable_days (default), as_reported: which reported trips are billed.",
        "help.procurement.conclude.allows-extra-days": "Providers may report extra days.",
        "help.procurement.conclude.kpi-base": "KPI base month.",
        "help.procurement.conclude.kpi-month": "Month of the index read each year.",
        "help.procurement.conclude.kpi-effective-month": "Month adjusted prices take effect.",
        "help.procurement.conclude.special-reason": "Why it may run longer than 4 years.",

        "help.procurement.cancel.abstract": "Cancel the competition, with a reason.",
        "help.procurement.cancel.discussion": """
            Example:
              tunet procurement cancel 1 --reason \"No acceptable tenders\"
            """,
        "help.procurement.cancel.id": "The procurement number.",
        "help.procurement.cancel.reason": "Why (required, audited).",

        "help.procurement.letters.abstract": "Write the award letters (meddelelse om tildeling): one per bidder, as HTML that prints on A4.",
        "help.procurement.letters.discussion": """
            After `procurement award`, every bidder is told at the same time who won, its own points per criterion \
            and rank, the winners' relative advantages, and the last day of the standstill period. Each letter is \
            one self-contained HTML file that any browser opens and prints to PDF; the folder is made when missing. \
            Writing the letters is recorded in the audit log with the day and the bidders.

            Example:
              tunet procurement letters 1 -o tildelingsbrev
            """,
        "help.procurement.letters.id": "The procurement number.",
        "help.procurement.letters.output": "The folder to write the letters in.",
    ]
}
