import TunetDomain
import TunetStorage

/// A journey as shown: its step, the day each step was reached, and how long the person has waited in
/// the step they are in.
public struct JourneyView: Sendable, Encodable {
    public let journey: ParticipantJourney
    public let step: JourneyStep
    public let reached: [JourneyStep: LocalDate]
    /// Days since the current step was reached; nil in follow-up, where nobody waits for a next step.
    public let waitingDays: Int?

    enum CodingKeys: String, CodingKey {
        case journey, step, reached
        case waitingDays = "waiting_days"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(journey, forKey: .journey)
        try c.encode(step, forKey: .step)
        try c.encode(Dictionary(uniqueKeysWithValues: reached.map { ($0.key.rawValue, $0.value) }), forKey: .reached)
        try c.encode(waitingDays, forKey: .waitingDays)
    }
}

/// The participant's journey (the Aktive sammen method's five steps): a referral before any placement,
/// the conversation, the clarified need, the network (the placement made by call-off) and the follow-ups.
/// Each step is dated, recorded by whom, and audited; the free text is erased with the participant's.
public struct JourneyDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    static let longestText = 2000
    /// The most roles a conversation names (a person, relatives, teachers, coordinators).
    static let mostRoles = 20

    /// A referral: a person gets a participant code (or keeps the one given) and the journey begins.
    public func refer(participant: String?, kind: String, municipality: String, referredBy: String, date: String?) throws -> JourneyView {
        var problems = ProblemCollector()
        let code = participant.flatMap { $0.trimmingWhitespace().isEmpty ? nil : problems.take("participant", $0, ParticipantCode.parse($0)) }
        let parsedKind = PlacementKind(name: kind)
        if parsedKind == nil { problems.add("kind", kind, Message("journey.error.kind")) }
        let number = problems.take("municipality", municipality, Municipality.parse(municipality))?.number
        if let number, !context.actor.scope.includes(number) {
            problems.add("municipality", number, Message("journey.error.municipality_outside", ["municipality": .text(number)]))
        }
        let role = text(referredBy, field: "referred-by", required: true, maximum: 200, problems: &problems)
        let day = self.day(date, field: "date", problems: &problems)
        try problems.check()
        let today = context.today, actor = context.actor.name
        let journey = try context.write { tx -> ParticipantJourney in
            let assigned = try code ?? ParticipantCode.generated(year: today.year, sequence: tx.lastParticipantSequence(year: today.year) + 1)
            if try tx.journeys(in: context.actor.scope).contains(where: { $0.participant == assigned && $0.network == nil }) {
                throw TunetError.conflict(Message("journey.error.open_journey", ["participant": .text(assigned.text)]))
            }
            return try tx.insertJourney { id in
                ParticipantJourney(id: id, participant: assigned, kind: parsedKind!, municipalityNumber: number!,
                                   referral: .init(date: day ?? today, referredBy: role, recordedBy: actor))
            }
        }
        return try view(journey)
    }

    /// The conversation with the person and their relatives: who took part and the wishes.
    public func conversation(_ key: String, date: String?, roles: [String], wishes: String) throws -> JourneyView {
        var problems = ProblemCollector()
        let day = self.day(date, field: "date", problems: &problems)
        let cleanRoles = roles.flatMap { $0.split(separator: ",") }.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        if cleanRoles.isEmpty { problems.add("role", nil, Message("journey.error.roles")) }
        if cleanRoles.count > Self.mostRoles { problems.add("role", nil, Message("journey.error.too_many_roles", ["most": .integer(Int64(Self.mostRoles))])) }
        for role in cleanRoles { if let reason = FreeText.check(role, maximumLength: 60) { problems.add("role", role, reason.message) } }
        let wishesText = text(wishes, field: "wishes", required: true, maximum: Self.longestText, problems: &problems)
        try problems.check()
        return try change(key, to: .conversation, action: "journey_conversation") { journey, today, actor, _ in
            journey.conversation = .init(date: day ?? journey.conversation?.date ?? today, roles: cleanRoles, wishes: wishesText, recordedBy: actor)
        }
    }

    /// The clarified need: goals, weekdays and transport; for dementia the decision's reference, for pupils
    /// the school and grade.
    public func need(_ key: String, date: String?, goals: String, weekdays: String, transport: Bool, decisionReference: String?,
                     school: String?, grade: String?) throws -> JourneyView {
        var problems = ProblemCollector()
        let day = self.day(date, field: "date", problems: &problems)
        let goalsText = text(goals, field: "goals", required: true, maximum: Self.longestText, problems: &problems)
        let days = problems.take("weekdays", weekdays, WeekdaySet.parse(weekdays))
        let decision = decisionReference.map { text($0, field: "decision", required: false, maximum: 100, problems: &problems) }?.nilIfEmpty
        let schoolName = school.map { text($0, field: "school", required: false, maximum: 200, problems: &problems) }?.nilIfEmpty
        var gradeNumber: Int?
        if let grade {
            gradeNumber = Self.wholeNumber(grade)
            if gradeNumber == nil || !(1...10).contains(gradeNumber!) { problems.add("grade", grade, Message("journey.error.grade")) }
        }
        try problems.check()
        return try change(key, to: .need, action: "journey_need") { journey, today, actor, _ in
            var missing = ProblemCollector()
            if journey.kind == .dementia && decision == nil { missing.add("decision", nil, Message("journey.error.decision_required")) }
            if journey.kind == .pupil && (schoolName == nil || gradeNumber == nil) { missing.add("school", nil, Message("journey.error.school_required")) }
            try missing.check()
            journey.need = .init(date: day ?? journey.need?.date ?? today, goals: goalsText, weekdays: days!, transport: transport, decisionReference: decision,
                                 school: schoolName, grade: gradeNumber, recordedBy: actor)
        }
    }

    /// The network that carries it out: the person's placement, made by call-off, with the contact role and
    /// the first visit.
    public func network(_ key: String, placement id: Int64, date: String?, contactRole: String?, firstVisit: String?) throws -> JourneyView {
        var problems = ProblemCollector()
        let day = self.day(date, field: "date", problems: &problems)
        // The first visit may be planned ahead.
        let visit = firstVisit.flatMap { $0.trimmingWhitespace().isEmpty ? nil : problems.date("first-visit", $0) }
        let role = contactRole.map { text($0, field: "contact-role", required: false, maximum: 200, problems: &problems) }?.nilIfEmpty
        try problems.check()
        return try change(key, to: .network, action: "journey_network") { journey, today, actor, reader in
            guard let placement = try reader.placement(id), context.actor.scope.includes(placement.municipalityNumber) else {
                throw TunetError.notFound(kind: "placement", key: String(id))
            }
            guard placement.participant == journey.participant, !placement.isCancelled else {
                throw TunetError.invalid("placement", String(id), Message("journey.error.placement_other_participant", [
                    "placement": .integer(id), "participant": .text(journey.participant.text)]))
            }
            guard placement.kind == journey.kind, placement.municipalityNumber == journey.municipalityNumber else {
                throw TunetError.invalid("placement", String(id), Message("journey.error.placement_other_kind", [
                    "placement": .integer(id), "kind": journey.kind.labelValue, "municipality": .text(journey.municipalityNumber)]))
            }
            journey.network = .init(date: day ?? journey.network?.date ?? today, placementId: id, contactRole: role, firstVisit: visit, recordedBy: actor)
        }
    }

    /// A journey by its number or the participant's code (their latest journey).
    public func show(_ key: String) throws -> JourneyView {
        try view(try context.read { try Self.existing(key, in: $0, scope: context.actor.scope) })
    }

    /// Who waits where: the journeys in a step, or waiting longer than a number of days.
    public func list(step: String? = nil, waitingLongerThan: String? = nil) throws -> [JourneyView] {
        var problems = ProblemCollector()
        let wanted = step.map { JourneyStep(name: $0) } ?? nil
        if let step, wanted == nil { problems.add("step", step, Message("journey.error.step")) }
        let days = waitingLongerThan.flatMap { Self.days($0, problems: &problems) }
        try problems.check()
        return try context.read { reader in try reader.journeys(in: context.actor.scope).map { try view($0, in: reader) } }
            .filter { view in (wanted.map { view.step == $0 } ?? true) && (days.map { (view.waitingDays ?? -1) > $0 } ?? true) }
    }

    /// `30d`, `30`, `6w` or `2m` (as 30, 42 or 60 days).
    static func days(_ text: String, problems: inout ProblemCollector) -> Int? {
        let clean = text.trimmingWhitespace().lowercased()
        let unit = clean.last.map { $0.isLetter ? $0 : "d" } ?? "d"
        let digits = clean.last?.isLetter == true ? String(clean.dropLast()) : clean
        guard let count = wholeNumber(digits), count >= 0, count <= 3650, let factor = ["d": 1, "w": 7, "u": 7, "m": 30][unit] else {
            problems.add("waiting-longer-than", text, Message("journey.error.days"))
            return nil
        }
        return count * factor
    }

    /// A whole number written with ASCII digits only, at most six of them.
    static func wholeNumber(_ text: String) -> Int? {
        let clean = text.trimmingWhitespace()
        guard !clean.isEmpty, clean.count <= 6, clean.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(clean)
    }

    func view(_ journey: ParticipantJourney) throws -> JourneyView {
        try context.read { try view(journey, in: $0) }
    }

    func view(_ journey: ParticipantJourney, in reader: StoreReader) throws -> JourneyView {
        // Follow-up is the first conversation on the placement from the day the network was established.
        let firstFollowUp = try journey.network.flatMap { network in
            try reader.followUps(placement: network.placementId).first { $0.date >= network.date }?.date
        }
        let step = journey.step(firstFollowUp: firstFollowUp)
        let reached = journey.dates(firstFollowUp: firstFollowUp)
        let waiting = step == .followUp ? nil : reached[step].map { $0.days(until: context.today) }
        return JourneyView(journey: journey, step: step, reached: reached, waitingDays: waiting)
    }

    private func change(_ key: String, to step: JourneyStep, action: String,
                        _ body: (inout ParticipantJourney, LocalDate, String, StoreReader) throws -> Void) throws -> JourneyView {
        let today = context.today, actor = context.actor.name
        let journey = try context.write { tx -> ParticipantJourney in
            var journey = try Self.existing(key, in: tx, scope: context.actor.scope)
            let current = journey.step(firstFollowUp: nil)
            // Each step follows the one before; a step may be recorded again (corrected) until the next is.
            guard let needed = JourneyStep.allCases.firstIndex(of: step).map({ JourneyStep.allCases[$0 - 1] }), current >= needed,
                  current <= step else {
                throw TunetError.conflict(Message("journey.error.out_of_order", [
                    "id": .integer(journey.id), "step": .message(Message("journey.step.\(step.rawValue)")),
                    "current": .message(Message("journey.step.\(current.rawValue)"))]))
            }
            try body(&journey, today, actor, tx)
            if let wrong = journey.dayOutOfOrder {
                throw TunetError.invalid("date", wrong.date.iso, Message("journey.error.date_before", [
                    "step": .message(Message("journey.step.\(wrong.step.rawValue)")), "date": .date(wrong.date),
                    "previous": .message(Message("journey.step.\(wrong.previous.rawValue)")), "previous_date": .date(wrong.previousDate)]))
            }
            try tx.update(journey, action: action)
            return journey
        }
        return try view(journey)
    }

    static func existing(_ key: String, in reader: StoreReader, scope: MunicipalityScope) throws -> ParticipantJourney {
        let clean = key.trimmingWhitespace()
        if let id = Int64(clean), let journey = try reader.journey(id), scope.includes(journey.municipalityNumber) { return journey }
        if case .success(let code) = ParticipantCode.parse(clean),
           let journey = try reader.journeys(in: scope).last(where: { $0.participant == code }) {
            return journey
        }
        throw TunetError.notFound(kind: "journey", key: clean)
    }

    private func day(_ text: String?, field: String, problems: inout ProblemCollector) -> LocalDate? {
        guard let text, !text.trimmingWhitespace().isEmpty else { return nil }
        guard let date = problems.date(field, text) else { return nil }
        if date > context.today { problems.add(field, text, Message("journey.error.future")); return nil }
        return date
    }

    private func text(_ value: String, field: String, required: Bool, maximum: Int, problems: inout ProblemCollector) -> String {
        let clean = value.trimmingWhitespace()
        if required && clean.isEmpty { problems.add(field, nil, Message("journey.error.required")) }
        if let reason = FreeText.check(clean, maximumLength: maximum) { problems.add(field, nil, reason.message) }
        return clean
    }
}
