/// A reported day as stored: the farm's entry, the amounts it was priced at when it came in, and the
/// submission that brought it.
public struct StoredAttendance: Hashable, Sendable, Codable {
    public var entry: AttendanceEntry
    public var dayPrice: Money
    public var transport: Money
    public var plannedCost: Money
    public var submissionId: Int64

    public init(entry: AttendanceEntry, dayPrice: Money, transport: Money, plannedCost: Money, submissionId: Int64) {
        self.entry = entry
        self.dayPrice = dayPrice
        self.transport = transport
        self.plannedCost = plannedCost
        self.submissionId = submissionId
    }

    public var billed: Money { dayPrice + transport }
}

extension [StoredAttendance] {
    /// Whether each day comes after the one before it, by placement and then date. Compares the keys
    /// where they lie: taking each pair of days whole copied two days per step.
    public var isInDayOrder: Bool {
        indices.dropFirst().allSatisfy { index in
            (self[index - 1].entry.placementId, self[index - 1].entry.date) < (self[index].entry.placementId, self[index].entry.date)
        }
    }

    /// The days in placement and date order: these days themselves when they are in that order already.
    public func inDayOrder() -> [StoredAttendance] {
        isInDayOrder ? self : sorted { ($0.entry.placementId, $0.entry.date) < ($1.entry.placementId, $1.entry.date) }
    }
}

/// One attendance file a farm sent in, as stored: who, when, which months, and what it changed.
public struct AttendanceSubmission: Hashable, Sendable, Codable {
    /// The entity of a submission's audit events.
    public static let auditEntity = "attendance_submission"

    public var id: Int64
    public var receivedAt: String
    public var actor: String
    public var provider: OrganisationNumber
    public var fileName: String
    public var contentHash: String
    public var months: [String]
    public var rows: Int
    public var newRows: Int
    public var changedRows: Int
    public var unchangedRows: Int
    /// The farm's earlier submission of this same file, when it was imported again on purpose (`--again`).
    public var appliedAgainOf: Int64?

    public init(id: Int64, receivedAt: String, actor: String, provider: OrganisationNumber, fileName: String, contentHash: String,
                months: [String], rows: Int, newRows: Int, changedRows: Int, unchangedRows: Int, appliedAgainOf: Int64? = nil) {
        self.id = id
        self.receivedAt = receivedAt
        self.actor = actor
        self.provider = provider
        self.fileName = fileName
        self.contentHash = contentHash
        self.months = months
        self.rows = rows
        self.newRows = newRows
        self.changedRows = changedRows
        self.unchangedRows = unchangedRows
        self.appliedAgainOf = appliedAgainOf
    }

    enum CodingKeys: String, CodingKey {
        case id, actor, months, rows
        case receivedAt = "received_at"
        case provider = "provider_organisation_number"
        case fileName = "file_name"
        case contentHash = "content_hash"
        case newRows = "new_rows"
        case changedRows = "changed_rows"
        case unchangedRows = "unchanged_rows"
        case appliedAgainOf = "applied_again_of"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(receivedAt, forKey: .receivedAt)
        try c.encode(actor, forKey: .actor)
        try c.encode(provider, forKey: .provider)
        try c.encode(fileName, forKey: .fileName)
        try c.encode(contentHash, forKey: .contentHash)
        try c.encode(months, forKey: .months)
        try c.encode(rows, forKey: .rows)
        try c.encode(newRows, forKey: .newRows)
        try c.encode(changedRows, forKey: .changedRows)
        try c.encode(unchangedRows, forKey: .unchangedRows)
        // Only a file applied again says so: every other submission's record stays as it was.
        try c.encodeIfPresent(appliedAgainOf, forKey: .appliedAgainOf)
    }
}
