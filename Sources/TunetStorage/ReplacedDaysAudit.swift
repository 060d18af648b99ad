import Foundation

/// The audit snapshot of the days a submission replaced, made outside the writer (`Store.auditSnapshot`)
/// and handed to `storeSubmission`: its JSON, and the form the store keeps it in when that is another
/// (a SQLite file keeps a large snapshot deflated), so that the single writer only stores it.
public struct ReplacedDaysAudit: Sendable {
    public let json: String
    /// Opaque to all but the store that made it.
    public let kept: Data?

    public init(json: String, kept: Data? = nil) {
        self.json = json
        self.kept = kept
    }
}
