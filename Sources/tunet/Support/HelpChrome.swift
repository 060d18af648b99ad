import ArgumentParser
import TunetDomain
import TunetText

/// The words ArgumentParser writes around the help it is given (headings, `(default: …)`, the help and
/// version options), which it has in English only: rewritten from the catalogue, so that a page of help
/// reads in one language. Help, the version and completion scripts are the requests that end in success.
enum HelpChrome {
    /// Whether `error` is a request for help text (not the version, a completion script or the JSON dump).
    static func isHelpRequest(_ error: Error, arguments: [String]) -> Bool {
        // A shell asking for completions (`tunet ---completion … -- tunet help …`) gets its candidates as they are.
        guard Tunet.exitCode(for: error) == .success, arguments.first != "---completion" else { return false }
        let asked = arguments.contains { ["-h", "--help", "help", "-help"].contains($0) }
        return asked && !arguments.contains("--experimental-dump-help") && !arguments.contains { $0.hasPrefix("--generate-completion-script") }
    }

    static func translated(_ help: String, _ texts: Texts = Console.texts) -> String {
        let headings: [(String, String)] = [
            ("OVERVIEW: ", "help.chrome.overview"), ("USAGE: ", "help.chrome.usage"), ("ARGUMENTS:", "help.chrome.arguments"),
            ("OPTIONS:", "help.chrome.options"), ("SUBCOMMANDS:", "help.chrome.subcommands"),
        ]
        var lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in lines.indices {
            for (english, key) in headings where lines[index].hasPrefix(english) {
                lines[index] = texts(key) + lines[index].dropFirst(english.count)
            }
        }
        var text = lines.joined(separator: "\n")
        // ArgumentParser wraps before this runs: a value may stand on the next line (`(default:\n    30)`).
        let phrases: [(Regex<(Substring, Substring)>, String)] = [
            (/\(default:\s+([^)]*)\)/, "help.chrome.default"),
            (/\(values:\s+([^)]*)\)/, "help.chrome.values"),
            (/See '([^']*) <subcommand>' for detailed help\./, "help.chrome.see_subcommand"),
        ]
        for (pattern, key) in phrases {
            text.replace(pattern) { match in texts(key, ["value": .text(String(match.1))]) }
        }
        text.replace("Show help information.", with: texts("help.chrome.help"))
        text.replace("Show the version.", with: texts("help.chrome.version"))
        // A default subcommand's mark, its column kept: the description after it stays where the others are.
        let defaultWord = texts("help.chrome.default_subcommand")
        text.replace(/\(default\)( +)/) { match in
            "(\(defaultWord))" + String(repeating: " ", count: max(1, match.1.count - (defaultWord.count - "default".count)))
        }
        text.replace("<subcommand>", with: "<\(texts("help.chrome.subcommand_value"))>")
        text.replace("<options>", with: "<\(texts("help.chrome.options_value"))>")
        return text
    }
}
