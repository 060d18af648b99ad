extension Catalogue {
    /// English: attendance files, the template, the error workbook, reconciliation and the invoice basis.
    static let enAttendance: [String: String] = [
        "attendance.template.choose_from_list": "Choose a value from the list: {values}",
        "attendance.month.1": "January {year}",
        "attendance.month.2": "February {year}",
        "attendance.month.3": "March {year}",
        "attendance.month.4": "April {year}",
        "attendance.month.5": "May {year}",
        "attendance.month.6": "June {year}",
        "attendance.month.7": "July {year}",
        "attendance.month.8": "August {year}",
        "attendance.month.9": "September {year}",
        "attendance.month.10": "October {year}",
        "attendance.month.11": "November {year}",
        "attendance.month.12": "December {year}",

        // The template a farm fills in.
        "attendance.template.written": "Wrote {file}: {rows} planned {rows|participant-day|participant-days} for {provider} in {month}.",
        "attendance.template.sheet.instructions": "Instructions",
        "attendance.template.sheet.data": "Attendance",
        "attendance.template.column.organisation_number": "Organisation number",
        "attendance.template.column.participant": "Participant",
        "attendance.template.column.date": "Date",
        "attendance.template.column.weekday": "Weekday",
        "attendance.template.column.status": "Status",
        "attendance.template.column.hours": "Hours",
        "attendance.template.column.trips": "Transport trips",
        "attendance.template.column.extra": "Extra day",
        "attendance.template.status_title": "Status",
        "attendance.template.status_help": "M = present (møtt), FM = absent with notice (fravær meldt), FU = absent without notice (fravær umeldt), AT = cancelled by the provider (avlyst av tilbyder)",
        "attendance.template.extra_title": "Extra day",
        "attendance.template.extra_help": "yes for a day outside the planned ones (only if the agreement allows extra days)",
        "attendance.template.yes": "yes",
        "attendance.template.no": "no",
        "attendance.template.title": "Attendance list for {name} ({provider}), {month}",
        "attendance.template.instructions": """
            How to fill in the sheet '{sheet}':
            1. Each row is a planned day of a participant. Participant, date and organisation number are locked and must not be changed.
            2. Choose the status in the column Status: M = present (møtt), FM = absent with notice (fravær meldt), FU = absent without notice (fravær umeldt), AT = cancelled by the provider (avlyst av tilbyder).
            3. Hours (optional): the number of hours, 0–12, with at most one decimal (4.5).
            4. Transport trips (optional): the number of trips that day (0–4). Left empty, two trips are counted on days the participant was present, if the agreement has transport.
            5. Extra days: use the yellow empty rows at the bottom, write the organisation number, participant and date, and choose 'yes' in the column Extra day.
               Extra days are accepted only when the agreement allows them.
            6. Save the file as it is (xlsx) and send it back. The same file twice changes nothing; a new file for the same days replaces their earlier values.
            7. You may send a partly filled list. A row without a status, and without hours, transport trips or extra day, is not reported:
               the filled rows are stored, and the empty days stay missing until you send them. Tunet says how many rows were empty.
               A row with hours, transport trips or extra day but no status is an error. A file whose every row is empty is refused.

            No names or national identity numbers: participants are known by their code only.
            """,

        // Importing a file.
        "attendance.file.unreadable": "it cannot be read",
        "attendance.file.missing": "there is no such file",
        "attendance.file.nothing_reported": "no row has a status: all {rows} {rows|row was|rows were} left empty, so the file reports nothing and nothing was changed; fill in M, FM, FU or AT for the days to report",
        "attendance.row.no_farm": "the row names no farm; fill in the organisation number, or say which farm submits the file with {provider}",
        "attendance.row.unknown_farm": "no farm with organisation number {number} is registered",
        "attendance.row.duplicate_day": "{participant} on {date} is also on row {row}",
        "attendance.row.no_price": "agreement {agreement} has no '{line}' price for {provider} on {date}",
        "attendance.import.done": "Imported {rows} {rows|row|rows} from {file} for {farm} ({months}): {new} new, {changed} changed, {unchanged} unchanged.",
        "attendance.import.dry": "Would import {rows} {rows|row|rows} from {file} for {farm} ({months}): {new} new, {changed} changed, {unchanged} unchanged.",
        "attendance.import.farms": "{farms} {farms|farm|farms}",
        "attendance.import.identical": "{file} is identical to submission {submission} (same content); nothing was changed.",
        "attendance.import.superseded": "{file} is identical to submission {submission}, but {days} {days|day|days} of it {days|was|were} changed since, by {later|submission|submissions} {later}: what is stored no longer matches the file. Nothing was changed.",
        "attendance.import.apply_again": "To apply the file again, replacing those days: tunet attendance import {file} {again}",
        "attendance.import.left_empty": "{rows} {rows|row was|rows were} left empty (no status): {rows|its day is|those days are} not reported and {rows|counts|count} as missing.",
        "attendance.import.dry_run": "Dry run: nothing was stored.",
        "attendance.errors_out.written": "The submitted sheet with an error column is in {path}.",
        "attendance.errors.sheet": "Errors",
        "attendance.errors.column": "Error",
        "attendance.errors.name": "Errors in {file}",

        // Submissions and reconciliation.
        "attendance.submissions.none": "No submissions are recorded.",
        "attendance.submissions.table.received": "Received (Norwegian time)",
        "attendance.submissions.table.actor": "By",
        "attendance.submissions.table.provider": "Provider",
        "attendance.submissions.table.file": "File",
        "attendance.submissions.table.months": "Months",
        "attendance.submissions.table.rows": "Rows",
        "attendance.submissions.table.new": "New",
        "attendance.submissions.table.changed": "Changed",
        "attendance.submissions.table.unchanged": "Unchanged",
        "attendance.status.none": "No placements run in {month}.",
        "attendance.status.table.organisation_number": "Org. number",
        "attendance.status.table.provider": "Provider",
        "attendance.status.table.planned": "Planned",
        "attendance.status.table.reported": "Reported",
        "attendance.status.table.missing": "Missing",
        "attendance.status.table.present": "Present",
        "attendance.status.table.rate": "Rate",

        // The invoice basis.
        "invoice.written": "Wrote {file}.",
        "invoice.heading": "Invoice basis for {name} ({provider}), {month}",
        "invoice.heading_incomplete": "Invoice basis for {name} ({provider}), {month}: INCOMPLETE, planned days are missing a report",
        "invoice.table.participant": "Participant",
        "invoice.table.agreement": "Agreement",
        "invoice.table.planned": "Planned",
        "invoice.table.reported": "Reported",
        "invoice.table.present": "Present",
        "invoice.table.absent_with_notice": "Abs. notice",
        "invoice.table.absent_without_notice": "Abs. no notice",
        "invoice.table.cancelled": "Cancelled",
        "invoice.table.billable": "Billable",
        "invoice.table.day_amount": "Days (NOK)",
        "invoice.table.trips": "Trips",
        "invoice.table.transport_amount": "Transport (NOK)",
        "invoice.table.total": "Total (NOK)",
        "invoice.table.missing": "Missing",
        "invoice.periods.heading": "Billed at each price (a new price starts a new period):",
        "invoice.periods.table.price_line": "Price line",
        "invoice.periods.table.from": "From",
        "invoice.periods.table.to": "To",
        "invoice.periods.table.days": "Days",
        "invoice.periods.table.quantity": "Quantity",
        "invoice.periods.table.unit": "Unit",
        "invoice.periods.table.unit_price": "Unit price (NOK)",
        "invoice.periods.table.amount": "Amount (NOK)",
        "invoice.sum": "Total: NOK {total} (days {days}, transport {transport})",

        // The invoice basis workbook.
        "invoice.workbook.title": "Invoice basis {month}: {name} ({provider})",
        "invoice.workbook.title_all": "Invoice basis {month}: every farm",
        "invoice.workbook.complete": "Complete: every planned day is reported.",
        "invoice.workbook.incomplete": "INCOMPLETE: planned days are missing a report.",
        "invoice.workbook.periods.title": "Prices by period {month}: {name} ({provider})",
        "invoice.workbook.periods.note": "Each row is billed days in a row at one unit price; a new price starts a new row.",
    ]
}
