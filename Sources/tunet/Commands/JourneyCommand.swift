import ArgumentParser
import TunetApp
import TunetDomain
import TunetText

/// `tunet placement journey`: a person's way from referral to follow-up, step by step.
struct JourneyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journey",
        abstract: Help.abstract("placement.journey"),
        discussion: Help.discussion("placement.journey"),
        subcommands: [Show.self, List.self, Refer.self, Conversation.self, Need.self, Network.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: Help.abstract("placement.journey.show"))
        @Argument(help: Help.option("placement.journey.show.key", value: "journey")) var key: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try JourneyCommand.print(try JourneyDesk(global.readableContext()).show(key), json: output.json)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: Help.abstract("placement.journey.list"), discussion: Help.discussion("placement.journey.list"))
        @Option(help: Help.option("placement.journey.list.step")) var step: String?
        @Option(help: Help.option("placement.journey.list.waiting-longer-than")) var waitingLongerThan: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let views = try JourneyDesk(global.readableContext()).list(step: step, waitingLongerThan: waitingLongerThan)
            if output.json { return try JSONOutput.print(views) }
            if views.isEmpty { return Console.say("journey.list.none") }
            let texts = Console.texts
            var table = TextTable(texts("journey.list.id"), texts("journey.list.participant"), texts("journey.list.municipality"),
                                  texts("journey.list.step"), texts("journey.list.since"), texts("journey.list.days"), rightAligned: [0, 5])
            for view in views {
                let journey = view.journey
                table.add(String(journey.id), journey.participant.text, Municipality.named(journey.municipalityNumber)?.description ?? journey.municipalityNumber,
                          texts("journey.step.\(view.step.rawValue)"), view.reached[view.step].map { texts.format(.date($0)) } ?? "",
                          view.waitingDays.map { texts.format(.integer(Int64($0))) } ?? "")
            }
            Console.out(table.render())
        }
    }

    struct Refer: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "refer", abstract: Help.abstract("placement.journey.refer"))
        @Option(help: Help.option("placement.journey.refer.participant")) var participant: String?
        @Option(help: Help.option("placement.journey.refer.kind")) var kind: String
        @Option(help: Help.option("placement.journey.refer.municipality")) var municipality: String
        @Option(help: Help.option("placement.journey.refer.referred-by")) var referredBy: String
        @Option(help: Help.option("placement.journey.refer.date")) var date: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try JourneyDesk(global.writableContext()).refer(participant: participant, kind: kind, municipality: municipality,
                                                                       referredBy: referredBy, date: date)
            if output.json { return try JSONOutput.print(view) }
            Console.say("journey.started", ["id": .integer(view.journey.id), "participant": .text(view.journey.participant.text),
                                            "kind": view.journey.kind.labelValue,
                                            "municipality": .text(Municipality.named(view.journey.municipalityNumber)?.description ?? view.journey.municipalityNumber)])
        }
    }

    struct Conversation: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "conversation", abstract: Help.abstract("placement.journey.conversation"))
        @Argument(help: Help.option("placement.journey.conversation.key", value: "journey")) var key: String
        @Option(help: Help.option("placement.journey.conversation.role")) var role: [String] = []
        @Option(help: Help.option("placement.journey.conversation.wishes")) var wishes: String
        @Option(help: Help.option("placement.journey.conversation.date")) var date: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try JourneyCommand.recorded(try JourneyDesk(global.writableContext()).conversation(key, date: date, roles: role, wishes: wishes), json: output.json)
        }
    }

    struct Need: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "need", abstract: Help.abstract("placement.journey.need"))
        @Argument(help: Help.option("placement.journey.need.key", value: "journey")) var key: String
        @Option(help: Help.option("placement.journey.need.goals")) var goals: String
        @Option(help: Help.option("placement.journey.need.weekdays")) var weekdays: String
        @Flag(help: Help.option("placement.journey.need.transport")) var transport = false
        @Option(name: [.customLong("decision"), .customLong("decision-reference")], help: Help.option("placement.journey.need.decision")) var decision: String?
        @Option(help: Help.option("placement.journey.need.school")) var school: String?
        @Option(help: Help.option("placement.journey.need.grade")) var grade: String?
        @Option(help: Help.option("placement.journey.need.date")) var date: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try JourneyCommand.recorded(try JourneyDesk(global.writableContext()).need(
                key, date: date, goals: goals, weekdays: weekdays, transport: transport, decisionReference: decision, school: school, grade: grade),
                json: output.json)
        }
    }

    struct Network: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "network", abstract: Help.abstract("placement.journey.network"))
        @Argument(help: Help.option("placement.journey.network.key", value: "journey")) var key: String
        @Option(help: Help.option("placement.journey.network.placement")) var placement: String
        @Option(help: Help.option("placement.journey.network.contact-role")) var contactRole: String?
        @Option(help: Help.option("placement.journey.network.first-visit")) var firstVisit: String?
        @Option(help: Help.option("placement.journey.network.date")) var date: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try JourneyCommand.recorded(try JourneyDesk(global.writableContext()).network(
                key, placement: PlacementCommand.parseId(placement), date: date, contactRole: contactRole, firstVisit: firstVisit), json: output.json)
        }
    }

    static func recorded(_ view: JourneyView, json: Bool) throws {
        if json { return try JSONOutput.print(view) }
        Console.say("journey.recorded", ["id": .integer(view.journey.id), "participant": .text(view.journey.participant.text),
                                         "step": .message(Message("journey.step.\(view.step.rawValue)"))])
    }

    static func print(_ view: JourneyView, json: Bool) throws {
        if json { return try JSONOutput.print(view) }
        let texts = Console.texts
        let journey = view.journey
        var list = DetailList()
        list.add(texts("journey.field.id"), String(journey.id))
        list.add(texts("journey.field.participant"), journey.participant.text)
        list.add(texts("journey.field.kind"), texts.render(journey.kind.label))
        list.add(texts("journey.field.municipality"), Municipality.named(journey.municipalityNumber)?.description ?? journey.municipalityNumber)
        list.add(texts("journey.field.step"), texts("journey.step.\(view.step.rawValue)"))
        list.add(texts("journey.field.waiting"), view.waitingDays.map { texts("journey.waiting_days", ["days": .integer(Int64($0))]) })
        Console.out(list.render())
        var table = TextTable(texts("journey.steps.step"), texts("journey.steps.date"), texts("journey.steps.by"), texts("journey.steps.content"))
        func day(_ date: LocalDate) -> String { texts.format(.date(date)) }
        table.add(texts("journey.step.referral"), day(journey.referral.date), journey.referral.recordedBy,
                  texts("journey.content.referral", ["role": .text(journey.referral.referredBy)]))
        if let conversation = journey.conversation {
            table.add(texts("journey.step.conversation"), day(conversation.date), conversation.recordedBy,
                      texts("journey.content.conversation", ["roles": .text(texts.list(conversation.roles)), "wishes": .text(conversation.wishes)]))
        }
        if let need = journey.need {
            var details = ""
            if let reference = need.decisionReference { details += texts("journey.content.decision", ["reference": .text(reference)]) }
            if let school = need.school, let grade = need.grade { details += texts("journey.content.school", ["school": .text(school), "grade": .integer(Int64(grade))]) }
            table.add(texts("journey.step.need"), day(need.date), need.recordedBy, texts("journey.content.need", [
                "goals": .text(need.goals), "weekdays": need.weekdays.labelValue,
                "transport": .text(need.transport ? texts("journey.content.transport") : ""), "details": .text(details)]))
        }
        if let network = journey.network {
            table.add(texts("journey.step.network"), day(network.date), network.recordedBy, texts("journey.content.network", [
                "placement": .integer(network.placementId),
                "role": .text(network.contactRole.map { texts("journey.content.contact_role", ["role": .text($0)]) } ?? ""),
                "visit": .text(network.firstVisit.map { texts("journey.content.first_visit", ["date": .date($0)]) } ?? "")]))
        }
        if let followUp = view.reached[.followUp] {
            table.add(texts("journey.step.follow_up"), day(followUp), "", texts("journey.content.follow_up"))
        }
        Console.out("\n" + texts("journey.steps.title") + "\n" + table.render())
    }
}
