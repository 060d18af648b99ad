import Foundation
import ArgumentParser
import TunetDomain
import TunetText

/// A command line that could not be read (an unknown option, a missing value, a word that is not a
/// number), told in the reader's language with the usage of the command it was meant for.
///
/// ArgumentParser writes these sentences in English only and keeps their kinds to itself, so each of
/// the sentences it writes is read back into a message of the catalogue; one it may add in a later
/// version is shown as it wrote it rather than lost.
enum ParseErrorOutput {
    /// Whether ArgumentParser has a sentence for `error`; help, the version and a bare exit code have none.
    static func applies(to error: Error) -> Bool {
        Tunet.exitCode(for: error) != .success && !Tunet.message(for: error).isEmpty
    }

    static func write(_ error: Error) {
        let texts = Console.texts
        let full = Tunet.fullMessage(for: error, columns: 10_000)
        let english = Tunet.message(for: error)
        Console.error(texts("cli.error", ["message": message(for: english).map(MessageValue.message) ?? .text(english)]))
        let lines = full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if texts.language == .en, let help = lines.first(where: { $0.hasPrefix("Help:") }) { Console.error(help) }
        if let usage = lines.first(where: { $0.hasPrefix("Usage: ") }) {
            Console.error(texts("command.usage", ["usage": .text(String(usage.dropFirst("Usage: ".count)))]))
        }
        if let see = lines.first(where: { $0.contains(" --help' for more information.") }),
           let command = see.firstMatch(of: /See '(.+) --help'/)?.1 {
            Console.error(texts("command.see_help", ["command": .text(String(command))]))
        }
    }

    /// The message for one of ArgumentParser's sentences; nil for one it does not know.
    static func message(for english: String) -> Message? {
        if let match = english.wholeMatch(of: /Unknown option '(.+)'\. Did you mean '(.+)'\?/) {
            return Message("cli.parse.unknown_option_suggestion", ["option": .text(String(match.1)), "suggestion": .text(String(match.2))])
        }
        if let match = english.wholeMatch(of: /Unknown option '(.+)'/) {
            return Message("cli.parse.unknown_option", ["option": .text(String(match.1))])
        }
        if let match = english.wholeMatch(of: /Missing value for '(.+)'/) {
            return Message("cli.parse.missing_value", ["option": .text(String(match.1))])
        }
        if let match = english.wholeMatch(of: /The option '(.+)' does not take any value, but '(.*)' was specified\./) {
            return Message("cli.parse.value_not_taken", ["option": .text(String(match.1)), "value": .text(String(match.2))])
        }
        if let match = english.wholeMatch(of: /Unexpected argument '(.*)'/) {
            return Message("cli.parse.unexpected_argument", ["argument": .text(String(match.1))])
        }
        if let match = english.wholeMatch(of: /(\d+) unexpected arguments: '(.*)'/) {
            let arguments = String(match.2).components(separatedBy: "', '").map(MessageValue.text)
            return Message("cli.parse.unexpected_arguments", ["arguments": .list(arguments)])
        }
        if let match = english.wholeMatch(of: /Missing expected argument '(.+)'/) {
            return Message("cli.parse.missing_argument", ["argument": .text(String(match.1))])
        }
        if let match = english.wholeMatch(of: /The value '(.*)' is invalid for '(.+)'\. Please provide one of (.+)\./.dotMatchesNewlines())
            ?? english.wholeMatch(of: /The value '(.*)' is invalid for '(.+)'\. Please provide one of the following:\n(.+)/.dotMatchesNewlines()) {
            // ArgumentParser lists an enumeration's values quoted ('bash', 'zsh' or 'fish'), or from six on as lines (  - bash).
            let listed = String(match.3)
            let choices = listed.contains("'") ? listed.matches(of: /'([^']*)'/).map { String($0.1) }
                : listed.split(separator: "\n").map { String($0.trimmingPrefix(/\s*-\s*/)) }
            return Message("cli.parse.invalid_value_choices", ["value": .text(String(match.1)), "option": .text(String(match.2)),
                                                                "choices": .list(choices.map(MessageValue.text))])
        }
        if let match = english.wholeMatch(of: /The value '(.*)' is invalid for '(.+)'/) {
            return Message("cli.parse.invalid_value", ["value": .text(String(match.1)), "option": .text(String(match.2))])
        }
        return nil
    }
}
