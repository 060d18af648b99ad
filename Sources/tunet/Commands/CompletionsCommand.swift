import ArgumentParser

/// `tunet completions bash|zsh|fish`: ArgumentParser's completion script for the whole command tree.
/// The scripts ask `tunet ---completion …` for the values that live in the database (CompletionCandidates).
struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: Help.abstract("completions"),
        discussion: Help.discussion("completions"))

    enum Shell: String, CaseIterable, ExpressibleByArgument {
        case bash, zsh, fish

        var completionShell: CompletionShell {
            switch self {
            case .bash: return .bash
            case .zsh: return .zsh
            case .fish: return .fish
            }
        }
    }

    @Argument(help: Help.option("completions.shell", value: "shell"))
    var shell: Shell

    func run() {
        let script = Tunet.completionScript(for: shell.completionShell)
        print(script, terminator: script.hasSuffix("\n") ? "" : "\n")
    }
}
