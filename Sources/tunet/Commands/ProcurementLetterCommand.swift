import ArgumentParser
import TunetApp
import TunetDomain
import TunetText

extension ProcurementCommand {
    struct Letters: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "letters", abstract: "Write the award letters (meddelelse om tildeling): one per bidder, as HTML that prints on A4.",
            discussion: """
                After `procurement award`, every bidder is told at the same time who won, its own points per criterion \
                and rank, the winners' relative advantages, and the last day of the standstill period. Each letter is \
                one self-contained HTML file that any browser opens and prints to PDF; the folder is made when missing. \
                Writing the letters is recorded in the audit log with the day and the bidders.

                Example:
                  tunet procurement letters 1 -o tildelingsbrev
                """)

        @Argument(help: "The procurement number.")
        var id: String
        @Option(name: [.customShort("o"), .customLong("output")], help: "The folder to write the letters in.")
        var output: String
        @OptionGroup var overwrite: OverwriteOptions
        @OptionGroup var json: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try AwardLetterDesk(global.writableContext())
                .write(ProcurementCommand.parseId(id), to: output, language: Console.texts.language, force: overwrite.force)
            if json.json { return try JSONOutput.print(view) }
            Console.say("letter.written", ["count": .integer(Int64(view.letters.count)), "id": .integer(view.procurementId), "folder": .text(view.folder)])
            for letter in view.letters {
                let result = Message(letter.awarded ? "letter.result_awarded" : "letter.result_not_awarded", ["rank": .integer(Int64(letter.rank))])
                Console.say("letter.written_line", ["file": .text(letter.file.split(separator: "/").last.map(String.init) ?? letter.file),
                                                    "name": .text(letter.name), "result": .message(result)])
            }
        }
    }
}
