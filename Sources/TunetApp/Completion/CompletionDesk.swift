import TunetDomain
import TunetStorage

/// What a shell may offer when a person presses Tab: the words a command takes that live in the database.
/// Reads only, and only lists that are cheap to read (no consumption, no forecast).
public struct CompletionDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// The farms' organisation numbers, in number order.
    public func organisationNumbers() throws -> [String] {
        try context.read { reader in try reader.providers(in: context.actor.scope).map(\.organisationNumber.digits).sorted() }
    }

    /// The framework agreements' references, in reference order.
    public func agreementReferences() throws -> [String] {
        try context.read { reader in try reader.agreements(in: context.actor.scope).map(\.reference).sorted() }
    }

    /// The report catalogue's names, and the commands `tunet export` takes beside them.
    public static func reportNames() -> [String] {
        ((try? ReportCatalogue.load().reports.map(\.name)) ?? []) + ["list", "ocds"]
    }
}
