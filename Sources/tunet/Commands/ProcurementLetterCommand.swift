import ArgumentParser
import TunetApp
import TunetDomain
import TunetText

extension ProcurementCommand {
    struct Letters: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "letters", abstract: Help.abstract("procurement.letters"),
            discussion: Help.discussion("procurement.letters"))

        @Argument(help: Help.option("procurement.letters.id", value: "number"))
        var id: String
        @Option(name: [.customShort("o"), .customLong("output")], help: Help.option("procurement.letters.output"))
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
