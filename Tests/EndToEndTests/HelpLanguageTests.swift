import Foundation
import Testing

/// `--help` in bokmål by default and in English on request, every word of it from the text catalogue:
/// the tree ArgumentParser describes (`--experimental-dump-help`, which the manual is made from) is read
/// in both languages and compared, command by command and option by option.
@Suite("Help in bokmål, and in English on request")
struct HelpLanguageTests {
    /// One command's help: its path, its texts and its options' texts by option name.
    struct CommandHelp {
        let path: String
        let abstract: String
        let discussion: String
        let options: [String: String]
    }

    static func commands(language: String) throws -> [String: CommandHelp] {
        let result = try TunetProcess().run(["--experimental-dump-help"], environment: ["TUNET_LANG": language])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require((try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["command"] as? [String: Any])
        var found: [String: CommandHelp] = [:]
        func walk(_ command: [String: Any], path: [String]) {
            let path = path + [command["commandName"] as? String ?? "?"]
            var options: [String: String] = [:]
            for (position, argument) in (command["arguments"] as? [[String: Any]] ?? []).enumerated() where argument["shouldDisplay"] as? Bool ?? true {
                let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                // ArgumentParser's own --help and --version are written in its words, and rewritten in ours by HelpChrome.
                if names.contains("help") || names.contains("version") { continue }
                // A positional argument's value name is itself translated (`<fil>`, `<path>`): it is known by its place.
                let name = names.max { $0.count < $1.count } ?? "argument \(position + 1)"
                options[name] = argument["abstract"] as? String ?? ""
            }
            found[path.joined(separator: " ")] = CommandHelp(path: path.joined(separator: " "), abstract: command["abstract"] as? String ?? "",
                                                             discussion: command["discussion"] as? String ?? "", options: options)
            for child in command["subcommands"] as? [[String: Any]] ?? [] where child["commandName"] as? String != "help" {
                walk(child, path: path)
            }
        }
        walk(root, path: [])
        return found
    }

    @Test("Every command's abstract, discussion and options are written in both languages, and differ between them")
    func everyCommandInBothLanguages() throws {
        let bokmål = try Self.commands(language: "nb")
        let english = try Self.commands(language: "en")
        #expect(bokmål.count > 100, "\(bokmål.count) commands")
        #expect(Set(bokmål.keys) == Set(english.keys))
        var oneLanguageOnly: [String] = []
        for (path, nb) in bokmål.sorted(by: { $0.key < $1.key }) {
            guard let en = english[path] else { continue }
            var texts = [("abstract", nb.abstract, en.abstract)]
            if !nb.discussion.isEmpty || !en.discussion.isEmpty { texts.append(("discussion", nb.discussion, en.discussion)) }
            for (option, text) in nb.options { texts.append(("--\(option)", text, en.options[option] ?? "")) }
            for (part, nbText, enText) in texts {
                if nbText.isEmpty || enText.isEmpty || nbText == enText || nbText.contains("⟨") || enText.contains("⟨") {
                    oneLanguageOnly.append("\(path) \(part): «\(nbText.prefix(60))» / «\(enText.prefix(60))»")
                }
            }
        }
        #expect(oneLanguageOnly.isEmpty, "help in one language only:\n\(oneLanguageOnly.joined(separator: "\n"))")
    }

    @Test("`tunet provider list --help` reads in bokmål, headings and defaults included; `--lang en` and TUNET_LANG=en in English")
    func aPageOfHelp() throws {
        let tunet = try TunetProcess()
        let bokmål = try tunet.run(["provider", "list", "--help"], environment: ["TUNET_LANG": "nb"])
        #expect(bokmål.status == 0)
        for words in ["OVERSIKT: ", "BRUK: ", "VALG:", "Vis denne hjelpen.", "Eksempler:"] {
            #expect(bokmål.stdout.contains(words), "\(words) in:\n\(bokmål.stdout)")
        }
        for words in ["OVERVIEW", "USAGE", "OPTIONS", "Show help", "Examples:", "(default:"] {
            #expect(!bokmål.stdout.contains(words), "\(words) in:\n\(bokmål.stdout)")
        }
        let byOption = try tunet.run(["provider", "list", "--help", "--lang", "en"], environment: ["TUNET_LANG": "nb"])
        let bySetting = try tunet.run(["help", "provider", "list"], environment: ["TUNET_LANG": "en"])
        for english in [byOption, bySetting] {
            #expect(english.status == 0)
            for words in ["OVERVIEW: ", "USAGE: ", "OPTIONS:", "Show help information.", "Examples:"] {
                #expect(english.stdout.contains(words), "\(words) in:\n\(english.stdout)")
            }
        }
        let top = try tunet.run(["--help"], environment: ["TUNET_LANG": "nb"])
        #expect(top.stdout.contains("UNDERKOMMANDOER:") && top.stdout.contains("Se «tunet help <underkommando>»"), "\(top.stdout)")
    }

    @Test("Every command's page of help in bokmål has no English left of ArgumentParser's: headings, defaults, values, placeholders")
    func noEnglishChrome() throws {
        let tunet = try TunetProcess()
        let paths = try Self.commands(language: "nb").keys.map { $0.split(separator: " ").dropFirst().map(String.init) }
        var english: [String] = []
        for path in paths {
            let page = try tunet.run(path + ["--help"], environment: ["TUNET_LANG": "nb"])
            #expect(page.status == 0, "\(path)")
            for words in ["OVERVIEW", "USAGE", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS:", "(default", "(values", "<subcommand>", "<options>",
                          "Show help", "Show the version", "for detailed help"] where page.stdout.contains(words) {
                english.append("tunet \(path.joined(separator: " ")): \(words)")
            }
        }
        #expect(english.isEmpty, "\(english.joined(separator: "\n"))")
    }
}
