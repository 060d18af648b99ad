import Testing
import TunetDomain
@testable import TunetJSON

/// Text is looked through eight bytes at a time for bytes that need an escape; that must find
/// exactly what looking at one byte at a time finds.
@Suite("Escaping text inside JSON strings")
struct JSONStringEscapeTests {
    private func wordOf(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    private func anyNeedsEscapeOneByOne(_ bytes: [UInt8]) -> Bool {
        bytes.contains(where: JSONStringEscape.isNeeded(for:))
    }

    @Test("every byte value at every place among seven others that need no escape is found exactly when it needs one")
    func everyByteAtEveryPlace() {
        for filler: UInt8 in [UInt8(ascii: "a"), 0x20, 0x7F, 0x80, 0xFF, UInt8(ascii: "/"), 0x21, 0x23, 0x5B, 0x5D] {
            for place in 0..<8 {
                for byte in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[place] = byte
                    #expect(JSONStringEscape.isNeeded(forAnyOf: wordOf(bytes)) == anyNeedsEscapeOneByOne(bytes), "byte \(byte) at \(place) among \(filler)")
                }
            }
        }
    }

    @Test("random words: eight at a time agrees with one at a time")
    func randomWords() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<200_000 {
            // Bytes near the edges (below and above 0x20, around the quote and the backslash) more often than by chance.
            let bytes = (0..<8).map { _ -> UInt8 in
                let pick = generator.next()
                return pick % 3 == 0 ? UInt8(truncatingIfNeeded: pick >> 8) : [0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x00, 0x80, 0xFF, 0x7F][Int(pick >> 8) % 12]
            }
            #expect(JSONStringEscape.isNeeded(forAnyOf: wordOf(bytes)) == anyNeedsEscapeOneByOne(bytes), "\(bytes)")
        }
    }

    @Test("strings of every length up to forty, with something to escape at every place, are written as the public helper writes them")
    func outputMatchesArrayHelper() {
        let specials: [Character] = ["\"", "\\", "\n", "\u{01}", "\u{1F}", "/", "é", "😀", "\u{7F}", "a"]
        for length in 0...40 {
            for place in 0..<max(length, 1) {
                for special in specials {
                    var characters = Array(repeating: Character("x"), count: length)
                    if length > 0 { characters[place] = special }
                    let text = String(characters)
                    var expected: [UInt8] = []
                    expected.appendJSONString(text)
                    var output = JSONOutput(capacity: 4)
                    output.appendJSONString(text)
                    #expect(output.makeArray() == expected, "\(text.debugDescription)")
                }
            }
        }
    }
}
