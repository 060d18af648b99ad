/// Encodes `Encodable` values as JSON with sorted keys and unescaped slashes, byte for byte as
/// Foundation's `JSONEncoder` does with `[.sortedKeys, .withoutEscapingSlashes]` (and
/// `.prettyPrinted` for the pretty style), at a fraction of its cost: Foundation spent 40 % of
/// `tunet provider list --json` and a quarter of an attendance upload encoding (BENCHMARKS.md).
/// Audit snapshots, the CLI's `--json` output and the service's responses all go through it, so
/// the same state is always the same text.
///
/// A value is written out as it is encoded (`JSONStream`), each object put in key order as it
/// closes. A value that uses its containers in an order a stream cannot follow is encoded again,
/// built first as a tree of nodes (`NodeEncoder`) and then written (`JSONWriter`).
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
        try encodeNotingRoute(value).bytes
    }

    /// How a value was encoded.
    enum Route: Equatable {
        /// Written straight out as it was encoded.
        case streamed
        /// Built as a tree first, because it used its containers in an order a stream cannot follow,
        /// or its encoding failed.
        case tree
    }

    /// Streams the value when it can; otherwise encodes it again as a tree, which `encode(to:)` having
    /// no side effects makes safe. A failed stream may be half written, so the error is left for the
    /// tree encoder to report, as it always has.
    func encodeNotingRoute<Value: Encodable>(_ value: Value) throws -> (bytes: [UInt8], route: Route) {
        if let bytes = try? encodeStreaming(value) {
            return (bytes, .streamed)
        }
        return (try encodeAsTree(value), .tree)
    }

    /// The value written as it is encoded; nil when that cannot be done.
    func encodeStreaming<Value: Encodable>(_ value: Value) throws -> [UInt8]? {
        try JSONStream(pretty: style == .pretty).encodeWhole(value)
    }

    /// The value built as a tree of nodes, then written.
    func encodeAsTree<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = NodeEncoder()
        try value.encode(to: encoder)
        guard let node = encoder.node else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "Top-level \(Value.self) did not encode any values."))
        }
        var writer = JSONWriter(pretty: style == .pretty)
        writer.write(node, indent: 0)
        return writer.output.makeArray()
    }

    public func encodeToString<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encode(value), as: UTF8.self)
    }
}
