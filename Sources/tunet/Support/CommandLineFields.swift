import TunetText

/// The options of the command line for the fields the rules point at (`MessageValue.field`):
/// `override_ceiling` is `--override-ceiling`.
enum CommandLineFields {
    /// Fields whose option has another name than the field.
    static let options: [String: String] = ["actor": "as"]

    static let names = FieldNames { identifier in
        "--" + (options[identifier] ?? String(identifier.map { $0 == "_" ? "-" : $0 }))
    }
}
