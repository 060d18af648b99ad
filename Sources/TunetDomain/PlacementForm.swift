/// A placement request as typed: raw text, checked here with every problem reported at once.
public struct PlacementForm: Sendable {
    public var participant: String?
    public var kind = ""
    public var municipality = ""
    public var weekdays = ""
    public var start = ""
    public var end = ""
    public var priceLine: String?
    public var provider: String?
    public var criteriaInputs: String?
    public var miniCompetitionResult: String?
    public var school: String?
    public var grade: String?
    public var contactTeacherRole: String?
    public var learningGoals: String?
    public var decisionReference: String?
    public var transport = false
    public var relativeRole: String?
    public var overrideCeilingReason: String?

    public init() {}

    public func request() throws(TunetError) -> PlacementRequest {
        var problems = ProblemCollector()
        var code: ParticipantCode?
        if let participant, !participant.trimmingWhitespace().isEmpty {
            code = problems.take("participant", participant, ParticipantCode.parse(participant))
        }
        let parsedKind = PlacementKind(name: kind)
        if parsedKind == nil { problems.add("kind", kind, Message("rules.placement.kind_unknown", ["text": .text(kind)])) }
        let parsedMunicipality = problems.take("municipality", municipality, Municipality.parse(municipality))
        let parsedWeekdays = problems.take("weekdays", weekdays, WeekdaySet.parse(weekdays))
        var startDate: LocalDate?, endDate: LocalDate?
        startDate = problems.date("start", start)
        endDate = problems.date("end", end)
        if let startDate, let endDate, endDate < startDate {
            problems.add("end", endDate.iso, Message("rules.placement.ends_before_start", ["end": .date(endDate), "start": .date(startDate)]))
        }
        let line = priceLine?.trimmingWhitespace().nilIfEmpty ?? "full_day"
        if let reason = PriceVersion.checkLineCode(line) { problems.add("price-line", line, reason.message) }
        var providerNumber: OrganisationNumber?
        if let provider, !provider.trimmingWhitespace().isEmpty {
            providerNumber = problems.take("provider", provider, OrganisationNumber.parse(provider))
        }
        func text(_ field: String, _ value: String?, limit: Int = 500) -> String? {
            guard let value = value?.trimmingWhitespace().nilIfEmpty else { return nil }
            if let reason = FreeText.check(value, maximumLength: limit) { problems.add(field, value, reason.message) }
            return value
        }
        var pupil: PupilDetails?
        var dementia: DementiaDetails?
        switch parsedKind {
        case .pupil:
            let school = text("school", school, limit: 200)
            if school == nil { problems.add("school", nil, Message("rules.placement.school_required")) }
            let gradeNumber = grade.flatMap { Int(digitsOnly: $0.trimmingWhitespace()) }
            if gradeNumber == nil || !(1...10).contains(gradeNumber!) {
                problems.add("grade", grade, Message("rules.placement.grade_required"))
            }
            if decisionReference != nil || transport || relativeRole != nil {
                problems.add("kind", kind, Message("rules.placement.dementia_options", fields: ["decision", "transport", "relative_role"]))
            }
            if let school, let gradeNumber {
                pupil = PupilDetails(school: school, grade: gradeNumber, contactTeacherRole: text("contact-teacher-role", contactTeacherRole, limit: 100),
                                     learningGoals: text("learning-goals", learningGoals, limit: 2000))
            }
        case .dementia:
            let decision = text("decision", decisionReference, limit: 60)
            if decision == nil { problems.add("decision", nil, Message("rules.placement.decision_required")) }
            if school != nil || grade != nil || contactTeacherRole != nil || learningGoals != nil {
                problems.add("kind", kind, Message("rules.placement.pupil_options", fields: ["school", "grade", "contact_teacher_role", "learning_goals"]))
            }
            if let decision {
                dementia = DementiaDetails(decisionReference: decision, transport: transport, relativeRole: text("relative-role", relativeRole, limit: 100))
            }
        case nil:
            break
        }
        let override = overrideCeilingReason.map { $0.trimmingWhitespace() }
        if let override, override.isEmpty {
            problems.add("reason", nil, Message("rules.placement.override_needs_reason", fields: ["override_ceiling", "reason"]))
        }
        try problems.check()
        guard let parsedKind, let parsedMunicipality, let parsedWeekdays, let startDate, let endDate else {
            throw .internalFault("an accepted placement field has no value")
        }
        return PlacementRequest(
            participant: code, kind: parsedKind, municipalityNumber: parsedMunicipality.number, weekdays: parsedWeekdays,
            start: startDate, end: endDate, priceLine: line, provider: providerNumber,
            criteriaInputs: text("criteria-inputs", criteriaInputs, limit: 1000),
            miniCompetitionResult: text("mini-competition-result", miniCompetitionResult, limit: 1000),
            pupil: pupil, dementia: dementia, overrideCeilingReason: override)
    }
}

public struct PlacementRequest: Sendable {
    public var participant: ParticipantCode?
    public var kind: PlacementKind
    public var municipalityNumber: String
    public var weekdays: WeekdaySet
    public var start: LocalDate
    public var end: LocalDate
    public var priceLine: String
    public var provider: OrganisationNumber?
    public var criteriaInputs: String?
    public var miniCompetitionResult: String?
    public var pupil: PupilDetails?
    public var dementia: DementiaDetails?
    public var overrideCeilingReason: String?

    public init(participant: ParticipantCode?, kind: PlacementKind, municipalityNumber: String, weekdays: WeekdaySet,
                start: LocalDate, end: LocalDate, priceLine: String, provider: OrganisationNumber?, criteriaInputs: String? = nil,
                miniCompetitionResult: String? = nil, pupil: PupilDetails?, dementia: DementiaDetails?, overrideCeilingReason: String?) {
        self.participant = participant
        self.kind = kind
        self.municipalityNumber = municipalityNumber
        self.weekdays = weekdays
        self.start = start
        self.end = end
        self.priceLine = priceLine
        self.provider = provider
        self.criteriaInputs = criteriaInputs
        self.miniCompetitionResult = miniCompetitionResult
        self.pupil = pupil
        self.dementia = dementia
        self.overrideCeilingReason = overrideCeilingReason
    }
}
