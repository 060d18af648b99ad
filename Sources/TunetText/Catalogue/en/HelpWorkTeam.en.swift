extension Catalogue {
    /// English: help for the work team, its tasks and the school calendar (`tunet team`, `tunet task`,
    /// `tunet calendar`).
    static let enHelpWorkTeam: [String: String] = [
        "help.team.abstract": "The interdisciplinary work team (arbeidslag): its owner, members and sectors.",
        "help.team.discussion": """
            Examples:
              tunet team add --name "Arbeidslag Inn på tunet" --municipality 3303 \\
                --owner Kommunedirektør
              tunet team member add --name "Kari Lia" --sector education --role leder
            """,
        "help.team.add.abstract": "Create a team.",
        "help.team.add.discussion": """
            Examples:
              tunet team add --name "Arbeidslag Inn på tunet" --municipality 3303 \\
                --owner Kommunedirektør
              tunet team add --name "Arbeidslag Oslo og Viken" \\
                --municipality 0301,3201 --owner "Styringsgruppen"
            """,
        "help.team.add.name": "The team's name.",
        "help.team.add.municipality": "Its municipality; repeat or separate with commas for an inter-municipal cooperation.",
        "help.team.add.owner": "Who evaluates the team yearly (role or name).",
        "help.team.show.abstract": "Show a team with its members.",
        "help.team.show.discussion": """
            Example:
              tunet team show
            """,
        "help.team.show.id": "The team number (not needed when there is one team).",
        "help.team.list.abstract": "List teams.",
        "help.team.list.discussion": """
            Example:
              tunet team list --json
            """,
        "help.team.member.abstract": "The team's members.",
        "help.team.member.discussion": """
            Examples:
              tunet team member add --name "Per Haugen" --sector nav --role rådgiver
              tunet team member list
            """,
        "help.team.member.add.abstract": "Add a member.",
        "help.team.member.add.discussion": """
            Sectors: education, health_and_care, nav, agriculture, procurement, finance, coordinating_unit.

            Example:
              tunet team member add --name "Kari Lia" --sector education --role leder \\
                --email kari@kommune.example
            """,
        "help.team.member.add.team": "The team (not needed when there is one).",
        "help.team.member.add.name": "Name.",
        "help.team.member.add.sector": "Sector.",
        "help.team.member.add.role": "Role in the team.",
        "help.team.member.add.email": "E-mail.",
        "help.team.member.list.abstract": "List members.",
        "help.team.member.list.discussion": """
            Example:
              tunet team member list
            """,
        "help.team.member.list.team": "The team (not needed when there is one).",
        "help.team.member.remove.abstract": "A member leaves the team (their history stays); open tasks must be handed over first.",
        "help.team.member.remove.discussion": """
            Example:
              tunet team member remove 4
            """,
        "help.team.member.remove.id": "The member number.",

        "help.task.abstract": "The work team's tasks: owned by a member, across sectors, with their history.",
        "help.task.discussion": """
            Examples:
              tunet task generate
              tunet task list --mine --overdue --as "Kari Lia"
              tunet task assign 7 --to "Per Haugen" --comment "NAV tar over oppfølgingen"
            """,
        "help.task.add.abstract": "Add a task.",
        "help.task.add.discussion": """
            Without --owner the task goes to the first active member of its sectors (in the order given), else to \
            the team's coordinating unit (a member in coordinating_unit), else to the team's owner; the command \
            says which owner and why.

            Example:
              tunet task add --title "Skaff politiattest fra Bergsetra" \\
                --kind police_certificate --sector education --owner "Kari Lia" \\
                --due 2026-12-15 --link provider:912346102
            """,
        "help.task.add.team": "The team (not needed when there is one).",
        "help.task.add.title": "What is to be done.",
        "help.task.add.kind": "Kind: {kinds}.",
        "help.task.add.sector": "A sector involved; repeat or separate with commas.",
        "help.task.add.owner": "The owner: a member's number, name or e-mail (default: chosen by the task's sectors).",
        "help.task.add.due": "Due date (YYYY-MM-DD or DD.MM.YYYY).",
        "help.task.add.link": "What it is about: provider:ORG, agreement:REF, placement:ID, procurement:ID, pilot:ID, journey:ID, invoice:ID.",
        "help.task.list.abstract": "List open tasks, filtered.",
        "help.task.list.discussion": """
            Example:
              tunet task list --sector education --due-before 2027-01-01
            """,
        "help.task.list.mine": "Only tasks owned by you (the member named by --as or TUNET_ACTOR).",
        "help.task.list.overdue": "Only overdue tasks.",
        "help.task.list.sector": "Only tasks involving this sector.",
        "help.task.list.due-before": "Only tasks due before this day.",
        "help.task.list.all": "Also done and cancelled tasks.",
        "help.task.list.team": "The team whose tasks to list (needed when there are several teams).",
        "help.task.list.every-team": "Every team's tasks.",
        "help.task.show.abstract": "Show a task with its whole history, hand-overs included.",
        "help.task.show.discussion": """
            Example:
              tunet task show 7
            """,
        "help.task.show.id": "The task number.",
        "help.task.assign.abstract": "Hand a task over to another member (possibly another sector); the history keeps who, when and why.",
        "help.task.assign.discussion": """
            Example:
              tunet task assign 7 --to "Per Haugen" --comment "NAV tar over"
            """,
        "help.task.assign.id": "The task number.",
        "help.task.assign.to": "The new owner: number, name or e-mail.",
        "help.task.assign.comment": "Why, for the next owner.",
        "help.task.start.abstract": "Mark a task as started.",
        "help.task.start.discussion": """
            Example:
              tunet task start 7
            """,
        "help.task.start.id": "The task number.",
        "help.task.done.abstract": "Mark a task as done.",
        "help.task.done.discussion": """
            Example:
              tunet task done 7 --comment "Attest mottatt"
            """,
        "help.task.done.id": "The task number.",
        "help.task.done.comment": "A closing comment.",
        "help.task.cancel.abstract": "Cancel a task, with a reason.",
        "help.task.cancel.discussion": """
            Example:
              tunet task cancel 7 --reason "Avtalen er sagt opp"
            """,
        "help.task.cancel.id": "The task number.",
        "help.task.cancel.reason": "Why (required).",
        "help.task.comment.abstract": "Add a comment to a task's history.",
        "help.task.comment.discussion": """
            Example:
              tunet task comment 7 --text "Ringt gården, svar fredag"
            """,
        "help.task.comment.id": "The task number.",
        "help.task.comment.text": "The comment.",
        "help.task.generate.abstract": "Run the rules and raise the tasks they find; running it twice raises nothing new.",
        "help.task.generate.discussion": """
            Rules and thresholds (each option changes one):
              approval           the external audit of an IPT approval is due within
                                 --approval-days ({approval_days})
              police certificate a farm with pupils has none, or it expires within
                                 --police-certificate-days ({police_certificate_days}); valid {police_certificate_years} years
              extension option   its decision deadline is within --option-days
                                 ({option_days})
              ceiling            committed + spent reaches --ceiling-warning
                                 ({ceiling_warning}) or --ceiling-full ({ceiling_full}) percent of
                                 the maximum
              attendance         last month's report is missing on day
                                 --attendance-day ({attendance_day}) of the month
              follow-up          the next follow-up conversation is due within
                                 --follow-up-days ({follow_up_days})
              standstill         a standstill period ends within
                                 --standstill-days ({standstill_days})
              pilot evaluation   a pilot's yearly or final evaluation is due within
                                 --pilot-evaluation-days ({pilot_evaluation_days})
              insurance          an active farm's insurance expires within
                                 --insurance-days ({insurance_days}), or has expired
              renewal            an agreement ends within --renewal-days ({renewal_days})
                                 with no option left or its deadline passed:
                                 a new competition must be planned
              school calendar    pupils are placed in a school year (1 August
                                 to 31 July) their municipality has no school
                                 calendar for; load it with
                                 `tunet calendar school import FILE`
              journey            a person has waited longer than --journey-days
                                 ({journey_days}) in a step before follow-up
                                 (referral, conversation, need, network)
              invoice            a farm's EHF invoice differs from the invoice
                                 basis (`tunet invoice check`); the task's
                                 condition is gone when a credit note or a
                                 new check makes it match
            A task whose condition no longer holds says so in its history.

            Owners: a task goes to the first active member of its sectors, else to the coordinating unit (a \
            member in coordinating_unit), else to the team's owner; the command says which and why when it goes \
            past its sectors.

            Example:
              tunet task generate --today 2026-12-05
            """,
        "help.task.generate.today": "Run the rules as on this day (default today).",
        "help.task.generate.team": "Raise only this team's tasks (default: every team's).",
        "help.task.generate.approval-days": "Days before an approval's external audit is due.",
        "help.task.generate.police-certificate-days": "Days before a police certificate expires.",
        "help.task.generate.option-days": "Days before an extension option's decision deadline.",
        "help.task.generate.ceiling-warning": "Percent of an agreement's maximum value that raises a warning.",
        "help.task.generate.ceiling-full": "Percent of an agreement's maximum value that counts as full.",
        "help.task.generate.attendance-day": "The day of the month by which last month's attendance must be reported.",
        "help.task.generate.follow-up-days": "Days before a follow-up conversation is due.",
        "help.task.generate.standstill-days": "Days before a standstill period ends.",
        "help.task.generate.pilot-evaluation-days": "Days before a pilot's evaluation is due.",
        "help.task.generate.insurance-days": "Days before a farm's insurance expires.",
        "help.task.generate.renewal-days": "Days before an agreement that cannot be extended ends (default: TUNET_RENEWAL_DAYS, else {renewal_days}).",
        "help.task.generate.journey-days": "Days a person may wait in a step before follow-up.",

        "help.calendar.abstract": "The Norwegian calendar: public holidays (computed) and school holidays per municipality.",
        "help.calendar.discussion": """
            Examples:
              tunet calendar school show --municipality 1866 --year 2026
              tunet calendar school import skoleruter.csv
            """,
        "help.calendar.school.abstract": "School holidays, when pupils are not at the farm.",
        "help.calendar.school.discussion": """
            Example:
              tunet calendar school set --municipality 1866 --from 2026-10-05 \\
                --to 2026-10-09 --name Høstferie
            """,
        "help.calendar.school.set.abstract": "Add a school holiday period to a municipality's calendar.",
        "help.calendar.school.set.discussion": """
            Example:
              tunet calendar school set --municipality 1866 --from 2026-10-05 \\
                --to 2026-10-09 --name Høstferie
            """,
        "help.calendar.school.set.municipality": "Municipality number.",
        "help.calendar.school.set.from": "First day off (YYYY-MM-DD or DD.MM.YYYY).",
        "help.calendar.school.set.to": "Last day off.",
        "help.calendar.school.set.name": "The holiday's name.",
        "help.calendar.school.import.abstract": "Replace the school calendars of the municipalities in a CSV file, all or nothing.",
        "help.calendar.school.import.discussion": """
            Format: Contracts/school-calendar-csv.md.

            Example:
              tunet calendar school import skoleruter.csv --dry-run
            """,
        "help.calendar.school.import.file": "The CSV file.",
        "help.calendar.school.import.dry-run": "Check without storing.",
        "help.calendar.school.show.abstract": "Show a municipality's school holidays and, for a year, the public holidays.",
        "help.calendar.school.show.discussion": """
            Example:
              tunet calendar school show --municipality 1866 --year 2026
            """,
        "help.calendar.school.show.municipality": "Municipality number.",
        "help.calendar.school.show.year": "Only this year (also lists the public holidays).",
    ]
}
