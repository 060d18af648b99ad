extension Catalogue {
    /// English: the shell around Tunet: `tunet completions` and the words of the manual page (`scripts/manual`).
    static let enHelpShell: [String: String] = [
        "help.completions.abstract": "Print the script that lets the shell complete tunet commands with Tab (bash, zsh or fish).",
        "help.completions.discussion": """
            The script completes commands, options and values. Report names come from the report catalogue; \
            organisation numbers and agreement references are read from the database file on the command line \
            (--database, else TUNET_DATABASE, else ./tunet.sqlite) when it exists, never from a PostgreSQL \
            server; completing only reads, never changes a database and never creates one.

            To turn it on:
              bash, in the shell you are in:
                source <(tunet completions bash)
              bash, in every new shell (bash-completion):
                mkdir -p ~/.local/share/bash-completion/completions
                tunet completions bash > ~/.local/share/bash-completion/completions/tunet
                or into ~/.bash_completion.d/tunet, sourced from ~/.bashrc, or as root
                into /etc/bash_completion.d/tunet
              zsh: a file _tunet in a folder on $fpath:
                mkdir -p ~/.zfunc && tunet completions zsh > ~/.zfunc/_tunet
                and in ~/.zshrc, before compinit: fpath=(~/.zfunc $fpath)
              fish:
                tunet completions fish > ~/.config/fish/completions/tunet.fish

            Start a new shell afterwards. The script describes the options in the language it was printed \
            in (--lang nb for bokmål).
            """,
        "help.completions.shell": "The shell you use.",
        "help.value.shell": "shell",

        "help.manual.section.synopsis": "SYNOPSIS",
        "help.manual.section.description": "DESCRIPTION",
        "help.manual.section.exit_status": "EXIT STATUS",
        "help.manual.section.see_also": "SEE ALSO",
        "help.manual.section.authors": "AUTHORS",
        "help.manual.subcommands": "subcommands",
        "help.manual.help_command": "Show subcommand help information.",
        "help.manual.subcommand": "subcommand",
        "help.manual.exit_status": "tunet exits 0 on success, and with a number above 0 when an error occurs (see the codes under DESCRIPTION).",
    ]
}
