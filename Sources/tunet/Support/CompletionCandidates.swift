import ArgumentParser
import Foundation
import TunetApp

/// Completions read from the database a command line names (`--database`, else TUNET_DATABASE, else
/// ./tunet.sqlite), when it is a file that exists: a Tab never creates a database, never waits for a
/// server, and says nothing when it cannot read (the shell then offers nothing).
enum CompletionCandidates {
    static func organisationNumbers(_ words: [String]) -> [String] {
        read(words) { try CompletionDesk($0).organisationNumbers() }
    }

    static func agreementReferences(_ words: [String]) -> [String] {
        read(words) { try CompletionDesk($0).agreementReferences() }
    }

    static func read(_ words: [String], _ list: (TunetContext) throws -> [String]) -> [String] {
        let databaseOption = words.firstIndex(of: "--database").flatMap { words.indices.contains($0 + 1) ? words[$0 + 1] : nil }
            ?? words.first { $0.hasPrefix("--database=") }.map { String($0.dropFirst("--database=".count)) }
        guard let configuration = try? TunetConfiguration(databaseOption: databaseOption, actorOption: nil),
              !configuration.databasePath.hasPrefix("postgres"),
              FileManager.default.fileExists(atPath: configuration.databasePath),
              let context = try? configuration.context(mustExist: true) else { return [] }
        return (try? list(context)) ?? []
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
