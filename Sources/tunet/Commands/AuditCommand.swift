import ArgumentParser
import TunetApp
import TunetDomain
import TunetText

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: Help.abstract("audit"),
        discussion: Help.discussion("audit"))

    @Option(help: Help.option("audit.entity"))
    var entity: String?
    @Option(help: Help.option("audit.id"))
    var id: String?
    @Option(help: Help.option("audit.since"))
    var since: String?
    @Option(help: Help.option("audit.limit", value: "count"))
    var limit: Int?
    @Flag(help: Help.option("audit.oldest"))
    var oldest = false
    @Flag(help: Help.option("audit.verbose"))
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
