import TunetDomain

public struct AttendanceImportView: Sendable, Encodable {
    public let file: String
    /// The submitting farm; nil when the rows name several farms.
    public let provider: OrganisationNumber?
    /// Every farm whose rows the file holds, each stored as that farm's submission.
    public let providers: [OrganisationNumber]
    public let contentHash: String
    public let months: [String]
    public let rows: Int
    public let new: Int
    public let changed: Int
    public let unchanged: Int
    /// Rows without a status and with nothing else filled in (days not reported, left missing); nil for
    /// a file already imported, which is not read again.
    public let rowsLeftEmpty: Int?
    /// True when the same file was already imported: nothing was changed.
    public let identicalTo: Int64?
    public let submission: Int64?
    public let submissions: [Int64]
    public let dryRun: Bool
    /// For a file imported before that later submissions changed since: how many of its days the stored
    /// values now differ in; nil otherwise.
    public let differingDays: Int?
    /// Those later submissions.
    public let supersededBy: [Int64]

    public init(file: String, provider: OrganisationNumber?, providers: [OrganisationNumber], contentHash: String, months: [String],
                rows: Int, new: Int, changed: Int, unchanged: Int, rowsLeftEmpty: Int?, identicalTo: Int64?, submission: Int64?,
                submissions: [Int64], dryRun: Bool, differingDays: Int? = nil, supersededBy: [Int64] = []) {
        self.file = file
        self.provider = provider
        self.providers = providers
        self.contentHash = contentHash
        self.months = months
        self.rows = rows
        self.new = new
        self.changed = changed
        self.unchanged = unchanged
        self.rowsLeftEmpty = rowsLeftEmpty
        self.identicalTo = identicalTo
        self.submission = submission
        self.submissions = submissions
        self.dryRun = dryRun
        self.differingDays = differingDays
        self.supersededBy = supersededBy
    }

    /// What came of the file, one code per outcome, the same from the command line and the service:
    /// `imported`, `unchanged` (the same file again, and what is stored still says what it says: nothing
    /// was read or stored), `superseded` (the same file again, but later submissions changed some of its
    /// days: nothing was stored; import it `again` to apply it), or `checked` (a dry run).
    public var outcome: String {
        if identicalTo != nil { return differingDays == nil ? "unchanged" : "superseded" }
        return dryRun ? "checked" : "imported"
    }

    enum CodingKeys: String, CodingKey {
        case file, months, rows, new, changed, unchanged, submission, submissions
        case outcome = "status"
        case provider = "provider_organisation_number"
        case providers = "provider_organisation_numbers"
        case contentHash = "content_hash"
        case identicalTo = "identical_to_submission"
        case dryRun = "dry_run"
        case rowsLeftEmpty = "rows_left_empty"
        case differingDays = "differing_days"
        case supersededBy = "superseded_by"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(file, forKey: .file)
        try container.encode(provider, forKey: .provider)
        try container.encode(providers, forKey: .providers)
        try container.encode(contentHash, forKey: .contentHash)
        try container.encode(months, forKey: .months)
        try container.encode(rows, forKey: .rows)
        try container.encode(new, forKey: .new)
        try container.encode(changed, forKey: .changed)
        try container.encode(unchanged, forKey: .unchanged)
        try container.encode(rowsLeftEmpty, forKey: .rowsLeftEmpty)
        try container.encode(identicalTo, forKey: .identicalTo)
        try container.encode(submission, forKey: .submission)
        try container.encode(submissions, forKey: .submissions)
        try container.encode(dryRun, forKey: .dryRun)
        try container.encode(differingDays, forKey: .differingDays)
        try container.encode(supersededBy, forKey: .supersededBy)
    }
}

/// What an import did, in sentences for a person: the CLI prints them, the month page's result shows them.
public enum AttendanceImportSentences {
    public static func lines(_ report: AttendanceImportView) -> [Message] {
        if let earlier = report.identicalTo {
            if let differing = report.differingDays {
                return [Message("attendance.import.superseded", [
                    "file": .text(report.file), "submission": .text(String(earlier)), "days": .integer(differing),
                    "later": .list(report.supersededBy.map { .text(String($0)) }),
                ])]
            }
            return [Message("attendance.import.identical", ["file": .text(report.file), "submission": .text(String(earlier))])]
        }
        let farm: MessageValue = report.provider.map { .text($0.digits) }
            ?? .message(Message("attendance.import.farms", ["farms": .integer(report.providers.count)]))
        let counts: [String: MessageValue] = [
            "rows": .integer(report.rows), "file": .text(report.file), "farm": farm, "months": .list(report.months.map(YearMonth.name)),
            "new": .integer(report.new), "changed": .integer(report.changed), "unchanged": .integer(report.unchanged),
        ]
        var lines = [report.dryRun ? Message("attendance.import.dry", counts) : Message("attendance.import.done", counts)]
        if let empty = report.rowsLeftEmpty, empty > 0 { lines.append(Message("attendance.import.left_empty", ["rows": .integer(empty)])) }
        if report.dryRun { lines.append(Message("attendance.import.dry_run")) }
        return lines
    }
}
