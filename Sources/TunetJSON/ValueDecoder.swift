/// Reads `Decodable` values from a parsed `JSONValue`. The coding path is kept as a link to the
/// parent and built only when asked for (an error), not for every value, as `NodeEncoder` does.
final class ValueDecoder: Decoder {
    let value: JSONValue
    private let parent: ValueDecoder?
    private let key: (any CodingKey)?

    init(value: JSONValue, parent: ValueDecoder? = nil, key: (any CodingKey)? = nil) {
        self.value = value
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var current: ValueDecoder? = self
        while let decoder = current {
            if let key = decoder.key { path.append(key) }
            current = decoder.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch value {
        case .object(let members): return KeyedDecodingContainer(KeyedValueContainer<Key>(members: members, decoder: self))
        case .null: throw notFound(KeyedDecodingContainer<Key>.self, key: nil, "Cannot get keyed decoding container -- found null value instead")
        default: throw mismatch([String: Any].self, value, key: nil)
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case .array(let items): return UnkeyedValueContainer(items: items, decoder: self)
        case .null: throw notFound((any UnkeyedDecodingContainer).self, key: nil, "Cannot get unkeyed decoding container -- found null value instead")
        default: throw mismatch([Any].self, value, key: nil)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(decoder: self)
    }

    /// A nested value; plain values skip the child decoder.
    func decode<Value: Decodable>(_ type: Value.Type, from value: JSONValue, key: (any CodingKey)?) throws -> Value {
        // Comparing types is free where a cast (`as? String`) is a runtime call.
        if Value.self == String.self { return unsafeBitCast(try string(value, key: key), to: Value.self) }
        if Value.self == Int.self { return unsafeBitCast(try integer(value, as: Int.self, key: key), to: Value.self) }
        if Value.self == Int64.self { return unsafeBitCast(try integer(value, as: Int64.self, key: key), to: Value.self) }
        if Value.self == Bool.self { return unsafeBitCast(try bool(value, key: key), to: Value.self) }
        if Value.self == Double.self { return unsafeBitCast(try double(value, key: key), to: Value.self) }
        return try Value(from: ValueDecoder(value: value, parent: self, key: key))
    }

    func string(_ value: JSONValue, key: (any CodingKey)?) throws -> String {
        guard case .string(let string) = value else { throw mismatch(String.self, value, key: key) }
        return string
    }

    func bool(_ value: JSONValue, key: (any CodingKey)?) throws -> Bool {
        guard case .bool(let bool) = value else { throw mismatch(Bool.self, value, key: key) }
        return bool
    }

    /// A number with a fraction or an exponent is read as Foundation reads it: as a `Double`, taken
    /// when it is a whole number the type can hold.
    func integer<Integer: FixedWidthInteger>(_ value: JSONValue, as type: Integer.Type, key: (any CodingKey)?) throws -> Integer {
        let text: String
        switch value {
        case .integer(let integer):
            if let result = Integer(exactly: integer) { return result }
            text = String(integer)
        case .unsigned(let unsigned):
            if let result = Integer(exactly: unsigned) { return result }
            text = String(unsigned)
        case .number(let number):
            if let double = Double(number), let result = Integer(exactly: double) { return result }
            text = number
        default:
            throw mismatch(Integer.self, value, key: key)
        }
        throw corrupted(key: key, "Parsed JSON number <\(text)> does not fit in \(Integer.self).")
    }

    func double(_ value: JSONValue, key: (any CodingKey)?) throws -> Double {
        switch value {
        case .integer(let integer): return Double(integer)
        case .unsigned(let unsigned): return Double(unsigned)
        case .number(let number):
            guard let double = Double(number), double.isFinite else {
                throw corrupted(key: key, "Parsed JSON number <\(number)> does not fit in Double.")
            }
            return double
        default:
            throw mismatch(Double.self, value, key: key)
        }
    }

    func float(_ value: JSONValue, key: (any CodingKey)?) throws -> Float {
        let double = try self.double(value, key: key)
        let float = Float(double)
        guard float.isFinite else { throw corrupted(key: key, "Parsed JSON number <\(double)> does not fit in Float.") }
        return float
    }

    func path(_ key: (any CodingKey)?) -> [any CodingKey] {
        codingPath + (key.map { [$0] } ?? [])
    }

    func mismatch(_ type: Any.Type, _ value: JSONValue, key: (any CodingKey)?) -> DecodingError {
        if case .null = value {
            return notFound(type, key: key, "Cannot get value of type \(type) -- found null value instead")
        }
        return .typeMismatch(type, .init(codingPath: path(key), debugDescription: "Expected to decode \(type) but found \(value.kindDescription) instead."))
    }

    func notFound(_ type: Any.Type, key: (any CodingKey)?, _ description: String) -> DecodingError {
        .valueNotFound(type, .init(codingPath: path(key), debugDescription: description))
    }

    func corrupted(key: (any CodingKey)?, _ description: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: path(key), debugDescription: description))
    }
}

/// The key Foundation gives an unkeyed container's member in a coding path.
struct IndexCodingKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

enum SuperCodingKey: String, CodingKey { case `super` }

private struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: ValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        if case .null = decoder.value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(decoder.value, key: nil) }
    func decode(_ type: String.Type) throws -> String { try decoder.string(decoder.value, key: nil) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.double(decoder.value, key: nil) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.float(decoder.value, key: nil) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(decoder.value, as: type, key: nil) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(decoder.value, as: type, key: nil) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(decoder.value, as: type, key: nil) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(decoder.value, as: type, key: nil) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(decoder.value, as: type, key: nil) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(decoder.value, as: type, key: nil) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(decoder.value, as: type, key: nil) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(decoder.value, as: type, key: nil) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(decoder.value, as: type, key: nil) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(decoder.value, as: type, key: nil) }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        if Value.self == String.self { return unsafeBitCast(try decoder.string(decoder.value, key: nil), to: Value.self) }
        return try Value(from: decoder)
    }
}
