import ArgumentParser
import TunetApp

/// Completions read from the database the command line being completed names (`--database`, else
/// TUNET_DATABASE, else ./tunet.sqlite): the shell's words, not yet a parsed command, so the option is found
/// among them. Says nothing when it cannot read (the shell then offers nothing); `CompletionDesk` reads only.
enum CompletionCandidates {
    static func organisationNumbers(_ words: [String]) -> [String] {
        desk(words)?.organisationNumbers() ?? []
    }

    static func agreementReferences(_ words: [String]) -> [String] {
        desk(words)?.agreementReferences() ?? []
    }

    static func desk(_ words: [String]) -> CompletionDesk? {
        let databaseOption = words.firstIndex(of: "--database").flatMap { words.indices.contains($0 + 1) ? words[$0 + 1] : nil }
            ?? words.first { $0.hasPrefix("--database=") }.map { String($0.dropFirst("--database=".count)) }
        return (try? TunetConfiguration(databaseOption: databaseOption, actorOption: nil)).map(CompletionDesk.init)
    }
}

extension CompletionKind {
    /// The farms' organisation numbers in the database.
    static var organisationNumbers: CompletionKind {
        .custom { words, _, prefix in CompletionCandidates.organisationNumbers(words).filter { $0.hasPrefix(prefix) } }
    }

    /// The framework agreements' references in the database.
    static var agreementReferences: CompletionKind {
        .custom { words, _, prefix in CompletionCandidates.agreementReferences(words).filter { $0.hasPrefix(prefix) } }
    }

    /// The report catalogue's names.
    static var reportNames: CompletionKind { .list(CompletionDesk.reportNames()) }
}
