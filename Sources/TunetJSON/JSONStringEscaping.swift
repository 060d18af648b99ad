/// How Foundation's encoder escapes a byte of text inside a JSON string: quote and backslash by a
/// backslash, the common control characters by their letters, the other control characters by their
/// code; a slash is left alone (`.withoutEscapingSlashes`), and so is everything else.
struct JSONStringEscape {
    /// The escape's bytes, of which the first `count` are used.
    let bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8)
    let count: Int

    @inline(__always)
    static func isNeeded(for byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Whether any of the eight bytes in `word` needs an escape: it has a byte below 0x20, or one that
    /// a quote or a backslash leaves zero (a byte `b` is below `n` when `b - n` borrows, that is sets
    /// the high bit of a byte whose own high bit is clear).
    @inline(__always)
    static func isNeeded(forAnyOf word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let control = (word &- ones &* 0x20) & ~word
        let quote = (quotes &- ones) & ~quotes
        let backslash = (backslashes &- ones) & ~backslashes
        return (control | quote | backslash) & highBits != 0
    }

    /// The escape of a byte for which one `isNeeded`.
    init(_ byte: UInt8) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), backslash: (bytes, count) = ((backslash, byte, 0, 0, 0, 0), 2)
        case 0x0A: (bytes, count) = ((backslash, UInt8(ascii: "n"), 0, 0, 0, 0), 2)
        case 0x0D: (bytes, count) = ((backslash, UInt8(ascii: "r"), 0, 0, 0, 0), 2)
        case 0x09: (bytes, count) = ((backslash, UInt8(ascii: "t"), 0, 0, 0, 0), 2)
        case 0x08: (bytes, count) = ((backslash, UInt8(ascii: "b"), 0, 0, 0, 0), 2)
        case 0x0C: (bytes, count) = ((backslash, UInt8(ascii: "f"), 0, 0, 0, 0), 2)
        default:
            let hex: StaticString = "0123456789abcdef"
            let digits = hex.utf8Start
            (bytes, count) = ((backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]), 6)
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` as a JSON string, escaped as Foundation's encoder escapes it; for JSON written by
    /// hand where an encoder's generality costs too much (an upload's audit snapshot of replaced days).
    public mutating func appendJSONString(_ value: String) {
        append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where JSONStringEscape.isNeeded(for: byte) {
                append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                let escape = JSONStringEscape(byte)
                Swift.withUnsafeBytes(of: escape.bytes) { append(contentsOf: $0[..<escape.count]) }
                start = index + 1
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        append(UInt8(ascii: "\""))
    }
}
