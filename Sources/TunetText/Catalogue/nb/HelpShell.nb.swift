extension Catalogue {
    /// Bokmål: the shell around Tunet: `tunet completions` and the words of the manual page (`scripts/manual`).
    static let nbHelpShell: [String: String] = [
        "help.completions.abstract": "Skriv skriptet som lar skallet fullføre tunet-kommandoer med Tab (bash, zsh eller fish).",
        "help.completions.discussion": """
            Skriptet fullfører kommandoer, valg og verdier. Rapportnavnene kommer fra rapportkatalogen; \
            organisasjonsnumre og avtalereferanser hentes fra databasefilen på kommandolinjen (--database, ellers \
            TUNET_DATABASE, ellers ./tunet.sqlite) når den finnes, aldri fra en PostgreSQL-server; fullføringen \
            bare leser, endrer aldri en database og lager ingen ny.

            Slik slår du det på:
              bash, i skallet du står i:
                source <(tunet completions bash)
              bash, i alle nye skall (bash-completion):
                mkdir -p ~/.local/share/bash-completion/completions
                tunet completions bash > ~/.local/share/bash-completion/completions/tunet
                eller i ~/.bash_completion.d/tunet, hentet inn fra ~/.bashrc, eller som
                root i /etc/bash_completion.d/tunet
              zsh: en fil _tunet i en mappe som står i $fpath:
                mkdir -p ~/.zfunc && tunet completions zsh > ~/.zfunc/_tunet
                og i ~/.zshrc, før compinit: fpath=(~/.zfunc $fpath)
              fish:
                tunet completions fish > ~/.config/fish/completions/tunet.fish

            Start et nytt skall etterpå. Skriptet beskriver valgene på språket det ble skrevet på \
            (--lang en for engelsk).
            """,
        "help.completions.shell": "Skallet du bruker.",
        "help.value.shell": "skall",

        "help.manual.section.synopsis": "BRUK",
        "help.manual.section.description": "BESKRIVELSE",
        "help.manual.section.exit_status": "AVSLUTNINGSKODER",
        "help.manual.section.see_also": "SE OGSÅ",
        "help.manual.section.authors": "FORFATTERE",
        "help.manual.subcommands": "underkommandoer",
        "help.manual.help_command": "Vis hjelpen til en underkommando.",
        "help.manual.subcommand": "underkommando",
        "help.manual.exit_status": "tunet avslutter med 0 når alt gikk bra, og med et tall over 0 ved feil (se kodene under BESKRIVELSE).",
    ]
}
