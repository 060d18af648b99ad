/// What Tunet counts as personal data and how it lets go of it. A participant is a pseudonymous code;
/// the personal data around it is a name (in its own table), the free text of follow-up conversations,
/// a pupil's learning goals and contact teacher's role, and a dementia placement's decision reference
/// and relative's role. Erasure removes all of that, in the records and in earlier audit snapshots,
/// and keeps the code with its attendance and money for the accounts. Retention erases every
/// participant all of whose placements ended longer ago than a chosen age.
public enum PersonalDataPolicy {
    /// What an erased text reads afterwards.
    public static let erased = "[erased]"

    /// The fields of a placement or follow-up, as their documents and audit snapshots name them, that hold
    /// personal free text.
    public static let freeTextFields: Set<String> = ["learning_goals", "contact_teacher_role", "decision_reference", "relative_role", "wishes_and_needs",
                                                     "cancelled_reason", "ceiling_override_reason"]

    /// The fields of a task linked to a participant's placement, as its document and audit snapshots
    /// name them, that a person may have typed: its title and the comments in its history. A sentence
    /// Tunet wrote (a message, not a string) names no one and stays.
    public static let taskTextFields: Set<String> = ["title", "text"]

    /// The task with what a person typed in it erased: a task about a participant's placement may name them.
    public static func erasingTypedText(of task: WorkTask) -> WorkTask {
        var task = task
        if task.title.typed != nil { task.title = .typed(erased) }
        task.history = task.history.map { event in
            var event = event
            if event.text?.typed != nil { event.text = .typed(erased) }
            return event
        }
        return task
    }

    /// The fields of a journey, as its document and audit snapshots name them, that hold personal free text.
    public static let journeyTextFields: Set<String> = ["referred_by", "roles", "wishes", "goals", "decision_reference", "contact_role", "school"]

    /// The journey with its personal free text erased: who referred, who took part in the conversation
    /// (a role may carry a name), the wishes, the goals, the decision's reference, the school and the
    /// contact's role.
    public static func erasingFreeText(of journey: ParticipantJourney) -> ParticipantJourney {
        var journey = journey
        journey.referral.referredBy = erased
        if var conversation = journey.conversation {
            conversation.wishes = erased
            conversation.roles = conversation.roles.map { _ in erased }
            journey.conversation = conversation
        }
        if var need = journey.need {
            need.goals = erased
            need.decisionReference = need.decisionReference.map { _ in erased }
            need.school = need.school.map { _ in erased }
            journey.need = need
        }
        if var network = journey.network {
            network.contactRole = network.contactRole.map { _ in erased }
            journey.network = network
        }
        return journey
    }

    /// The placement with its personal free text erased; an empty field stays empty.
    public static func erasingFreeText(of placement: Placement) -> Placement {
        var placement = placement
        if var pupil = placement.pupil {
            pupil.learningGoals = pupil.learningGoals.map { _ in erased }
            pupil.contactTeacherRole = pupil.contactTeacherRole.map { _ in erased }
            placement.pupil = pupil
        }
        if var dementia = placement.dementia {
            dementia.decisionReference = erased
            dementia.relativeRole = dementia.relativeRole.map { _ in erased }
            placement.dementia = dementia
        }
        if placement.cancelledReason?.typed != nil { placement.cancelledReason = .typed(erased) }
        placement.ceilingOverrideReason = placement.ceilingOverrideReason.map { _ in erased }
        return placement
    }
}

/// How long personal data is kept after a participant's last placement ended: years or months, written
/// `5y` or `18m`.
public struct RetentionAge: Hashable, Sendable {
    public enum Unit: Sendable { case years, months }
    public let amount: Int
    public let unit: Unit

    public init(amount: Int, unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    public static func parse(_ text: String) -> Result<RetentionAge, FieldReason> {
        let trimmed = text.trimmingWhitespace().lowercased()
        guard let last = trimmed.last, "ym".contains(last), let amount = Int(trimmed.dropLast()), amount > 0 else {
            return .failure(FieldReason(Message("privacy.error.age")))
        }
        let unit: Unit = last == "y" ? .years : .months
        guard amount <= (unit == .years ? largestYears : largestYears * 12) else {
            return .failure(FieldReason("privacy.error.age_too_large", ["years": .integer(Int64(largestYears))]))
        }
        return .success(RetentionAge(amount: amount, unit: unit))
    }

    /// No record is kept longer than a century: an age beyond it would reach before any calendar day Tunet holds.
    public static let largestYears = 100

    /// The day before which a participant's last placement must have ended to be past retention on `today`.
    public func cutoff(on today: LocalDate) -> LocalDate {
        switch unit {
        case .years: today.adding(years: -amount)
        case .months: today.adding(months: -amount)
        }
    }
}

/// One kind of personal data held, how much of it and how old.
public struct PersonalDataCategory: Sendable, Encodable {
    /// The kind of personal data; `--json` writes it as it always has ("participant codes").
    public enum Kind: String, Sendable, Encodable, CaseIterable {
        case participantCodes = "participant codes"
        case participantNames = "participant names"
        case followUpTexts = "follow-up texts"
        case pupilLearningGoals = "pupil learning goals"
        case dementiaDecisionReferences = "dementia decision references"
        case journeyTexts = "journey texts"

        /// What a person reads: "deltakerkoder" in bokmål.
        public var label: Message {
            switch self {
            case .participantCodes: Message("files.privacy.participant_codes")
            case .participantNames: Message("files.privacy.participant_names")
            case .followUpTexts: Message("files.privacy.follow_up_texts")
            case .pupilLearningGoals: Message("files.privacy.pupil_learning_goals")
            case .dementiaDecisionReferences: Message("files.privacy.dementia_decision_references")
            case .journeyTexts: Message("files.privacy.journey_texts")
            }
        }
    }

    public let category: Kind
    public let count: Int
    /// When the oldest and newest of them were recorded (dates), when known.
    public let oldest: String?
    public let newest: String?

    public init(category: Kind, count: Int, oldest: String?, newest: String?) {
        self.category = category
        self.count = count
        self.oldest = oldest
        self.newest = newest
    }
}

/// What erasing one participant removed.
public struct ErasureResult: Sendable, Encodable {
    public let participant: String
    public let placements: Int
    public let namesErased: Int
    public let followUpsErased: Int
    public let auditSnapshotsScrubbed: Int
    /// Tasks linked to the participant's placements whose typed title or comments were erased.
    public let tasksErased: Int
    /// Journeys (referral to follow-up) whose free text was erased.
    public var journeysErased: Int = 0
    /// Whether the store's files hold nothing of the erased text any more (for SQLite: the file rebuilt
    /// and its write-ahead log emptied); false while another process held a read open, until its next tidy.
    public var filesCleared: Bool

    public init(participant: String, placements: Int, namesErased: Int, followUpsErased: Int, auditSnapshotsScrubbed: Int,
                tasksErased: Int = 0, filesCleared: Bool = false) {
        self.participant = participant
        self.placements = placements
        self.namesErased = namesErased
        self.followUpsErased = followUpsErased
        self.auditSnapshotsScrubbed = auditSnapshotsScrubbed
        self.tasksErased = tasksErased
        self.filesCleared = filesCleared
    }

    enum CodingKeys: String, CodingKey {
        case participant, placements
        case namesErased = "names_erased"
        case followUpsErased = "follow_ups_erased"
        case auditSnapshotsScrubbed = "audit_snapshots_scrubbed"
        case tasksErased = "tasks_erased"
        case journeysErased = "journeys_erased"
        case filesCleared = "files_cleared"
    }
}
