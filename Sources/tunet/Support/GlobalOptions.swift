import ArgumentParser
import TunetApp
import TunetDomain

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: Help.option("options.global.database", value: "path"))
    var database: String?

    @Option(name: .customLong("as"), help: Help.option("options.global.as", value: "name"))
    var actor: String?

    @Option(name: .long, help: Help.option("options.global.lang", value: "language"))
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
    @Flag(name: .long, help: Help.option("options.output.json"))
    var json = false
}
