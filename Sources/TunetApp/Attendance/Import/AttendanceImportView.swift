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

    /// What came of the file, one code per outcome, the same from the command line and the service:
    /// `imported`, `unchanged` (the same file again: nothing was read or stored), or `checked` (a dry run).
    public var outcome: String {
        if identicalTo != nil { return "unchanged" }
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
    }
}

/// What an import did, in sentences for a person: the CLI prints them, the upload page shows them.
public enum AttendanceImportSentences {
    public static func lines(_ report: AttendanceImportView) -> [Message] {
        if let earlier = report.identicalTo {
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
