import ArgumentParser
import TunetApp
import TunetDomain

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $TUNET_DATABASE, else ./tunet.sqlite).", valueName: "path"))
    var database: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is acting, for the audit log (default: $TUNET_ACTOR, else your user name).", valueName: "name"))
    var actor: String?

    @Option(name: .long, help: ArgumentHelp("The language to write in: nb (bokmål, the default) or en (default: $TUNET_LANG, else nb).", valueName: "nb|en"))
    var lang: String?

    func configuration() throws -> TunetConfiguration {
        try TunetConfiguration(databaseOption: database, actorOption: actor)
    }

    /// For commands that change data: creates the database when it does not exist.
    func writableContext() throws -> TunetContext {
        try configuration().context()
    }

    /// For commands that only read: a missing database file is an error, not a new empty database.
    func readableContext() throws -> TunetContext {
        try configuration().context(mustExist: true)
    }
}

struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for programs instead of a table (field names in Contracts/cli-json.md).")
    var json = false
}
