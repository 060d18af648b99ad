/// Decodes `Decodable` values from JSON documents as Foundation's `JSONDecoder` does with its
/// default options, at a fraction of its cost: Foundation spent a quarter of
/// `tunet export invoice-basis` decoding the placements' stored documents. The counterpart of
/// `SortedJSONEncoder`; faults are `DecodingError` values with their coding paths, as Foundation's are.
/// Two differences, neither met in what Tunet stores: a comma after a container's last member is
/// refused (it is not JSON, though Foundation reads it), and `Data`, `URL` and `Decimal` decode as
/// their own `Decodable` conformances say, where Foundation reads them from a string or a number.
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
