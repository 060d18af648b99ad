import ArgumentParser
import TunetApp
import TunetDomain
import TunetText

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit log: who changed what, when, with the state before and after.",
        discussion: """
            Examples:
              tunet audit --entity provider --id 974760673
              tunet audit --since 2026-03-01 --json
              tunet audit --limit 20            the 20 newest events, in time order
              tunet audit --limit 5 --oldest    the first 5 events
            """)

    @Option(help: "Only events for this kind of object (provider).")
    var entity: String?
    @Option(help: "Only events for this object (for a provider: its organisation number).")
    var id: String?
    @Option(help: "Only events on or after this day (YYYY-MM-DD or DD.MM.YYYY, Norwegian time).")
    var since: String?
    @Option(help: "Only the newest this many events (shown in time order); with --oldest, the first this many.")
    var limit: Int?
    @Flag(help: "With --limit: the oldest events instead of the newest.")
    var oldest = false
    @Flag(help: "Also print the state before and after each change.")
    var verbose = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let entries = try AuditDesk(global.readableContext()).events(entity: entity, id: id, since: since, limit: limit, oldest: oldest)
        if output.json { return try JSONOutput.print(entries) }
        if entries.isEmpty { return Console.say("audit.none") }
        let texts = Console.texts
        var table = TextTable(texts("audit.table.number"), texts("audit.table.when"), texts("audit.table.who"), texts("audit.table.action"),
                              texts("audit.table.entity"), texts("audit.table.id"), texts("audit.table.note"), rightAligned: [0])
        for entry in entries {
            table.add(String(entry.id), OsloTime.localTimestamp(entry.at, in: texts.language), entry.actorText(texts), AuditEventView.actionText(entry.action, texts),
                      AuditEventView.entityText(entry.entity, texts), entry.entityId, entry.note.map(texts.render) ?? "")
        }
        Console.out(table.render())
        if verbose {
            for entry in entries {
                Console.out("\n#\(entry.id) \(AuditEventView.actionText(entry.action, texts)) \(AuditEventView.entityText(entry.entity, texts)) \(entry.entityId)")
                Console.say("audit.before", ["document": .text(entry.before ?? "–")])
                Console.say("audit.after", ["document": .text(entry.after ?? "–")])
            }
        }
    }
}
