extension Catalogue {
    /// English: the HTTP service's API and its messages.
    static let enService: [String: String] = [
        "service.names_for_work_teams": "Names are shown to a work team's token only, and every read is logged; a leader's token sees participant codes only.",
        "service.national_reads_figures": "A national reader's token gets figures per municipality and target group only: use /v1/figures.",
        "service.work_team_changes_tasks": "Only a work team's token may change tasks; a leader may see them.",
        "service.task.member_required": "say whom the task goes to: 'member' with the name, e-mail address or number",
        "service.task.body_unreadable": "the body is not JSON with the fields 'member', 'comment' or 'text'",
        "service.task.json_expected": "Send the change as JSON (Content-Type: application/json).",
        "service.farm_endpoint_only": "This endpoint is for farms; a leader token cannot use it.",
        "service.reports_for_leaders": "Reports are for project leaders; a farm's token cannot fetch them.",
        "service.month_required": "give the month as ?month=2026-03",
        "service.too_many_connections": "The service has too many open connections right now. Try again in a moment.",
        "service.too_many_bodies": "The service is receiving many files right now; nothing was stored. Try again in a moment.",
        "service.incomplete_body": "The request was broken off before all of its content had arrived; nothing was stored.",

        "service.result.form_expected": "Send the file with the form on the month page: it comes as multipart/form-data.",
        "service.result.form_unreadable": "The form could not be read; load the page again and send it once more.",
    ]
}
