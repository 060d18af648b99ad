import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "The work team's tasks: owned by a member, across sectors, with their history.",
        discussion: """
            Examples:
              tunet task generate
              tunet task list --mine --overdue --as "Kari Lia"
              tunet task assign 7 --to "Per Haugen" --comment "NAV tar over oppfølgingen"
            """,
        subcommands: [Add.self, List.self, Show.self, Assign.self, Start.self, Done.self, Cancel.self, Comment.self, Generate.self])

    static func parseId(_ text: String) throws -> Int64 {
        guard let id = Int64(text), id > 0 else { throw TunetError.invalid("task", text, Message("task.error.not_a_number", ["text": .text(text)])) }
        return id
    }

    /// The desk, writing its views' texts in the reader's language.
    static func desk(_ context: TunetContext) -> TaskDesk { TaskDesk(context, language: Console.texts.language) }

    static func line(_ view: TaskView) -> Message {
        Message("task.line", ["task": .text(String(view.task.id)), "status": view.task.status.labelValue, "title": .text(view.title),
                              "owner": .text(ownerText(view))])
    }

    static func ownerText(_ view: TaskView) -> String {
        view.owner == nil ? Console.texts("task.owner.team_owner_name", ["owner": .text(view.ownerName)]) : view.ownerName
    }

    static func sectors(_ sectors: [Sector]) -> String { sectors.map { Console.texts.render($0.label) }.joined(separator: ", ") }

    static func link(_ link: TaskLink?) -> String? {
        link.map { Console.texts("task.link", ["kind": $0.kind.labelValue, "key": .text($0.key)]) }
    }

    /// The status, and whether the rule that raised the task no longer finds its condition.
    static func status(_ task: WorkTask) -> String {
        Console.texts(task.conditionGone ? "task.status_condition_gone" : "task.status", ["status": task.status.labelValue])
    }

    /// What happened in a task's history, as a word: `assigned` is "overlevert" in bokmål.
    static func action(_ code: String) -> String {
        let texts = Console.texts
        switch code {
        case "created": return texts("task.action.created")
        case "assigned": return texts("task.action.assigned")
        case "started": return texts("task.action.started")
        case "done": return texts("task.action.done")
        case "cancelled": return texts("task.action.cancelled")
        case "comment": return texts("task.action.comment")
        case "condition_gone": return texts("task.action.condition_gone")
        default: return code
        }
    }

    /// Says which owner a task went to and why, when no member of its own sectors could take it.
    static func routingNote(_ view: TaskView) {
        guard let routing = view.routing, routing.route == .coordinatingUnit || routing.route == .teamOwner else { return }
        Console.say("task.routing_note", ["owner": .text(ownerText(view)), "reason": .message(routing.reason)])
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a task.",
            discussion: """
                Without --owner the task goes to the first active member of its
                sectors (in the order given), else to the team's coordinating unit
                (a member in coordinating_unit), else to the team's owner; the
                command says which owner and why.

                Example:
                  tunet task add --title "Skaff politiattest fra Bergsetra" --kind police_certificate --sector education --owner "Kari Lia" --due 2026-12-15 --link provider:912346102
                """)
        @Option(help: "The team (not needed when there is one).") var team: String?
        @Option(help: "What is to be done.") var title: String
        @Option(help: "Kind: \(TaskKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: String?
        @Option(help: "A sector involved; repeat or separate with commas.") var sector: [String] = []
        @Option(help: "The owner: a member's number, name or e-mail (default: chosen by the task's sectors).") var owner: String?
        @Option(help: "Due date.") var due: String?
        @Option(help: "What it is about: provider:ORG, agreement:REF, placement:ID, procurement:ID, pilot:ID, journey:ID, invoice:ID.") var link: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try TaskCommand.desk(global.writableContext()).add(team: team, title: title, kind: kind, sectors: sector, owner: owner, due: due, link: link)
            if output.json { return try JSONOutput.print(view) }
            Console.say("task.added", ["task": .message(TaskCommand.line(view))])
            TaskCommand.routingNote(view)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List open tasks, filtered.", discussion: "Example:\n  tunet task list --sector education --due-before 2027-01-01")
        @Flag(help: "Only tasks owned by you (the member named by --as or TUNET_ACTOR).") var mine = false
        @Flag(help: "Only overdue tasks.") var overdue = false
        @Option(help: "Only tasks involving this sector.") var sector: String?
        @Option(help: "Only tasks due before this day.") var dueBefore: String?
        @Flag(help: "Also done and cancelled tasks.") var all = false
        @Option(help: "The team whose tasks to list (needed when there are several teams).") var team: String?
        @Flag(help: "Every team's tasks.") var everyTeam = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            var filter = TaskFilter()
            filter.team = team
            filter.everyTeam = everyTeam
            filter.mine = mine
            filter.overdue = overdue
            filter.includeClosed = all
            var problems = ProblemCollector()
            if let sector {
                filter.sector = Sector(name: sector)
                if filter.sector == nil {
                    problems.add("sector", sector, Message("task.error.sector"))
                }
            }
            if let dueBefore {
                filter.dueBefore = problems.date("due-before", dueBefore)
            }
            try problems.check()
            let views = try TaskCommand.desk(global.readableContext()).list(filter)
            if output.json { return try JSONOutput.print(views) }
            if views.isEmpty { return Console.say("task.list.none") }
            let texts = Console.texts
            var table = TextTable(texts("task.table.number"), texts("task.table.due"), texts("task.table.title"), texts("task.table.owner"),
                                  texts("task.table.sectors"), texts("task.table.status"), texts("task.table.link"), rightAligned: [0])
            for view in views {
                let task = view.task
                table.add(String(task.id), (task.due.map { texts.format(.date($0)) } ?? "") + (view.overdue ? " !" : ""), view.title,
                          TaskCommand.ownerText(view), TaskCommand.sectors(task.sectors), TaskCommand.status(task), TaskCommand.link(task.link) ?? "")
            }
            Console.out(table.render())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a task with its whole history, hand-overs included.", discussion: "Example:\n  tunet task show 7")
        @Argument(help: "The task number.") var id: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let context = try global.readableContext()
            let view = try TaskCommand.desk(context).show(TaskCommand.parseId(id))
            if output.json { return try JSONOutput.print(view) }
            let task = view.task
            let texts = Console.texts
            var list = DetailList()
            list.add(texts("task.show.task"), String(task.id))
            list.add(texts("task.show.title"), view.title)
            list.add(texts("task.show.kind"), texts.render(task.kind.label))
            list.add(texts("task.show.status"), texts(task.conditionGone ? "task.status_condition_gone_long" : "task.status", ["status": task.status.labelValue]))
            list.add(texts("task.show.owner"), view.owner.map { texts("task.owner.member", ["owner": .text($0.name), "sector": $0.sector.labelValue]) }
                ?? TaskCommand.ownerText(view))
            list.add(texts("task.show.sectors"), TaskCommand.sectors(task.sectors))
            list.add(texts("task.show.due"), task.due.map { texts(view.overdue ? "task.due_overdue" : "task.due", ["due": .date($0)]) })
            list.add(texts("task.show.link"), TaskCommand.link(task.link))
            Console.out(list.render())
            let members = try WorkTeamDesk(context).teams().flatMap(\.members)
            func name(_ id: Int64?) -> String { id.flatMap { id in members.first { $0.id == id }?.name } ?? "–" }
            var history = TextTable(texts("task.history.table.when"), texts("task.history.table.who"), texts("task.history.table.what"),
                                    texts("task.history.table.from"), texts("task.history.table.to"), texts("task.history.table.comment"))
            for event in task.history {
                history.add(OsloTime.localTimestamp(event.at, in: texts.language), event.actor, TaskCommand.action(event.action),
                            event.action == "assigned" ? name(event.fromMember) : "", event.toMember.map { name($0) } ?? "",
                            event.text.map(texts.render) ?? "")
            }
            Console.out("\n" + texts("task.history.heading") + "\n" + history.render())
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign", abstract: "Hand a task over to another member (possibly another sector); the history keeps who, when and why.",
            discussion: "Example:\n  tunet task assign 7 --to \"Per Haugen\" --comment \"NAV tar over\"")
        @Argument(help: "The task number.") var id: String
        @Option(help: "The new owner: number, name or e-mail.") var to: String
        @Option(help: "Why, for the next owner.") var comment: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try TaskCommand.desk(global.writableContext()).assign(TaskCommand.parseId(id), to: to, comment: comment)
            if output.json { return try JSONOutput.print(view) }
            Console.say("task.handed_over", ["task": .message(TaskCommand.line(view))])
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "start", abstract: "Mark a task as started.", discussion: "Example:\n  tunet task start 7")
        @Argument(help: "The task number.") var id: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try TaskCommand.desk(global.writableContext()).start(TaskCommand.parseId(id))
            if output.json { return try JSONOutput.print(view) }
            Console.out(Console.texts.render(TaskCommand.line(view)))
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a task as done.", discussion: "Example:\n  tunet task done 7 --comment \"Attest mottatt\"")
        @Argument(help: "The task number.") var id: String
        @Option(help: "A closing comment.") var comment: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try TaskCommand.desk(global.writableContext()).done(TaskCommand.parseId(id), comment: comment)
            if output.json { return try JSONOutput.print(view) }
            Console.out(Console.texts.render(TaskCommand.line(view)))
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a task, with a reason.", discussion: "Example:\n  tunet task cancel 7 --reason \"Avtalen er sagt opp\"")
        @Argument(help: "The task number.") var id: String
        @Option(help: "Why (required).") var reason: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try TaskCommand.desk(global.writableContext()).cancel(TaskCommand.parseId(id), reason: reason)
            if output.json { return try JSONOutput.print(view) }
            Console.out(Console.texts.render(TaskCommand.line(view)))
        }
    }

    struct Comment: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "comment", abstract: "Add a comment to a task's history.", discussion: "Example:\n  tunet task comment 7 --text \"Ringt gården, svar fredag\"")
        @Argument(help: "The task number.") var id: String
        @Option(help: "The comment.") var text: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try TaskCommand.desk(global.writableContext()).comment(TaskCommand.parseId(id), text: text)
            if output.json { return try JSONOutput.print(view) }
            Console.say("task.commented", ["task": .text(String(view.task.id))])
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate", abstract: "Run the rules and raise the tasks they find; running it twice raises nothing new.",
            discussion: """
                Rules and thresholds (each option changes one):
                  approval           the external audit of an IPT approval is due within --approval-days (\(defaults.approvalDays))
                  police certificate a farm with pupils has none, or it expires within --police-certificate-days \
                (\(defaults.policeCertificateDays); valid \(ProviderCompliance.standard.policeCertificate.validityYears) years)
                  extension option   its decision deadline is within --option-days (\(defaults.optionDays))
                  ceiling            committed + spent reaches --ceiling-warning (\(defaults.ceilingWarningPercent)) or --ceiling-full \
                (\(defaults.ceilingFullPercent)) percent of the maximum
                  attendance         last month's report is missing on day --attendance-day (\(defaults.attendanceDay)) of the month
                  follow-up          the next follow-up conversation is due within --follow-up-days (\(defaults.followUpDays))
                  standstill         a standstill period ends within --standstill-days (\(defaults.standstillDays))
                  pilot evaluation   a pilot's yearly or final evaluation is due within --pilot-evaluation-days (\(defaults.pilotEvaluationDays))
                  insurance          an active farm's insurance expires within
                                     --insurance-days (\(defaults.insuranceDays)), or has expired
                  renewal            an agreement ends within --renewal-days (\(defaults.renewalDays))
                                     with no option left or its deadline passed:
                                     a new competition must be planned
                  school calendar    pupils are placed in a school year (1 August
                                     to 31 July) their municipality has no school
                                     calendar for; load it with
                                     `tunet calendar school import FILE`
                  journey            a person has waited longer than --journey-days
                                     (\(defaults.journeyWaitingDays)) in a step before follow-up
                                     (referral, conversation, need, network)
                  invoice            a farm's EHF invoice differs from the invoice
                                     basis (`tunet invoice check`); the task's
                                     condition is gone when a credit note or a
                                     new check makes it match
                A task whose condition no longer holds says so in its history.

                Owners: a task goes to the first active member of its sectors, else
                to the coordinating unit (a member in coordinating_unit), else to the
                team's owner; the command says which and why when it goes past its
                sectors.

                Example:
                  tunet task generate --today 2026-12-05
                """)
        @Option(help: "Run the rules as on this day (default today).") var today: String?
        @Option(help: "Raise only this team's tasks (default: every team's).") var team: String?
        // The defaults are the rules' own (TaskRuleThresholds), so `--help` shows what a run without options uses.
        private static let defaults = TaskRuleThresholds.standard
        @Option var approvalDays = Self.defaults.approvalDays
        @Option var policeCertificateDays = Self.defaults.policeCertificateDays
        @Option var optionDays = Self.defaults.optionDays
        @Option var ceilingWarning = Self.defaults.ceilingWarningPercent
        @Option var ceilingFull = Self.defaults.ceilingFullPercent
        @Option var attendanceDay = Self.defaults.attendanceDay
        @Option var followUpDays = Self.defaults.followUpDays
        @Option var standstillDays = Self.defaults.standstillDays
        @Option var pilotEvaluationDays = Self.defaults.pilotEvaluationDays
        @Option var insuranceDays = Self.defaults.insuranceDays
        @Option var renewalDays = Self.defaults.renewalDays
        @Option(name: .customLong("journey-days")) var journeyWaitingDays = Self.defaults.journeyWaitingDays
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            var thresholds = TaskRuleThresholds()
            thresholds.approvalDays = approvalDays
            thresholds.policeCertificateDays = policeCertificateDays
            thresholds.optionDays = optionDays
            thresholds.ceilingWarningPercent = ceilingWarning
            thresholds.ceilingFullPercent = ceilingFull
            thresholds.attendanceDay = attendanceDay
            thresholds.followUpDays = followUpDays
            thresholds.standstillDays = standstillDays
            thresholds.pilotEvaluationDays = pilotEvaluationDays
            thresholds.insuranceDays = insuranceDays
            thresholds.renewalDays = renewalDays
            thresholds.journeyWaitingDays = journeyWaitingDays
            try thresholds.check()
            var context = try global.writableContext()
            if let today {
                switch LocalDate.parse(today) {
                case .success(let date): context = context.acting(as: context.actor, today: date)
                case .failure(let problem): throw TunetError.invalid("today", today, problem.reason)
                }
            }
            let report = try TaskRuleDesk(context, thresholds: thresholds, language: Console.texts.language).generate(team: team)
            if output.json { return try JSONOutput.print(report) }
            for view in report.raised {
                Console.say("task.raised", ["task": .message(TaskCommand.line(view))])
                TaskCommand.routingNote(view)
            }
            if !report.conditionGone.isEmpty {
                Console.say("task.generate.condition_gone", ["tasks": .list(report.conditionGone.map { .text("#\($0)") })])
            }
            if !report.withoutTeam.isEmpty {
                Console.say("task.generate.without_team", ["count": .integer(report.withoutTeam.count),
                                                           "municipalities": .list(report.withoutTeam.map { .text(Municipality.named($0)?.description ?? $0) })])
            }
            Console.say("task.generate.summary", ["raised": .integer(report.raised.count), "unchanged": .integer(report.unchanged),
                                                  "gone": .integer(report.conditionGone.count)])
        }
    }
}
