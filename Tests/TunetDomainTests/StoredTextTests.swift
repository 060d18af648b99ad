import Testing
import TunetDomain
import TunetTestSupport

@Suite("Text kept by Tunet: typed text checked, carried text cleaned and bounded")
struct StoredTextTests {
    @Test("A file name loses its control characters (ESC, CR, LF, NUL, DEL) and surrounding spaces")
    func fileNameWithoutControlCharacters() {
        #expect(StoredText.fileName(" mai\u{1B}[31m\r\nrød\u{0}\u{7F}.csv\t") == "mai [31m  rød  .csv")
        #expect(StoredText.fileName("mai.csv") == "mai.csv")
        #expect(StoredText.fileName("\r\n") == "")
    }

    @Test("A file name longer than 255 characters is shortened in its stem, keeping the extension; 255 is kept whole")
    func fileNameBounded() {
        let long = String(repeating: "ø", count: 33_000) + ".xlsx"
        let cleaned = StoredText.fileName(long)
        #expect(cleaned.count == 255)
        #expect(cleaned.hasSuffix("ø.xlsx"))
        let exactly = String(repeating: "a", count: 251) + ".csv"
        #expect(StoredText.fileName(exactly) == exactly)
        let noExtension = String(repeating: "b", count: 300)
        #expect(StoredText.fileName(noExtension).count == 255)
    }

    @Test("Carried text is cleaned and cut to its field's length")
    func carriedText() {
        #expect(StoredText.carried("a\u{1B}b\nc", maximumLength: 100) == "a b c")
        #expect(StoredText.carried(String(repeating: "x", count: 600), maximumLength: 500).count == 500)
    }

    @Test("Stored text is shown without control characters; text without them is the same text")
    func printable() {
        #expect(StoredText.printable("a\u{1B}[2Jb\r\nc\u{85}d") == "a [2Jb  c d")
        #expect(StoredText.printable("Lia gård – «mai»") == "Lia gård – «mai»")
    }

    @Test("Typed text with a control character or over its length is refused, naming the field; otherwise trimmed")
    func typedText() throws {
        #expect(try FreeText.typed("  ring Kari  ", field: "text", maximumLength: 10) == "ring Kari")
        #expect(throws: TunetError.invalid("text", "ring ", Message("rules.text.control_character"))) {
            try FreeText.typed("ring\u{1B}", field: "text", maximumLength: 10)
        }
        let tooLong = String(repeating: "y", count: 11)
        #expect(throws: TunetError.invalid("text", tooLong, Message("rules.text.too_long", ["length": 11, "maximum": 10]))) {
            try FreeText.typed(tooLong, field: "text", maximumLength: 10)
        }
        #expect(try FreeText.typedIfGiven("   ", field: "note", maximumLength: 10) == nil)
        #expect(try FreeText.typedIfGiven(nil, field: "note", maximumLength: 10) == nil)
    }
}
