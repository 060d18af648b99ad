public struct PersonalDataCategory: Sendable, Encodable {
    /// The kind of personal data; `--json` writes it as it always has ("participant codes").
    public enum Kind: String, Sendable, Encodable, CaseIterable {
        case participantCodes = "participant codes"
        case participantNames = "participant names"
        case followUpTexts = "follow-up texts"
        case pupilLearningGoals = "pupil learning goals"
        case dementiaDecisionReferences = "dementia decision references"

        /// What a person reads: "deltakerkoder" in bokmål.
        public var label: Message {
            switch self {
            case .participantCodes: Message("files.privacy.participant_codes")
            case .participantNames: Message("files.privacy.participant_names")
            case .followUpTexts: Message("files.privacy.follow_up_texts")
            case .pupilLearningGoals: Message("files.privacy.pupil_learning_goals")
            case .dementiaDecisionReferences: Message("files.privacy.dementia_decision_references")
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

public struct ErasureResult: Sendable, Encodable {
    public let participant: String
    public let placements: Int
    public let namesErased: Int
    public let followUpsErased: Int
    public let auditSnapshotsScrubbed: Int

    public init(participant: String, placements: Int, namesErased: Int, followUpsErased: Int, auditSnapshotsScrubbed: Int) {
        self.participant = participant
        self.placements = placements
        self.namesErased = namesErased
        self.followUpsErased = followUpsErased
        self.auditSnapshotsScrubbed = auditSnapshotsScrubbed
    }

    enum CodingKeys: String, CodingKey {
        case participant, placements
        case namesErased = "names_erased"
        case followUpsErased = "follow_ups_erased"
        case auditSnapshotsScrubbed = "audit_snapshots_scrubbed"
    }
}
