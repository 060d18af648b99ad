import ArgumentParser
import Foundation
import TunetApp
import TunetText
import TunetDomain

struct PlacementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placement",
        abstract: Help.abstract("placement"),
        discussion: Help.discussion("placement"),
        subcommands: [Add.self, List.self, Show.self, End.self, Extend.self, Cancel.self, FollowUpCommand.self, JourneyCommand.self]
    )

    static func parseId(_ text: String) throws -> Int64 {
        guard let id = Int64(text.trimmingCharacters(in: .whitespaces)), id > 0 else {
            throw TunetError.invalid("placement", text, Message("placement.not_a_number", ["value": .text(text)]))
        }
        return id
    }

    static func describe(_ view: PlacementView) -> String {
        let texts = Console.texts
        let placement = view.placement
        var list = DetailList()
        func add(_ key: String, _ value: String?) { list.add(texts("placement.detail.\(key)"), value) }
        add("placement", String(placement.id))
        add("participant", placement.participant.text + (view.name.map { " (\($0))" } ?? ""))
        add("kind", texts.render(placement.kind.label))
        add("status", texts.render(view.status.label) + (placement.cancelledReason.map { " (\(texts.render($0)))" } ?? ""))
        add("agreement", placement.agreementReference)
        add("provider", placement.provider.digits)
        add("municipality", Municipality.named(placement.municipalityNumber)?.description ?? placement.municipalityNumber)
        add("period", texts("placement.detail.period_value", ["start": .date(placement.start), "end": .date(placement.end),
                                                             "weekdays": .text(weekdays(placement.weekdays))]))
        add("planned_days", texts.format(.integer(placement.plannedDays)))
        add("price_line", placement.priceLine)
        add("projected_cost", texts("placement.amount", ["amount": .money(placement.projectedCost)]))
        if let reason = placement.ceilingOverrideReason { add("ceiling_override", reason) }
        if let pupil = placement.pupil {
            add("school", texts("placement.detail.school_value", ["school": .text(pupil.school), "grade": .integer(pupil.grade)]))
            add("contact_teacher", pupil.contactTeacherRole)
            add("learning_goals", pupil.learningGoals)
        }
        if let dementia = placement.dementia {
            add("decision", dementia.decisionReference)
            add("transport", dementia.transport ? texts("placement.detail.transport_yes", ["trips": .integer(placement.transportTripsPerDay)])
                                                : texts("placement.detail.transport_no"))
            add("relative", dementia.relativeRole)
        }
        add("chosen_by", "\(texts.render(placement.choice.method.label)): \(read(placement.choice.rule))")
        add("inputs", placement.choice.inputs)
        for skipped in placement.choice.skipped {
            list.add(texts("placement.detail.skipped", ["rank": .text(skipped.rank.map(String.init) ?? "–")]),
                     "\(skipped.provider): \(read(skipped.reasons))")
        }
        return list.render()
    }

    // The rules give the choice's rule, the reasons a farm was passed over and the warnings as messages, or
    // (stored before they were) as text: each is read the same way.
    static func read(_ text: String) -> String { text }
    static func read(_ message: Message) -> String { Console.texts.render(message) }
    static func read(_ reasons: [String]) -> String { reasons.joined(separator: "; ") }
    static func read(_ reasons: [Message]) -> String { reasons.map(Console.texts.render).joined(separator: "; ") }
    static func warn(_ text: String) { Console.error(Console.texts("cli.warning", ["message": .text(text)])) }
    static func warn(_ message: Message) { Console.warn(message) }

    /// The weekdays as the reader writes them: `man,tor` or `mon,thu`, runs as `man-fre`.
    static func weekdays(_ days: WeekdaySet) -> String {
        guard Console.texts.language == .nb else { return days.display }
        return Weekday.allCases.reduce(days.display) { text, day in text.replacingOccurrences(of: day.code, with: day.norwegianShort) }
    }
}

extension PlacementCommand {
    static func table(_ followUps: [FollowUp]) -> String {
        let texts = Console.texts
        var table = TextTable(["date", "roles", "wishes", "next"].map { texts("placement.followup.table.\($0)") })
        for followUp in followUps {
            table.add(texts.format(.date(followUp.date)), followUp.roles.map(role).joined(separator: ", "), followUp.wishesAndNeeds,
                      followUp.nextDate.map { texts.format(.date($0)) } ?? "")
        }
        return table.render()
    }

