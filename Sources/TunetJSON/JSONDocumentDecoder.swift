/// Decodes `Decodable` values from JSON documents as Foundation's `JSONDecoder` does with its
/// default options, at a fraction of its cost: Foundation spent a quarter of
/// `tunet export invoice-basis` decoding the placements' stored documents. The counterpart of
/// `SortedJSONEncoder`; faults are `DecodingError` values with their coding paths, as Foundation's are.
public struct JSONDocumentDecoder: Sendable {
    public init() {}

    public func decode<Value: Decodable>(_ type: Value.Type, from bytes: some Collection<UInt8>) throws -> Value {
        let document = try bytes.withContiguousStorageIfAvailable(JSONParser.parse) ?? Array(bytes).withUnsafeBufferPointer(JSONParser.parse)
        return try Value(from: ValueDecoder(document: document, index: 0))
    }

    public func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        var text = text
        let document = try text.withUTF8(JSONParser.parse)
        return try Value(from: ValueDecoder(document: document, index: 0))
    }
}
