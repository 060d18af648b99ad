/// Encodes `Encodable` values as JSON with sorted keys and unescaped slashes, byte for byte as
/// Foundation's `JSONEncoder` does with `[.sortedKeys, .withoutEscapingSlashes]` (and
/// `.prettyPrinted` for the pretty style), at a fraction of its cost: Foundation spent 40 % of
/// `tunet provider list --json` and a quarter of an attendance upload encoding (BENCHMARKS.md).
/// Audit snapshots, the CLI's `--json` output and the service's responses all go through it, so
/// the same state is always the same text.
public struct SortedJSONEncoder: Sendable {
    public enum Style: Sendable {
        case compact
        case pretty
    }

    public let style: Style

    public init(style: Style = .compact) {
        self.style = style
    }

    public func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = NodeEncoder()
        try value.encode(to: encoder)
        guard let node = encoder.node else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "Top-level \(Value.self) did not encode any values."))
        }
        var writer = JSONWriter(pretty: style == .pretty)
        writer.write(node, indent: 0)
        return writer.bytes
    }

    public func encodeToString<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }
}

private struct JSONWriter {
    let pretty: Bool
    var bytes: [UInt8] = []
    private var lastKeys: [String] = []
    private var lastOrder: [Int] = []

    init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(4096)
    }

    mutating func write(_ node: JSONNode, indent: Int) {
        switch node {
        case .null: append("null")
        case .bool(let value): append(value ? "true" : "false")
        case .integer(let value): append(String(value))
        case .unsigned(let value): append(String(value))
        case .double(let value): writeNumber(value.description)
        case .float(let value): writeNumber(value.description)
        case .string(let value): writeString(value)
        case .array(let array): writeArray(array.items, indent: indent)
        case .object(let object): writeObject(object, indent: indent)
        case .deferred(let encoder): write(encoder.node ?? .object(JSONObject()), indent: indent)
        }
    }

    /// Foundation prints a number as Swift's shortest round-trip form without a trailing ".0".
    private mutating func writeNumber(_ text: String) {
        append(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }

    private mutating func writeArray(_ items: [JSONNode], indent: Int) {
        writeContainer(open: "[", close: "]", count: items.count, indent: indent) { writer, position in
            writer.write(items[position], indent: indent + 2)
        }
    }

    private mutating func writeObject(_ object: JSONObject, indent: Int) {
        let order = sortedMembers(object)
        writeContainer(open: "{", close: "}", count: order.count, indent: indent) { writer, position in
            writer.writeString(object.keys[order[position]])
            writer.append(writer.pretty ? " : " : ":")
            writer.write(object.values[order[position]], indent: indent + 2)
        }
    }

    /// Brackets around `count` members, one per line when pretty; an empty container is written as
    /// Foundation writes it (an empty line between the brackets when pretty).
    private mutating func writeContainer(open: Unicode.Scalar, close: Unicode.Scalar, count: Int, indent: Int,
                                         member: (inout JSONWriter, Int) -> Void) {
        bytes.append(UInt8(ascii: open))
        if count == 0 {
            if pretty {
                bytes.append(UInt8(ascii: "\n"))
                newline(indent: indent)
            }
            bytes.append(UInt8(ascii: close))
            return
        }
        for position in 0..<count {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(indent: indent + 2)
            member(&self, position)
        }
        newline(indent: indent)
        bytes.append(UInt8(ascii: close))
    }

    /// Member positions in key order (by UTF-8 bytes, as Foundation sorts); a key set twice keeps
    /// its last value, as in Foundation. A list holds objects of one type one after another, so the
    /// last order found is tried first.
    private mutating func sortedMembers(_ object: JSONObject) -> [Int] {
        if object.keys == lastKeys { return lastOrder }
        lastKeys = object.keys
        lastOrder = Self.sortedMembers(object.keys)
        return lastOrder
    }

    private static func sortedMembers(_ keys: [String]) -> [Int] {
        let sorted = keys.indices.sorted { left, right in
            let l = keys[left], r = keys[right]
            if l == r { return left < right }
            return l.utf8.lexicographicallyPrecedes(r.utf8)
        }
        var result: [Int] = []
        result.reserveCapacity(sorted.count)
        for index in sorted {
            if let last = result.last, keys[last] == keys[index] {
                result[result.count - 1] = index
            } else {
                result.append(index)
            }
        }
        return result
    }

    private mutating func newline(indent: Int) {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func writeString(_ value: String) {
        bytes.appendJSONString(value)
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