    /// The roles the help names are shown in the reader's words ("pårørende" for `relative`); others as written.
    static func role(_ role: String) -> String {
        let named = ["participant", "relative", "teacher", "farmer", "coordinator"]
        return named.contains(role.lowercased()) ? Console.texts("placement.followup.role.\(role.lowercased())") : role
    }

    static func sayNewEnd(_ view: PlacementView) {
        Console.say("placement.now_ends", ["id": .text(String(view.placement.id)), "end": .date(view.placement.end),
                                           "days": .integer(view.placement.plannedDays), "cost": .money(view.placement.projectedCost)])
    }
}

struct NameOptions: ParsableArguments {
    @Flag(help: Help.option("options.names.include-names"))
    var includeNames = false
}

extension PlacementCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: Help.abstract("placement.add"),
            discussion: Help.discussion("placement.add"))

        @Option(help: Help.option("placement.add.agreement", value: "reference"), completion: .agreementReferences)
        var agreement: String
        @Option(help: Help.option("placement.add.participant"))
        var participant: String?
        @Option(help: Help.option("placement.add.kind"))
        var kind: String
        @Option(help: Help.option("placement.add.municipality"))
        var municipality: String
        @Option(help: Help.option("placement.add.weekdays"))
        var weekdays: String
        @Option(help: Help.option("placement.add.start"))
        var start: String
        @Option(help: Help.option("placement.add.end"))
        var end: String
        @Option(help: Help.option("placement.add.price-line"))
        var priceLine: String?
        @Option(help: Help.option("placement.add.provider", value: "organisation_number"), completion: .organisationNumbers)
        var provider: String?
        @Option(help: Help.option("placement.add.criteria-inputs"))
        var criteriaInputs: String?
        @Option(help: Help.option("placement.add.mini-competition-result"))
        var miniCompetitionResult: String?
        @Option(help: Help.option("placement.add.school"))
        var school: String?
        @Option(help: Help.option("placement.add.grade"))
        var grade: String?
        @Option(help: Help.option("placement.add.contact-teacher-role"))
        var contactTeacherRole: String?
        @Option(help: Help.option("placement.add.learning-goals"))
        var learningGoals: String?
        @Option(help: Help.option("placement.add.decision"))
        var decision: String?
        @Flag(help: Help.option("placement.add.transport"))
        var transport = false
        @Option(help: Help.option("placement.add.relative-role"))
        var relativeRole: String?
        @Flag(help: Help.option("placement.add.override-ceiling"))
        var overrideCeiling = false
        @Option(help: Help.option("placement.add.reason"))
        var reason: String?
        @Option(help: Help.option("placement.add.name"))
        var name: String?
        @Flag(help: Help.option("placement.add.dry-run"))
        var dryRun = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            if overrideCeiling != (reason != nil) { throw ValidationError(Console.texts("placement.override_needs_reason")) }
            var form = PlacementForm()
            form.participant = participant
            form.kind = kind
            form.municipality = municipality
            form.weekdays = weekdays
            form.start = start
            form.end = end
            form.priceLine = priceLine
            form.provider = provider
            form.criteriaInputs = criteriaInputs
            form.miniCompetitionResult = miniCompetitionResult
            form.school = school
            form.grade = grade
            form.contactTeacherRole = contactTeacherRole
            form.learningGoals = learningGoals
            form.decisionReference = decision
            form.transport = transport
            form.relativeRole = relativeRole
            form.overrideCeilingReason = reason
            let outcome = try PlacementDesk(global.writableContext()).add(to: agreement, form, name: name, dryRun: dryRun)
            if output.json { return try JSONOutput.print(outcome) }
            let plan = outcome.plan
            let figures: [String: MessageValue] = ["provider": .text(plan.provider.digits), "days": .integer(plan.plannedDays.count),
                                                   "cost": .money(plan.projectedCost)]
            if let view = outcome.placement {
                Console.say("placement.placed", figures.merging(["participant": .text(view.placement.participant.text),
                                                                 "id": .text(String(view.placement.id))]) { $1 })
            } else {
                Console.say("placement.would_place", figures)
            }
            for warning in plan.warnings { PlacementCommand.warn(warning.withCommandLineAdvice) }
            Console.say("placement.chosen_by", ["method": plan.choice.method.labelValue, "rule": .text(PlacementCommand.read(plan.choice.rule))])
            for skipped in plan.choice.skipped {
                Console.say("placement.skipped", ["rank": .text(skipped.rank.map(String.init) ?? "–"), "provider": .text(skipped.provider.digits),
                                                  "reasons": .text(PlacementCommand.read(skipped.reasons))])
            }
            if let override = plan.ceilingOverrideReason {
                Console.say("placement.override_recorded", ["reason": .text(override), "headroom": .money(plan.headroomAfter)])
            } else {
                Console.say("placement.headroom", ["headroom": .money(plan.headroomAfter)])
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Help.abstract("placement.list"),
            discussion: Help.discussion("placement.list"))

        @Option(help: Help.option("placement.list.agreement", value: "reference"), completion: .agreementReferences)
        var agreement: String?
        @Option(help: Help.option("placement.list.provider", value: "organisation_number"), completion: .organisationNumbers)
        var provider: String?
        @Option(help: Help.option("placement.list.kind"))
        var kind: String?
        @Option(help: Help.option("placement.list.municipality"))
        var municipality: String?
        @Option(help: Help.option("placement.list.active-on"))
        var activeOn: String?
        @Option(help: Help.option("placement.list.participant"))
        var participant: String?
        @OptionGroup var names: NameOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            var filter = PlacementFilter()
            var problems = ProblemCollector()
            filter.agreement = agreement
            if let provider { filter.provider = problems.take("provider", provider, OrganisationNumber.parse(provider)) }
            if let kind {
                filter.kind = PlacementKind(name: kind)
                if filter.kind == nil { problems.add("kind", kind, Message("placement.kind_unknown")) }
            }
            if let municipality { filter.municipalityNumber = problems.take("municipality", municipality, Municipality.parse(municipality))?.number }
            if let activeOn {
                filter.activeOn = problems.date("active-on", activeOn)
            }
            if let participant { filter.participant = problems.take("participant", participant, ParticipantCode.parse(participant)) }
            try problems.check()
            let context = try names.includeNames ? global.writableContext() : global.readableContext()
            let views = try PlacementDesk(context).list(filter, includeNames: names.includeNames)
            if output.json { return try JSONOutput.print(views) }
            let texts = Console.texts
            if views.isEmpty { return Console.say("placement.none_match") }
            var headers = ["#"] + ["participant", "kind", "agreement", "provider", "municipality", "weekdays", "period", "planned", "projected", "status"]
                .map { texts("placement.table.\($0)") } + ["!"]
            if names.includeNames { headers.insert(texts("placement.table.name"), at: 2) }
            var table = TextTable(headers, rightAligned: names.includeNames ? [0, 9, 10] : [0, 8, 9])
            for view in views {
                let placement = view.placement
                var row = [String(placement.id), placement.participant.text, texts.render(placement.kind.label), placement.agreementReference,
                           placement.provider.digits, placement.municipalityNumber, PlacementCommand.weekdays(placement.weekdays),
                           "\(texts.format(.date(placement.start)))–\(texts.format(.date(placement.end)))",
                           texts.format(.integer(placement.plannedDays)), texts.format(placement.projectedCost),
                           texts.render(view.status.label), placement.ceilingOverrideReason == nil ? "" : "!"]
                if names.includeNames { row.insert(view.name ?? "", at: 2) }
                table.add(row)
            }
            Console.out(table.render())
            let counted = views.filter { !$0.placement.isCancelled }.map(\.placement)
            let cancelled = views.count - counted.count
            Console.say("placement.list.sum", [
                "placements": .integer(counted.count), "days": .integer(counted.reduce(0) { $0 + $1.plannedDays }),
                "cost": .money(counted.reduce(Money.zero) { $0 + $1.projectedCost }),
                "cancelled": cancelled > 0 ? .message(Message("placement.list.cancelled_note", ["count": .integer(cancelled)])) : .text(""),
            ])
            if views.contains(where: { $0.placement.ceilingOverrideReason != nil }) { Console.say("placement.list.override_note") }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: Help.abstract("placement.show"),
            discussion: Help.discussion("placement.show"))

        @Argument(help: Help.option("placement.show.id", value: "number"))
        var id: String
        @OptionGroup var names: NameOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let context = try names.includeNames ? global.writableContext() : global.readableContext()
            let (view, followUps) = try PlacementDesk(context).show(PlacementCommand.parseId(id), includeNames: names.includeNames)
            if output.json {
                struct Detail: Encodable {
                    let placement: PlacementView
                    let followUps: [FollowUp]
                    enum CodingKeys: String, CodingKey { case placement; case followUps = "follow_ups" }
                }
                return try JSONOutput.print(Detail(placement: view, followUps: followUps))
            }
            Console.out(PlacementCommand.describe(view))
            if !followUps.isEmpty { Console.out("\n" + Console.texts("placement.followup.heading") + "\n" + PlacementCommand.table(followUps)) }
        }
    }

}
