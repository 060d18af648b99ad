extension Catalogue {
    /// English: the help of placements (call-offs), follow-ups, the participant's journey and attendance.
    static let enHelpPlacements: [String: String] = [
        "help.placement.abstract": "Call-offs: place pupils and people with dementia on farms under an agreement.",
        "help.placement.discussion": """
            Examples:
              tunet placement add --agreement 2023/4512 --kind dementia \\
                --municipality 3303 --weekdays tue,thu --start 2026-01-06 \\
                --end 2026-06-30 --decision "HO-2025/118" --transport --dry-run
              tunet placement list --agreement 2023/4512 --active-on 2026-03-01
              tunet placement followup add 3 --date 2026-02-10 \\
                --roles participant,relative,farmer --wishes "Vil gjerne stelle hestene" \\
                --next 2026-05-10
            """,

        "help.placement.add.abstract": "Place a participant; the farm is chosen by the agreement's call-off method.",
        "help.placement.add.discussion": """
            Ranking agreements choose the highest-ranked farm with room and record every farm skipped and why; \
            direct and criteria agreements take --provider (criteria also --criteria-inputs); mini-competition \
            agreements need the competition's result. A placement above the agreement's maximum value is refused \
            unless --override-ceiling --reason is given (audited, flagged in every listing). A farm whose insurance \
            has expired by the start takes no new placement. A pupil placed in a school year (1 August to 31 July) \
            that the municipality has no school calendar for is placed with a warning naming what is missing: load \
            it with `tunet calendar school import FILE` or `tunet calendar school set`.

            Examples:
              tunet placement add --agreement 2025/310 --kind pupil --municipality 1866 \\
                --weekdays wed --start 2026-01-07 --end 2026-06-19 \\
                --school "Stokmarknes skole" --grade 6 \\
                --contact-teacher-role "kontaktlærer 6A" \\
                --learning-goals "Naturfag: dyrestell"
              tunet placement add --agreement 2023/4512 --kind dementia \\
                --municipality 3303 --weekdays tue,thu --start 2026-01-06 \\
                --end 2026-06-30 --decision HO-2025/118 --transport \\
                --relative-role datter
            """,
        "help.placement.add.agreement": "The agreement's reference.",
        "help.placement.add.participant": "A pseudonymous participant code (generated as P-YEAR-NNNN when left out); anything that could be a national identity number, with or without a separator (010190-12345), is refused.",
        "help.placement.add.kind": "pupil or dementia.",
        "help.placement.add.municipality": "The buying municipality (4 digits); its school holidays apply to pupils.",
        "help.placement.add.weekdays": "Weekdays at the farm: tue,thu or mon-fri.",
        "help.placement.add.start": "First day.",
        "help.placement.add.end": "Last day.",
        "help.placement.add.price-line": "The price line billed per day (default full_day).",
        "help.placement.add.provider": "The farm, for direct, criteria and mini-competition agreements.",
        "help.placement.add.criteria-inputs": "How the agreement's allocation criteria choose this farm (criteria agreements).",
        "help.placement.add.mini-competition-result": "The result of the mini-competition (mini-competition agreements).",
        "help.placement.add.school": "Pupil: the school.",
        "help.placement.add.grade": "Pupil: grade 1–10.",
        "help.placement.add.contact-teacher-role": "Pupil: the contact teacher's role (not name).",
        "help.placement.add.learning-goals": "Pupil: learning goals.",
        "help.placement.add.decision": "Dementia: the individual decision's (vedtak) reference.",
        "help.placement.add.transport": "Dementia: transport there and back each day.",
        "help.placement.add.relative-role": "Dementia: the relative's role (not name).",
        "help.placement.add.override-ceiling": "Go on although the agreement's maximum would be exceeded (needs --reason; audited).",
        "help.placement.add.reason": "Why the ceiling may be exceeded.",
        "help.placement.add.name": "The participant's name, only if the municipality insists: stored apart, never exported, every read audited.",
        "help.placement.add.dry-run": "Show which farm would be chosen and why, and the cost, without storing anything.",

        "help.placement.list.abstract": "List placements, filtered; ceiling overrides are flagged with !.",
        "help.placement.list.discussion": """
            Example:
              tunet placement list --provider 912345602 --kind dementia \\
                --active-on 2026-03-01
            """,
        "help.placement.list.agreement": "Only under this agreement.",
        "help.placement.list.provider": "Only with this farm.",
        "help.placement.list.kind": "pupil or dementia.",
        "help.placement.list.municipality": "Only this buying municipality.",
        "help.placement.list.active-on": "Only placements running on this day.",
        "help.placement.list.participant": "Only this participant code.",

        "help.placement.show.abstract": "Show a placement: how the farm was chosen, its cost and its follow-ups.",
        "help.placement.show.discussion": """
            Example:
              tunet placement show 3
            """,
        "help.placement.show.id": "The placement number.",

        "help.placement.end.abstract": "End a placement earlier; the committed value of the remaining days is released.",
        "help.placement.end.discussion": """
            Example:
              tunet placement end 3 --on 2026-04-30 --reason \"Moved to a nursing home\"
            """,
        "help.placement.end.id": "The placement number.",
        "help.placement.end.on": "The new last day.",
        "help.placement.end.reason": "Why, for the audit log.",

        "help.placement.extend.abstract": "Extend a placement; capacity, the agreement's period and the ceiling are checked for the added days.",
        "help.placement.extend.discussion": """
            Example:
              tunet placement extend 3 --to 2026-12-18
            """,
        "help.placement.extend.id": "The placement number.",
        "help.placement.extend.to": "The new last day.",
        "help.placement.extend.override-ceiling": "Go on although the ceiling would be exceeded (needs --reason).",
        "help.placement.extend.reason": "Why the ceiling may be exceeded.",

        "help.placement.cancel.abstract": "Cancel a placement; its whole committed value is released.",
        "help.placement.cancel.discussion": """
            Example:
              tunet placement cancel 3 --reason \"The family declined the offer\"
            """,
        "help.placement.cancel.id": "The placement number.",
        "help.placement.cancel.reason": "Why (required, audited).",

        "help.placement.followup.abstract": "Follow-up conversations (Aktive sammen): dated, with the roles present and the participant's wishes.",
        "help.placement.followup.discussion": """
            Examples:
              tunet placement followup add 3 --date 2026-02-10 \\
                --roles participant,relative --wishes \"...\" --next 2026-05-10
              tunet placement followup list 3
            """,

        "help.placement.followup.add.abstract": "Record a follow-up conversation.",
        "help.placement.followup.add.discussion": """
            Example:
              tunet placement followup add 3 --date 2026-02-10 \\
                --roles participant,relative,farmer --wishes \"Vil være mer ute\" \\
                --next 2026-05-10
            """,
        "help.placement.followup.add.id": "The placement number.",
        "help.placement.followup.add.date": "The day it took place.",
        "help.placement.followup.add.roles": "The roles that took part (participant, relative, teacher, farmer, coordinator), comma-separated.",
        "help.placement.followup.add.wishes": "The participant's own wishes and needs, as said.",
        "help.placement.followup.add.next": "When the next follow-up is due.",

        "help.placement.followup.list.abstract": "List a placement's follow-ups.",
        "help.placement.followup.list.discussion": """
            Example:
              tunet placement followup list 3 --json
            """,
        "help.placement.followup.list.id": "The placement number.",

        "help.placement.journey.abstract": "The participant's journey (Aktive sammen): referral, conversation, need clarified, network, follow-up.",
        "help.placement.journey.discussion": """
            Each step is dated, recorded with who recorded it, and audited; its free text is erased by `privacy erase`.
            The network step links the placement made by call-off (`placement add --participant CODE`); follow-up is
            reached with the placement's first follow-up conversation (`placement followup add`).

            Examples:
              tunet placement journey refer --kind dementia --municipality 3303 \\
                --referred-by fastlege
              tunet placement journey conversation 1 --role deltaker --role datter \\
                --wishes "Vil være ute, liker dyr"
              tunet placement journey need 1 --goals "Mestring og fellesskap" \\
                --weekdays tue,thu --transport --decision HO-2026/12
              tunet placement journey network 1 --placement 14 --contact-role datter \\
                --first-visit 2026-12-08
              tunet placement journey 1              where the person stands
              tunet placement journey P-2026-0007    the same, by the participant's code
              tunet placement journey list --waiting-longer-than 30d
            """,

        "help.placement.journey.show.abstract": "Where a person stands: each step with its date and content.",
        "help.placement.journey.show.key": "The journey's number, or the participant's code (their latest journey).",

        "help.placement.journey.list.abstract": "Who waits where.",
        "help.placement.journey.list.discussion": """
            Examples:
              tunet placement journey list --step conversation
              tunet placement journey list --waiting-longer-than 30d
            """,
        "help.placement.journey.list.step": "Only this step: referral, conversation, need, network, follow_up.",
        "help.placement.journey.list.waiting-longer-than": "Only those waiting longer than this in their step: 30d, 6w, 2m.",

        "help.placement.journey.refer.abstract": "A referral (henvisning): the journey begins, and the person gets a participant code.",
        "help.placement.journey.refer.participant": "The participant's code, when they have one; otherwise Tunet gives the next.",
        "help.placement.journey.refer.kind": "pupil or dementia.",
        "help.placement.journey.refer.municipality": "The municipality, 4 digits.",
        "help.placement.journey.refer.referred-by": "Who referred, as a role (fastlege, kontaktlærer, pårørende).",
        "help.placement.journey.refer.date": "The day of the referral (default today).",

        "help.placement.journey.conversation.abstract": "The conversation with the person and their relatives.",
        "help.placement.journey.conversation.key": "The journey's number or the participant's code.",
        "help.placement.journey.conversation.role": "Who took part, as a role; repeat.",
        "help.placement.journey.conversation.wishes": "The person's wishes, in their words.",
        "help.placement.journey.conversation.date": "The day (default today).",

        "help.placement.journey.need.abstract": "The clarified need and wished-for offer.",
        "help.placement.journey.need.key": "The journey's number or the participant's code.",
        "help.placement.journey.need.goals": "The goals.",
        "help.placement.journey.need.weekdays": "The weekdays wished for: tue,thu or mon-fri.",
        "help.placement.journey.need.transport": "Transport to and from the farm is needed.",
        "help.placement.journey.need.decision": "For dementia: the decision's reference.",
        "help.placement.journey.need.school": "For pupils: the school.",
        "help.placement.journey.need.grade": "For pupils: the grade, 1–10.",
        "help.placement.journey.need.date": "The day (default today).",

        "help.placement.journey.network.abstract": "The network that carries it out: the placement made by call-off.",
        "help.placement.journey.network.key": "The journey's number or the participant's code.",
        "help.placement.journey.network.placement": "The placement made for the person.",
        "help.placement.journey.network.contact-role": "The contact teacher's or the relative's role.",
        "help.placement.journey.network.first-visit": "The day of the first visit to the farm.",
        "help.placement.journey.network.date": "The day (default today).",

        "help.attendance.abstract": "Attendance files from the farms: import, submissions and reconciliation.",
        "help.attendance.discussion": """
            Examples:
              tunet attendance import oppmote-mars.csv --dry-run
              tunet attendance submissions --provider 912345602
              tunet attendance status --month 2026-03
            """,

        "help.attendance.template.abstract": "Write the pre-filled attendance workbook for a farm and month.",
        "help.attendance.template.discussion": """
            One row per planned participant-day; the status is a dropdown (M, FM, FU, AT); the identifying \
            columns are locked; a sheet explains it. It is written in bokmål (sheets «Veiledning» and «Oppmøte») \
            or, with --lang en, in English (sheets «Attendance» and «Instructions»). The farm fills it in and \
            sends it back as it is: `tunet attendance import FILE.xlsx`. Rows it leaves without a status (and without \
            hours, trips or extra day) are days not reported yet: they stay missing, and the rest is imported.

            Example:
              tunet attendance template --provider 912345602 \\
                --month 2026-03 -o lia-2026-03.xlsx
            """,
        "help.attendance.template.provider": "The farm.",
        "help.attendance.template.month": "The month, 2026-03.",
        "help.attendance.template.output": "The xlsx file to write.",

        "help.attendance.import.abstract": "Import a farm's attendance file, all or nothing.",
        "help.attendance.import.discussion": """
            The format is in Contracts/attendance-file.md. One bad row and nothing is stored; every bad row is \
            reported with its row number, column and reason. The same file again changes nothing; a later file \
            for the same days replaces their values (the audit log keeps the earlier ones). When a later file has \
            changed some of its days since, the same file again says how many of its days now differ and which \
            submissions changed them, and still changes nothing; --again imports it as a new submission, applying \
            its days once more (the audit event says it was applied again).

            A partly filled template is a partial report: a row without a status and with nothing else filled \
            in (hours, trips, extra day) is left empty, not an error. Its day is not reported and stays missing \
            in `tunet attendance status`; the import says how many rows were left empty. A row with hours, trips \
            or extra day but no status is still refused. A file whose every row is left empty reports nothing \
            and is refused.

            Example:
              tunet attendance import oppmote-mars.csv --provider 912345602
            """,
        "help.attendance.import.file": "The attendance file (CSV).",
        "help.attendance.import.provider": "The submitting farm; rows naming another farm are refused (default: each row's organisation number, so one file may carry several farms).",
        "help.attendance.import.dry-run": "Check the file and report what would change, without storing anything.",
        "help.attendance.import.again": "Import the file as a new submission even though the same file was imported before (after a later file changed some of its days).",
        "help.attendance.import.errors-out": "When rows are refused, also write the submitted sheet with an error column to this xlsx file.",

        "help.attendance.submissions.abstract": "List every accepted attendance submission.",
        "help.attendance.submissions.discussion": """
            Example:
              tunet attendance submissions --provider 912345602 --json
            """,
        "help.attendance.submissions.provider": "Only this farm.",

        "help.attendance.status.abstract": "Per farm: planned participant-days, reported, missing, and the attendance rate.",
        "help.attendance.status.discussion": """
            Missing days are planned days up to today without a report. The attendance rate is present days ÷ \
            (present + absent with or without notice).

            Example:
              tunet attendance status --month 2026-03
            """,
        "help.attendance.status.month": "The month, 2026-03.",

        "help.options.names.include-names": "Show participants' names (only where a municipality stored them); every read is audited.",
    ]
}
