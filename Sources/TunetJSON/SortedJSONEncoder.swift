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
