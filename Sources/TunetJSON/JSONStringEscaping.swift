extension Array where Element == UInt8 {
    /// Appends `value` as a JSON string, escaped as Foundation's encoder escapes it; for JSON written by
    /// hand where an encoder's generality costs too much (an upload's audit snapshot of replaced days).
    public mutating func appendJSONString(_ value: String) {
        append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendJSONEscaped(byte)
                start = index + 1
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        append(UInt8(ascii: "\""))
    }

    private mutating func appendJSONEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append(contentsOf: "\\\"".utf8)
        case UInt8(ascii: "\\"): append(contentsOf: "\\\\".utf8)
        case 0x0A: append(contentsOf: "\\n".utf8)
        case 0x0D: append(contentsOf: "\\r".utf8)
        case 0x09: append(contentsOf: "\\t".utf8)
        case 0x08: append(contentsOf: "\\b".utf8)
        case 0x0C: append(contentsOf: "\\f".utf8)
        default:
            let hex = Array("0123456789abcdef".utf8)
            append(contentsOf: "\\u00".utf8)
            append(hex[Int(byte >> 4)])
            append(hex[Int(byte & 0x0F)])
        }
    }
}
