import Foundation

/// What Foundation's encoder writes with the options `SortedJSONEncoder` matches, as text to read.
func foundationJSON<Value: Encodable>(_ value: Value, pretty: Bool) throws -> String {
    String(decoding: try foundationBytes(value, pretty: pretty), as: UTF8.self)
}

/// The same as bytes: what the tests compare, since Swift calls text equal that is written with other
/// bytes (é as one character, or as e and an accent).
func foundationBytes<Value: Encodable>(_ value: Value, pretty: Bool) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(value))
}
