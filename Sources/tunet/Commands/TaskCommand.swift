import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: Help.abstract("task"),
        discussion: Help.discussion("task"),
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
            commandName: "add", abstract: Help.abstract("task.add"),
            discussion: Help.discussion("task.add"))
        @Option(help: Help.option("task.add.team")) var team: String?
        @Option(help: Help.option("task.add.title")) var title: String
        @Option(help: Help.option("task.add.kind", ["kinds": .text(TaskKind.allCases.map(\.rawValue).joined(separator: ", "))])) var kind: String?
        @Option(help: Help.option("task.add.sector")) var sector: [String] = []
        @Option(help: Help.option("task.add.owner")) var owner: String?
        @Option(help: Help.option("task.add.due")) var due: String?
        @Option(help: Help.option("task.add.link")) var link: String?
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
            commandName: "list", abstract: Help.abstract("task.list"), discussion: Help.discussion("task.list"))
        @Flag(help: Help.option("task.list.mine")) var mine = false
        @Flag(help: Help.option("task.list.overdue")) var overdue = false
        @Option(help: Help.option("task.list.sector")) var sector: String?
        @Option(help: Help.option("task.list.due-before")) var dueBefore: String?
        @Flag(help: Help.option("task.list.all")) var all = false
        @Option(help: Help.option("task.list.team")) var team: String?
        @Flag(help: Help.option("task.list.every-team")) var everyTeam = false
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
        static let configuration = CommandConfiguration(commandName: "show", abstract: Help.abstract("task.show"), discussion: Help.discussion("task.show"))
        @Argument(help: Help.option("task.show.id")) var id: String
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
            commandName: "assign", abstract: Help.abstract("task.assign"),
            discussion: Help.discussion("task.assign"))
        @Argument(help: Help.option("task.assign.id")) var id: String
        @Option(help: Help.option("task.assign.to")) var to: String
        @Option(help: Help.option("task.assign.comment")) var comment: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try TaskCommand.desk(global.writableContext()).assign(TaskCommand.parseId(id), to: to, comment: comment)
            if output.json { return try JSONOutput.print(view) }
            Console.say("task.handed_over", ["task": .message(TaskCommand.line(view))])
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "start", abstract: Help.abstract("task.start"), discussion: Help.discussion("task.start"))
        @Argument(help: Help.option("task.start.id")) var id: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try TaskCommand.desk(global.writableContext()).start(TaskCommand.parseId(id))
            if output.json { return try JSONOutput.print(view) }
            Console.out(Console.texts.render(TaskCommand.line(view)))
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: Help.abstract("task.done"), discussion: Help.discussion("task.done"))
        @Argument(help: Help.option("task.done.id")) var id: String
        @Option(help: Help.option("task.done.comment")) var comment: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try TaskCommand.desk(global.writableContext()).done(TaskCommand.parseId(id), comment: comment)
            if output.json { return try JSONOutput.print(view) }
            Console.out(Console.texts.render(TaskCommand.line(view)))
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: Help.abstract("task.cancel"), discussion: Help.discussion("task.cancel"))
        @Argument(help: Help.option("task.cancel.id")) var id: String
        @Option(help: Help.option("task.cancel.reason")) var reason: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try TaskCommand.desk(global.writableContext()).cancel(TaskCommand.parseId(id), reason: reason)
            if output.json { return try JSONOutput.print(view) }
            Console.out(Console.texts.render(TaskCommand.line(view)))
        }
    }

    struct Comment: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "comment", abstract: Help.abstract("task.comment"), discussion: Help.discussion("task.comment"))
        @Argument(help: Help.option("task.comment.id")) var id: String
        @Option(help: Help.option("task.comment.text")) var text: String
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
            commandName: "generate", abstract: Help.abstract("task.generate"),
            discussion: Help.discussion("task.generate", Self.helpArguments))
        @Option(help: Help.option("task.generate.today")) var today: String?
        @Option(help: Help.option("task.generate.team")) var team: String?
        // The defaults are the rules' own (TaskRuleThresholds), so `--help` shows what a run without options uses.
        private static let defaults = TaskRuleThresholds.standard
        /// The rules' default thresholds, named in the discussion.
        private static let helpArguments: [String: MessageValue] = [
            "approval_days": .integer(Int64(defaults.approvalDays)),
            "police_certificate_days": .integer(Int64(defaults.policeCertificateDays)),
            "police_certificate_years": .integer(Int64(ProviderCompliance.standard.policeCertificate.validityYears)),
            "option_days": .integer(Int64(defaults.optionDays)),
            "ceiling_warning": .integer(Int64(defaults.ceilingWarningPercent)),
            "ceiling_full": .integer(Int64(defaults.ceilingFullPercent)),
            "attendance_day": .integer(Int64(defaults.attendanceDay)),
            "follow_up_days": .integer(Int64(defaults.followUpDays)),
            "standstill_days": .integer(Int64(defaults.standstillDays)),
            "pilot_evaluation_days": .integer(Int64(defaults.pilotEvaluationDays)),
            "insurance_days": .integer(Int64(defaults.insuranceDays)),
            "renewal_days": .integer(Int64(defaults.renewalDays)),
            "journey_days": .integer(Int64(defaults.journeyWaitingDays)),
        ]
        @Option(help: Help.option("task.generate.approval-days")) var approvalDays = Self.defaults.approvalDays
        @Option(help: Help.option("task.generate.police-certificate-days")) var policeCertificateDays = Self.defaults.policeCertificateDays
        @Option(help: Help.option("task.generate.option-days")) var optionDays = Self.defaults.optionDays
        @Option(help: Help.option("task.generate.ceiling-warning")) var ceilingWarning = Self.defaults.ceilingWarningPercent
        @Option(help: Help.option("task.generate.ceiling-full")) var ceilingFull = Self.defaults.ceilingFullPercent
        @Option(help: Help.option("task.generate.attendance-day")) var attendanceDay = Self.defaults.attendanceDay
        @Option(help: Help.option("task.generate.follow-up-days")) var followUpDays = Self.defaults.followUpDays
        @Option(help: Help.option("task.generate.standstill-days")) var standstillDays = Self.defaults.standstillDays
        @Option(help: Help.option("task.generate.pilot-evaluation-days")) var pilotEvaluationDays = Self.defaults.pilotEvaluationDays
        @Option(help: Help.option("task.generate.insurance-days")) var insuranceDays = Self.defaults.insuranceDays
        @Option(help: Help.option("task.generate.renewal-days", ["renewal_days": .integer(Int64(defaults.renewalDays))])) var renewalDays: Int?
        @Option(name: .customLong("journey-days"), help: Help.option("task.generate.journey-days")) var journeyWaitingDays = Self.defaults.journeyWaitingDays
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
            thresholds.journeyWaitingDays = journeyWaitingDays
            try thresholds.check()
            var context = try global.writableContext()
            thresholds.renewalDays = renewalDays ?? context.renewalDays
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
