import Foundation
import TunetDomain
import TunetJSON
import TunetText

/// Exit codes follow BSD sysexits, so scripts can tell a wrong input from a busy database.
enum ExitStatus {
    static func code(for error: TunetError) -> Int32 {
        switch error.category {
        case .invalidInput, .conflict: 65
        case .notFound, .unreadableInput: 66
        case .unwritableOutput: 73
        case .incompatibleDatabase: 74
        case .busy: 75
        case .unauthorized, .forbidden: 77
        case .internalFault: 70
        }
    }
}

enum ErrorOutput {
    static func write(_ error: TunetError, asJSON: Bool) {
        let texts = Console.texts
        if asJSON {
            struct Row: Encodable {
                let row: Int?
                let field: String
                let value: String?
                let reason: String
            }
            struct Document: Encodable {
                let error: String
                let message: String
                let problems: [Row]
                /// Only when problems were left out (`ProblemLimit`): how many more, by field.
                let problemsNotShown: [String: Int]?

                enum CodingKeys: String, CodingKey {
                    case error, message, problems
                    case problemsNotShown = "problems_not_shown"
                }
            }
            let notShown = error.problemsNotShown
            let document = Document(error: error.category.rawValue, message: texts.render(error.message),
                                    problems: error.problems.map { Row(row: $0.row, field: $0.field, value: $0.value, reason: texts.render($0.reason)) },
                                    problemsNotShown: notShown.isEmpty ? nil : notShown.byField)
            if let text = try? SortedJSONEncoder(style: .pretty).encodeToString(document) {
                Console.error(text)
                return
            }
        }
        Console.error(texts("cli.error", ["message": .message(error.message)]))
    }
}

enum Console {
    /// The language the person at the terminal reads: `--lang`, else `TUNET_LANG`, else bokmål. Worked
    /// out once from the command line (TunetMain refuses an unknown one before any command runs).
    static let texts: Texts = {
        let environment = ProcessInfo.processInfo.environment
        // An unknown --lang is refused in that language's stead: the environment's, else bokmål.
        let chosen = try? Language.choose(option: languageOption(in: CommandLine.arguments), environment: environment).get()
        return Texts(chosen ?? (try? Language.choose(option: nil, environment: environment).get()) ?? .standard, fields: CommandLineFields.names)
    }()

    /// The value of `--lang X` or `--lang=X`, wherever it stands on the command line.
    static func languageOption(in arguments: [String]) -> String? {
        var value: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count { value = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { value = String(argument.dropFirst("--lang=".count)) }
        }
        return value
    }

    /// The command line without `--lang X` or `--lang=X` (up to a `--`).
    static func removingLanguageOption(from arguments: [String]) -> [String] {
        var kept: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { kept += arguments[index...]; break }
            if argument == "--lang" { index += 2; continue }
            if !argument.hasPrefix("--lang=") { kept.append(argument) }
            index += 1
        }
        return kept
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func out(_ text: String) {
        print(text)
    }

    /// UTF-8 text already encoded (a `--json` document), and a line break, on standard output.
    static func out(utf8 bytes: [UInt8]) {
        // Whatever `print` left in standard output's buffer goes first.
        fflush(nil)
        // Written as they are, then the line's end: a large document is not copied to add one byte.
        try? FileHandle.standardOutput.write(contentsOf: bytes)
        try? FileHandle.standardOutput.write(contentsOf: [UInt8(ascii: "\n")])
    }

    /// A sentence from the catalogue, on standard output.
    static func say(_ key: String, _ arguments: [String: MessageValue] = [:]) { out(texts(key, arguments)) }

    /// A warning from the catalogue, on standard error.
    static func warn(_ message: Message) { error(texts("cli.warning", ["message": .message(message)])) }
}
