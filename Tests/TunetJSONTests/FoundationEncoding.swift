import Foundation

/// What Foundation's encoder writes with the options `SortedJSONEncoder` matches.
func foundationJSON<Value: Encodable>(_ value: Value, pretty: Bool) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
