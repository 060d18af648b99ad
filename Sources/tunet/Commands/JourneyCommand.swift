import ArgumentParser
import TunetApp
import TunetDomain
import TunetText

/// `tunet placement journey`: a person's way from referral to follow-up, step by step.
struct JourneyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journey",
        abstract: "The participant's journey (Aktive sammen): referral, conversation, need clarified, network, follow-up.",
        discussion: """
            Each step is dated, recorded with who recorded it, and audited; its free text is erased by `privacy erase`.
            The network step links the placement made by call-off (`placement add --participant CODE`); follow-up is
            reached with the placement's first follow-up conversation (`placement follow-up add`).

            Examples:
              tunet placement journey refer --kind dementia --municipality 3303 --referred-by fastlege
              tunet placement journey conversation 1 --role deltaker --role datter --wishes "Vil være ute, liker dyr"
              tunet placement journey need 1 --goals "Mestring og fellesskap" --weekdays tue,thu --transport --decision HO-2026/12
              tunet placement journey network 1 --placement 14 --contact-role datter --first-visit 2026-12-08
              tunet placement journey 1                      where the person stands (or their code: P-2026-0007)
              tunet placement journey list --waiting-longer-than 30d
            """,
        subcommands: [Show.self, List.self, Refer.self, Conversation.self, Need.self, Network.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Where a person stands: each step with its date and content.")
        @Argument(help: "The journey's number, or the participant's code (their latest journey).") var key: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try JourneyCommand.print(try JourneyDesk(global.readableContext()).show(key), json: output.json)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Who waits where.", discussion: """
            Examples:
              tunet placement journey list --step conversation
              tunet placement journey list --waiting-longer-than 30d
            """)
        @Option(help: "Only this step: referral, conversation, need, network, follow_up.") var step: String?
        @Option(help: "Only those waiting longer than this in their step: 30d, 6w, 2m.") var waitingLongerThan: String?
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
        static let configuration = CommandConfiguration(commandName: "refer", abstract: "A referral (henvisning): the journey begins, and the person gets a participant code.")
        @Option(help: "The participant's code, when they have one; otherwise Tunet gives the next.") var participant: String?
        @Option(help: "pupil or dementia.") var kind: String
        @Option(help: "The municipality, 4 digits.") var municipality: String
        @Option(help: "Who referred, as a role (fastlege, kontaktlærer, pårørende).") var referredBy: String
        @Option(help: "The day of the referral (default today).") var date: String?
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
        static let configuration = CommandConfiguration(commandName: "conversation", abstract: "The conversation with the person and their relatives.")
        @Argument(help: "The journey's number or the participant's code.") var key: String
        @Option(help: "Who took part, as a role; repeat.") var role: [String] = []
        @Option(help: "The person's wishes, in their words.") var wishes: String
        @Option(help: "The day (default today).") var date: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try JourneyCommand.recorded(try JourneyDesk(global.writableContext()).conversation(key, date: date, roles: role, wishes: wishes), json: output.json)
        }
    }

    struct Need: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "need", abstract: "The clarified need and wished-for offer.")
        @Argument(help: "The journey's number or the participant's code.") var key: String
        @Option(help: "The goals.") var goals: String
        @Option(help: "The weekdays wished for: tue,thu or mon-fri.") var weekdays: String
        @Flag(help: "Transport to and from the farm is needed.") var transport = false
        @Option(name: [.customLong("decision"), .customLong("decision-reference")], help: "For dementia: the decision's reference.") var decision: String?
        @Option(help: "For pupils: the school.") var school: String?
        @Option(help: "For pupils: the grade, 1–10.") var grade: String?
        @Option(help: "The day (default today).") var date: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try JourneyCommand.recorded(try JourneyDesk(global.writableContext()).need(
                key, date: date, goals: goals, weekdays: weekdays, transport: transport, decisionReference: decision, school: school, grade: grade),
                json: output.json)
        }
    }

    struct Network: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "network", abstract: "The network that carries it out: the placement made by call-off.")
        @Argument(help: "The journey's number or the participant's code.") var key: String
        @Option(help: "The placement made for the person.") var placement: String
        @Option(help: "The contact teacher's or the relative's role.") var contactRole: String?
        @Option(help: "The day of the first visit to the farm.") var firstVisit: String?
        @Option(help: "The day (default today).") var date: String?
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
