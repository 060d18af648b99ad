extension Catalogue {
    /// English: the provider-facing HTTP service and its upload page.
    static let enService: [String: String] = [
        "service.names_for_work_teams": "Names are shown to a work team's token only, and every read is logged; a leader's token sees participant codes only.",
        "service.national_reads_figures": "A national reader's token gets figures per municipality and target group only: use /v1/figures.",
        "service.work_team_changes_tasks": "Only a work team's token may change tasks; a leader may see them.",
        "service.task.member_required": "say whom the task goes to: 'member' with the name, e-mail address or number",
        "service.task.body_unreadable": "the body is not JSON with the fields 'member', 'comment' or 'text'",
        "service.farm_endpoint_only": "This endpoint is for farms; a leader token cannot use it.",
        "service.reports_for_leaders": "Reports are for project leaders; a farm's token cannot fetch them.",
        "service.month_required": "give the month as ?month=2026-03",
        "service.too_many_connections": "The service has too many open connections right now. Try again in a moment.",
        "service.too_many_bodies": "The service is receiving many files right now; nothing was stored. Try again in a moment.",
        "service.incomplete_body": "The request was broken off before all of its content had arrived; nothing was stored.",

        // The upload page at /.
        "service.page.title": "Tunet: send attendance",
        "service.page.heading": "Send an attendance list",
        "service.page.intro": "Paste the key (token) the municipality gave you, choose the file (CSV or a filled-in xlsx template) and send it.",
        "service.page.token": "Key",
        "service.page.file": "File (CSV or xlsx)",
        "service.page.again": "Apply the file again, even if it was sent before (when some of its days were changed since)",
        "service.page.send": "Send file",
        "service.page.template_heading": "Download a template",
        "service.page.template_intro": "The template has a row for each planned day of the month. Fill it in and send it back here.",
        "service.page.month": "Month (for example 2026-05)",
        "service.page.download": "Download the template",
        "service.page.scripts": "Programs can send the file straight to POST /v1/attendance, with the key in the Authorization header (see Contracts/openapi.yaml).",
        "service.page.other_language": "Norsk (bokmål)",
        "service.page.back": "Back to the form",

        // What came of a form sent from the page.
        "service.result.received": "The attendance list was received",
        "service.result.unchanged": "This file was sent before",
        "service.result.superseded": "This file was sent before, but some of its days were changed since",
        "service.result.apply_again": "To apply the file again, replacing the changed days, send it again with «Apply the file again» ticked.",
        "service.result.refused": "The file was not accepted",
        "service.result.refused_intro": "Nothing was stored: the file has {count} {count|problem|problems}. Correct {count|it|them} and send the whole file again.",
        "service.result.column.row": "Row",
        "service.result.column.field": "Field",
        "service.result.column.value": "Value",
        "service.result.column.reason": "Reason",
        "service.result.file_required": "Choose a file before sending.",
        "service.result.month_required": "Choose a month.",
        "service.result.form_expected": "Send the form on the page /: it comes as multipart/form-data.",
        "service.result.form_unreadable": "The form could not be read; load the page again and send it once more.",
    ]
}
