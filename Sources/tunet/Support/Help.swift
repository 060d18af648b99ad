import ArgumentParser
import TunetDomain
import TunetText

/// The help a person reads (`--help`, the manual, completions' descriptions), from the text catalogue in
/// the language of the run: `help.provider.list.abstract`, `help.provider.list.discussion`, and an option's
/// sentence under its command's path (`help.provider.list.state`) or its option group's
/// (`help.options.global.database`). Value names shown in usage (`<fil>`) are words of `help.value.*`.
enum Help {
    static func abstract(_ command: String) -> String { Console.texts("help.\(command).abstract") }

    static func discussion(_ command: String) -> String { Console.texts("help.\(command).discussion") }

    /// An option's or an argument's help, with the value's name from `help.value.NAME` when given.
    static func option(_ key: String, value: String? = nil, visibility: ArgumentVisibility = .default) -> ArgumentHelp {
        ArgumentHelp(Console.texts("help.\(key)"), valueName: value.map { Console.texts("help.value.\($0)") }, visibility: visibility)
    }

    /// A discussion whose template names values the code knows (a rule's default threshold, say).
    static func discussion(_ command: String, _ arguments: [String: MessageValue]) -> String {
        Console.texts("help.\(command).discussion", arguments)
    }

    /// An option's or an argument's help whose template names values the code knows (a default prefix, say).
    static func option(_ key: String, _ arguments: [String: MessageValue], value: String? = nil,
                       visibility: ArgumentVisibility = .default) -> ArgumentHelp {
        ArgumentHelp(Console.texts("help.\(key)", arguments), valueName: value.map { Console.texts("help.value.\($0)") }, visibility: visibility)
    }
}
