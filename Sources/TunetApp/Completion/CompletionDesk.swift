import TunetDomain

/// What a shell may offer when a person presses Tab: the words a command takes that live in the database
/// (`TunetConfiguration.completionWords`: a SQLite file read read-only, never a server), and the report names.
public struct CompletionDesk: Sendable {
    let configuration: TunetConfiguration

    public init(_ configuration: TunetConfiguration) { self.configuration = configuration }

    /// The farms' organisation numbers, in number order.
    public func organisationNumbers() -> [String] { configuration.completionWords(.organisationNumbers) }

    /// The framework agreements' references, in reference order.
    public func agreementReferences() -> [String] { configuration.completionWords(.agreementReferences) }

    /// The report catalogue's names, and the commands `tunet export` takes beside them.
    public static func reportNames() -> [String] {
        ((try? ReportCatalogue.load().reports.map(\.name)) ?? []) + ["list", "ocds"]
    }
}

/// The lists a Tab may complete from the database.
public enum CompletionList: Sendable {
    case organisationNumbers, agreementReferences
}
