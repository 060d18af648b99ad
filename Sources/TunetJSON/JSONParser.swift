/// Parses one JSON document (RFC 8259, strictly: no comments, no trailing commas, no bare words,
/// text in UTF-8 only) from its bytes into a `ParsedDocument`. Any fault is a
/// `DecodingError.dataCorrupted` at the top of the document, as Foundation reports it, naming what
/// was wrong and at which byte. Everything is checked here, so that reading the document later
/// cannot find a fault in its text.
struct JSONParser {
    /// Foundation refuses documents nested deeper than this; a limit also keeps the recursion off
    /// the end of the stack.
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0
    private var entries: [JSONEntry] = []
    private var strings: [String] = []
    /// Text of a string with escapes, rebuilt here before it becomes a `String`.
    private var unescaped: [UInt8] = []

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> ParsedDocument {
        var parser = JSONParser(bytes: bytes)
        parser.skipByteOrderMark()
        parser.skipWhitespace()
        try parser.parseValue()
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.fault("Unexpected text after the value") }
        return ParsedDocument(bytes: Array(bytes), entries: parser.entries, strings: parser.strings)
    }

    /// Room for a record's entries at once (a placement has about fifty).
    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        entries.reserveCapacity(64)
    }

    private var atEnd: Bool { position >= bytes.count }

    /// Foundation reads a document that starts with UTF-8's byte order mark.
    private mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws {
        guard !atEnd else { throw fault("Unexpected end of the document") }
        switch bytes[position] {
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "{"): try parseObject()
        case UInt8(ascii: "["): try parseArray()
        case UInt8(ascii: "t"): try expectWord("true"); entries.append(JSONEntry(.bool, 1))
        case UInt8(ascii: "f"): try expectWord("false"); entries.append(JSONEntry(.bool, 0))
        case UInt8(ascii: "n"): try expectWord("null"); entries.append(JSONEntry(.null))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
        default: throw fault("Unexpected character '\(Unicode.Scalar(bytes[position]))'")
        }
    }

    private mutating func expectWord(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count,
              UnsafeBufferPointer(rebasing: bytes[position..<position + count]).elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count)) else {
            throw fault("Unexpected character '\(Unicode.Scalar(bytes[position]))'")
        }
        position += count
    }

    private mutating func parseObject() throws {
        try parseContainer(.object, closing: "}") { parser, object in
            guard !parser.atEnd, parser.bytes[parser.position] == UInt8(ascii: "\"") else {
                throw parser.fault(parser.atEnd ? "Unexpected end of the document" : "Expected a key in quotes")
            }
            let key = parser.entries.count
            try parser.parseString()
            parser.link(key: key, inObjectAt: object)
            parser.skipWhitespace()
            guard !parser.atEnd, parser.bytes[parser.position] == UInt8(ascii: ":") else { throw parser.fault("Expected ':' after a key") }
            parser.position += 1
            parser.skipWhitespace()
            try parser.parseValue()
        }
    }

    /// Chains the object's keys first to last. Until the object is closed, its `end` holds its
    /// last key so far.
    private mutating func link(key: Int, inObjectAt object: Int) {
        let last = entries[object].end
        if last == 0 {
            entries[object].link = key
        } else {
            entries[last].link = key
        }
        entries[object].end = key
    }

    private mutating func parseArray() throws {
        try parseContainer(.array, closing: "]") { parser, _ in try parser.parseValue() }
    }

    /// A container's entry, then its members; the entry learns their number and where they end.
    private mutating func parseContainer(_ kind: JSONEntry.Kind, closing: Unicode.Scalar, member: (inout JSONParser, Int) throws -> Void) throws {
        depth += 1
        guard depth <= Self.maximumDepth else { throw fault("Too many nested arrays or dictionaries") }
        defer { depth -= 1 }
        position += 1
        skipWhitespace()
        let container = entries.count
        entries.append(JSONEntry(kind))
        var count = 0
        if !atEnd, bytes[position] == UInt8(ascii: closing) {
            position += 1
        } else {
            repeat {
                try member(&self, container)
                count += 1
                skipWhitespace()
            } while try continueContainer(closing: closing)
        }
        entries[container].payload = count
        entries[container].end = entries.count
    }

    /// After a member: true for a comma (another member must follow), false for the closing bracket.
    private mutating func continueContainer(closing: Unicode.Scalar) throws -> Bool {
        guard !atEnd else { throw fault("Unexpected end of the document") }
        switch bytes[position] {
        case UInt8(ascii: ","):
            position += 1
            skipWhitespace()
            return true
        case UInt8(ascii: closing):
            position += 1
            return false
        default:
            throw fault("Expected ',' or '\(closing)'")
        }
    }

    private mutating func parseString() throws {
        position += 1
        let start = position
        // Plain comparisons: a `switch` over byte ranges costs several times as much per byte.
        var highBits: UInt8 = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                if highBits < 0x80 {
                    entries.append(JSONEntry(.text, start, end: position))
                } else {
                    appendDecoded(try validated(UnsafeBufferPointer(rebasing: bytes[start..<position])))
                }
                position += 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                unescaped.removeAll(keepingCapacity: true)
                unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
                appendDecoded(try parseEscapedString())
                return
            }
            if byte < 0x20 { throw fault("Unescaped control character in a string") }
            highBits |= byte
            position += 1
        }
        throw fault("Unexpected end of the document in a string")
    }

    private mutating func appendDecoded(_ string: String) {
        entries.append(JSONEntry(.decodedText, strings.count))
        strings.append(string)
    }

    /// The rest of a string from its first backslash, rebuilt in `unescaped`.
    private mutating func parseEscapedString() throws -> String {
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try unescaped.withUnsafeBufferPointer { try validated($0) }
            case UInt8(ascii: "\\"):
                try appendEscape()
            case 0..<0x20:
                position -= 1
                throw fault("Unescaped control character in a string")
            default:
                unescaped.append(byte)
            }
        }
        throw fault("Unexpected end of the document in a string")
    }

    private mutating func appendEscape() throws {
        guard !atEnd else { throw fault("Unexpected end of the document in a string") }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(byte)
        case UInt8(ascii: "b"): unescaped.append(0x08)
        case UInt8(ascii: "f"): unescaped.append(0x0C)
        case UInt8(ascii: "n"): unescaped.append(0x0A)
        case UInt8(ascii: "r"): unescaped.append(0x0D)
        case UInt8(ascii: "t"): unescaped.append(0x09)
        case UInt8(ascii: "u"): unescaped.append(contentsOf: UTF8.encode(try parseUnicodeEscape())!)
        default:
            position -= 1
            throw fault("Invalid escape sequence in a string")
        }
    }

    /// The scalar of a `\u` escape (its `\u` already read); a UTF-16 surrogate must come in a pair.
    private mutating func parseUnicodeEscape() throws -> Unicode.Scalar {
        let first = try parseHexQuad()
        switch first {
        case 0xD800...0xDBFF:
            guard bytes.count - position >= 2, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw fault("A high surrogate not followed by a low one in a string")
            }
            position += 2
            let second = try parseHexQuad()
            guard (0xDC00...0xDFFF).contains(second) else { throw fault("A high surrogate not followed by a low one in a string") }
            return Unicode.Scalar(0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00))!
        case 0xDC00...0xDFFF:
            throw fault("A low surrogate without a high one in a string")
        default:
            return Unicode.Scalar(first)!
        }
    }

    private mutating func parseHexQuad() throws -> UInt16 {
        guard bytes.count - position >= 4 else { throw fault("Unexpected end of the document in a string") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fault("Invalid hexadecimal digit in a \\u escape")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    /// Text with bytes beyond ASCII: decoding repairs an invalid sequence with U+FFFD, which changes
    /// the bytes, so the text is valid UTF-8 exactly when it decodes to itself.
    private func validated(_ text: UnsafeBufferPointer<UInt8>) throws -> String {
        let string = String(decoding: text, as: UTF8.self)
        guard string.utf8.elementsEqual(text) else { throw fault("Invalid UTF-8 in a string") }
        return string
    }

    private mutating func parseNumber() throws {
        let start = position
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var magnitude: UInt64 = 0
        var fits = true
        guard !atEnd, isDigit(bytes[position]) else { throw fault("A number without digits") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while !atEnd, isDigit(bytes[position]) {
                let (times10, overflowTimes) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflowPlus) = times10.addingReportingOverflow(UInt64(bytes[position] - UInt8(ascii: "0")))
                fits = fits && !overflowTimes && !overflowPlus
                magnitude = sum
                position += 1
            }
        }
        var integral = true
        if !atEnd, bytes[position] == UInt8(ascii: ".") {
            position += 1
            try skipDigits("A number without digits after its decimal point")
            integral = false
        }
        if !atEnd, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if !atEnd, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            try skipDigits("A number without digits in its exponent")
            integral = false
        }
        if integral && fits && !negative {
            entries.append(magnitude <= UInt64(Int64.max) ? JSONEntry(.integer, Int(magnitude)) : JSONEntry(.unsigned, Int(bitPattern: UInt(magnitude))))
        } else if integral && fits && magnitude != 0 && magnitude <= UInt64(Int64.max) + 1 {
            entries.append(JSONEntry(.integer, Int(Int64(bitPattern: 0 &- magnitude))))
        } else {
            entries.append(JSONEntry(.number, start, end: position))
        }
    }

    private mutating func skipDigits(_ fault: String) throws {
        guard !atEnd, isDigit(bytes[position]) else { throw self.fault(fault) }
        while !atEnd, isDigit(bytes[position]) { position += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func fault(_ reason: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "The given data was not valid JSON: \(reason) at byte \(position)."))
    }
}
