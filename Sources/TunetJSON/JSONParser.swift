/// Parses one JSON document (RFC 8259, strictly: no comments, no trailing commas, no bare words,
/// text in UTF-8 only) from its bytes into a `JSONValue`. Any fault is a `DecodingError.dataCorrupted`
/// at the top of the document, as Foundation reports it, naming what was wrong and at which byte.
struct JSONParser {
    /// Foundation refuses documents nested deeper than this; a limit also keeps the recursion off
    /// the end of the stack.
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0
    /// Members and items of the containers being parsed, the innermost last: each container is
    /// copied out once, at its exact size, instead of growing its own array member by member.
    private var members: [JSONMember] = []
    private var items: [JSONValue] = []
    /// Text of a string with escapes, rebuilt here before it becomes a `String`.
    private var unescaped: [UInt8] = []

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.fault("Unexpected text after the value") }
        return value
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        members.reserveCapacity(32)
        items.reserveCapacity(32)
    }

    private var atEnd: Bool { position >= bytes.count }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws -> JSONValue {
        guard !atEnd else { throw fault("Unexpected end of the document") }
        switch bytes[position] {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
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

    private mutating func enterContainer() throws {
        depth += 1
        guard depth <= Self.maximumDepth else { throw fault("Too many nested arrays or dictionaries") }
        position += 1
        skipWhitespace()
    }

    private mutating func parseObject() throws -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        if !atEnd, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object([])
        }
        let start = members.count
        while true {
            guard !atEnd, bytes[position] == UInt8(ascii: "\"") else { throw fault(atEnd ? "Unexpected end of the document" : "Expected a key in quotes") }
            let key = try parseString()
            skipWhitespace()
            guard !atEnd, bytes[position] == UInt8(ascii: ":") else { throw fault("Expected ':' after a key") }
            position += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key: key, value: value))
            skipWhitespace()
            guard try continueContainer(closing: "}") else { break }
        }
        let object = Array(members[start...])
        members.removeSubrange(start...)
        return .object(object)
    }

    private mutating func parseArray() throws -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        if !atEnd, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array([])
        }
        let start = items.count
        while true {
            items.append(try parseValue())
            skipWhitespace()
            guard try continueContainer(closing: "]") else { break }
        }
        let array = Array(items[start...])
        items.removeSubrange(start...)
        return .array(array)
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

    private mutating func parseString() throws -> String {
        position += 1
        let start = position
        var ascii = true
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return ascii ? String(decoding: text, as: UTF8.self) : try validated(text)
            case UInt8(ascii: "\\"):
                unescaped.removeAll(keepingCapacity: true)
                unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
                return try parseEscapedString()
            case 0..<0x20:
                throw fault("Unescaped control character in a string")
            case 0x80...:
                ascii = false
            default:
                break
            }
            position += 1
        }
        throw fault("Unexpected end of the document in a string")
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

    private mutating func parseNumber() throws -> JSONValue {
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
        if integral && fits {
            if !negative { return magnitude <= UInt64(Int64.max) ? .integer(Int64(magnitude)) : .unsigned(magnitude) }
            if magnitude != 0 && magnitude <= UInt64(Int64.max) + 1 { return .integer(Int64(bitPattern: 0 &- magnitude)) }
        }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
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
