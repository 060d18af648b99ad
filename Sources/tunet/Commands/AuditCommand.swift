import ArgumentParser
import TunetApp
import TunetDomain

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit log: who changed what, when, with the state before and after.",
        discussion: """
            Examples:
              tunet audit --entity provider --id 974760673
              tunet audit --since 2026-03-01 --json
            """)

    @Option(help: "Only events for this kind of object (provider).")
    var entity: String?
    @Option(help: "Only events for this object (for a provider: its organisation number).")
    var id: String?
    @Option(help: "Only events on or after this day (YYYY-MM-DD or DD.MM.YYYY, Norwegian time).")
    var since: String?
    @Option(help: "At most this many events (the oldest first).")
    var limit: Int?
    @Flag(help: "Also print the state before and after each change.")
    var verbose = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let entries = try AuditLog(global.readableContext()).events(entity: entity, id: id, since: since, limit: limit)
        if output.json { return try JSONOutput.print(entries) }
        if entries.isEmpty { return Console.out("No audit events match.") }
        var table = TextTable("#", "When (Norwegian time)", "Who", "Action", "Entity", "Id", "Note", rightAligned: [0])
        for entry in entries {
            table.add(String(entry.id), entry.localTime, entry.actor, entry.action, entry.entity, entry.entityId, entry.note ?? "")
        }
        Console.out(table.render())
        if verbose {
            for entry in entries {
                Console.out("\n#\(entry.id) \(entry.action) \(entry.entity) \(entry.entityId)")
                Console.out("  before: \(entry.before ?? "–")")
                Console.out("  after:  \(entry.after ?? "–")")
            }
        }
    }
}
