extension Catalogue {
    /// English: help for reports, the invoice check and the audit log (`tunet export`, `tunet invoice check|show|list`,
    /// `tunet audit`).
    static let enHelpReports: [String: String] = [
        "help.export.abstract": "Write a report from the catalogue as an xlsx workbook (`tunet export list` shows the catalogue).",
        "help.export.discussion": """
            Every workbook has a front sheet (title, filters, time, Tunet's version), styled frozen headers, an \
            autofilter, NOK and date formats and totals. Norwegian headers by default, English with --lang en. \
            Without -o the file goes to Reports/output/ in the working directory. The catalogue is \
            Reports/catalogue.json.

            Examples:
              tunet export list
              tunet export agreements --municipality 3303 -o avtaler.xlsx
              tunet export attendance-month --from 2026-03-01 --lang en
              tunet export invoice-basis --month 2026-03 --provider 974760673 \\
                -o lia-2026-03.xlsx
              tunet export attendance-rows --from 2026-01-01 --to 2026-12-31 -o /tmp
              tunet export ocds --buyer 3303=ORGANISATION_NUMBER -o kongsberg-ocds.json

            `ocds` writes an Open Contracting Data Standard 1.1 release package (JSON) instead of a workbook: the \
            competitions, the framework agreements and the call-offs summed per farm and month (Contracts/ocds.md).
            """,
        "help.export.report": "The report's name, or list.",
        "help.export.from": "From this day (YYYY-MM-DD or DD.MM.YYYY); for one-month reports, the month of this day.",
        "help.export.to": "To this day.",
        "help.export.month": "One month, 2026-03 (instead of --from and --to).",
        "help.export.municipality": "Only this municipality (4 digits).",
        "help.export.provider": "Only this farm (organisation number), for the reports that take it (invoice-basis).",
        "help.export.pilot": "Only this pilot's municipalities and, unless --from/--to say otherwise, its period (number or name).",
        "help.export.buyer": "ocds only: a buyer municipality's organisation number, 3303=ORGANISATION_NUMBER (repeat for each).",
        "help.export.ocid-prefix": "ocds only: the publisher's OCID prefix from the Open Contracting Partnership (default {prefix}).",
        "help.export.output": "The xlsx file, or a folder to write it in (ocds: the .json file).",

        "help.invoice.abstract": "The invoice basis (fakturagrunnlag) per farm and month, and the farms' EHF invoices checked against it.",
        "help.invoice.discussion": """
            Examples:
              tunet invoice basis --provider 912345602 --month 2026-03
              tunet invoice check faktura-1042.xml
              tunet invoice list --status differs
            """,
        "help.invoice.basis.abstract": "Billable days by status under each agreement's absence rule, at the price valid on each day, plus transport.",
        "help.invoice.basis.discussion": """
            Amounts are exact to the øre. A month with planned days that have no report is marked incomplete.

            Which days were billed at which price: below the placements, one line per price period, per \
            placement and price line (the day price, then transport): the billed days in a row at one unit \
            price, from the first to the last of them, the number of days, the quantity (days, or trips for \
            transport), the unit price and the amount. A price version that takes effect in the month (a KPI \
            adjustment from the 16th, say) starts a new period; the periods add up to the total. With -o the \
            workbook has them on the sheet «Prisperioder», with each period's dates.

            Examples:
              tunet invoice basis --provider 912345602 --month 2026-03 --json
              tunet invoice basis --provider 912345602 --month 2026-03 -o lia-2026-03.xlsx
            """,
        "help.invoice.basis.provider": "The farm (organisation number).",
        "help.invoice.basis.month": "The month, 2026-03.",
        "help.invoice.basis.output": "Also write it as an xlsx workbook.",
        "help.invoice.check.abstract": "Check a farm's EHF invoice or credit note against the invoice basis, and record the check.",
        "help.invoice.check.discussion": """
            Reads an EHF invoice or credit note (Peppol BIS Billing 3.0, UBL 2.1; Contracts/ehf-invoice.md) and \
            sets it against the farm's invoice basis for the invoice period: per price line the days or trips and \
            the amount, each line's price against the agreement's price on those days, the total, the invoice's \
            own sums and its VAT. Every difference is named, exact to the øre. A credit note is set against the \
            invoice it credits: what that invoice comes to after its credit notes is checked again.

            Each check is recorded and audited (number, farm, period, amounts, result, the file's SHA-256). The \
            same invoice number again is reported as already checked and changes nothing; --again checks the same \
            file once more (when the attendance was completed since, say).

            Exit status: 0 when the invoice matches the basis, 1 when it differs, 65 or more for a file that \
            cannot be read (nothing is recorded then).

            Examples:
              tunet invoice check faktura-1042.xml
              tunet invoice check faktura-1042.xml --provider 912345602 \\
                -o kontroll-1042.xlsx
              tunet invoice check kreditnota-17.xml --json
              tunet invoice check faktura-1042.xml --again
            """,
        "help.invoice.check.file": "The EHF invoice or credit note (XML).",
        "help.invoice.check.provider": "The farm the invoice should be from; an invoice from another seller is refused.",
        "help.invoice.check.municipality": "The municipality the invoice is to, when the farm has participants in several (4 digits).",
        "help.invoice.check.again": "Check an invoice already checked once more, when it is the same file.",
        "help.invoice.check.output": "Also write the check as an xlsx workbook.",
        "help.invoice.show.abstract": "One checked invoice or credit note: its price lines against the basis and every difference.",
        "help.invoice.show.discussion": """
            The free text of the invoice (item names, a charge's reason) is not kept, so it is not shown here.

            Example:
              tunet invoice show 2
            """,
        "help.invoice.show.id": "The check's number (from `tunet invoice list`).",
        "help.invoice.list.abstract": "The invoices and credit notes checked, with their results.",
        "help.invoice.list.discussion": """
            Examples:
              tunet invoice list
              tunet invoice list --provider 912345602 --month 2026-10
              tunet invoice list --status differs --json
            """,
        "help.invoice.list.provider": "Only this farm.",
        "help.invoice.list.month": "Only invoices whose period starts in this month, 2026-10.",
        "help.invoice.list.status": "Only this result: matches, differs or credited.",

        "help.audit.abstract": "Show the audit log: who changed what, when, with the state before and after.",
        "help.audit.discussion": """
            Examples:
              tunet audit --entity provider --id 974760673
              tunet audit --since 2026-03-01 --json
              tunet audit --limit 20            the 20 newest events, in time order
              tunet audit --limit 5 --oldest    the first 5 events
            """,
        "help.audit.entity": "Only events for this kind of object (provider).",
        "help.audit.id": "Only events for this object (for a provider: its organisation number).",
        "help.audit.since": "Only events on or after this day (YYYY-MM-DD or DD.MM.YYYY, Norwegian time).",
        "help.audit.limit": "Only the newest this many events (shown in time order); with --oldest, the first this many.",
        "help.audit.oldest": "With --limit: the oldest events instead of the newest.",
        "help.audit.verbose": "Also print the state before and after each change.",
    ]
}
