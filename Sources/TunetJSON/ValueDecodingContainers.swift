/// An object's members by key. A record has a handful of keys, for which a linear search is
/// faster than hashing; it searches from the end, so a key written twice reads its last value, as
/// in Foundation.
struct KeyedValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [JSONMember]
    let decoder: ValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        var seen: [String] = []
        var keys: [Key] = []
        for member in members where !seen.contains(member.key) {
            seen.append(member.key)
            if let key = Key(stringValue: member.key) { keys.append(key) }
        }
        return keys
    }

    func contains(_ key: Key) -> Bool { find(key.stringValue) != nil }

    private func find(_ name: String) -> JSONValue? {
        var index = members.count
        while index > 0 {
            index -= 1
            if members[index].key == name { return members[index].value }
        }
        return nil
    }

    private func require(_ key: Key) throws -> JSONValue {
        guard let value = find(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return value
    }

    /// The key's value, or nil when it is missing or null.
    private func present(_ key: Key) -> JSONValue? {
        switch find(key.stringValue) {
        case nil, .null?: nil
        case let value?: value
        }
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try require(key) { return true }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool(try require(key), key: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string(try require(key), key: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.double(try require(key), key: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.float(try require(key), key: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.integer(try require(key), as: type, key: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.integer(try require(key), as: type, key: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.integer(try require(key), as: type, key: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.integer(try require(key), as: type, key: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.integer(try require(key), as: type, key: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.integer(try require(key), as: type, key: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.integer(try require(key), as: type, key: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.integer(try require(key), as: type, key: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.integer(try require(key), as: type, key: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.integer(try require(key), as: type, key: key) }

    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        try decoder.decode(type, from: try require(key), key: key)
    }

    // One search for a key that may be missing, where the protocol's defaults search up to three times.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key).map { try decoder.bool($0, key: key) } }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key).map { try decoder.string($0, key: key) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key).map { try decoder.double($0, key: key) } }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try present(key).map { try decoder.float($0, key: key) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key).map { try decoder.integer($0, as: type, key: key) } }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try present(key).map { try decoder.integer($0, as: type, key: key) } }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try present(key).map { try decoder.integer($0, as: type, key: key) } }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try present(key).map { try decoder.integer($0, as: type, key: key) } }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(key).map { try decoder.integer($0, as: type, key: key) } }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try present(key).map { try decoder.integer($0, as: type, key: key) } }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try present(key).map { try decoder.integer($0, as: type, key: key) } }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try present(key).map { try decoder.integer($0, as: type, key: key) } }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try present(key).map { try decoder.integer($0, as: type, key: key) } }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(key).map { try decoder.integer($0, as: type, key: key) } }

    func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        try present(key).map { try decoder.decode(type, from: $0, key: key) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: try require(key), parent: decoder, key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: try require(key), parent: decoder, key: key).unkeyedContainer()
    }

    /// As in Foundation, a missing key gives a decoder of null rather than an error.
    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: find(SuperCodingKey.super.stringValue) ?? .null, parent: decoder, key: SuperCodingKey.super)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: find(key.stringValue) ?? .null, parent: decoder, key: key)
    }
}

/// An array's items in order; a failed read leaves the container where it was, as in Foundation.
struct UnkeyedValueContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let decoder: ValueDecoder
    private(set) var currentIndex = 0

    init(items: [JSONValue], decoder: ValueDecoder) {
        self.items = items
        self.decoder = decoder
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private var key: IndexCodingKey { IndexCodingKey(currentIndex) }

    private func next(_ type: Any.Type) throws -> JSONValue {
        guard !isAtEnd else { throw decoder.notFound(type, key: key, "Unkeyed container is at end.") }
        return items[currentIndex]
    }

    /// Reads the next item and moves past it only when it was read.
    private mutating func read<Value>(_ type: Value.Type, _ convert: (ValueDecoder, JSONValue, IndexCodingKey) throws -> Value) throws -> Value {
        let value = try convert(decoder, try next(type), key)
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard case .null = try next(Any?.self) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try read(type) { try $0.bool($1, key: $2) } }
    mutating func decode(_ type: String.Type) throws -> String { try read(type) { try $0.string($1, key: $2) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try read(type) { try $0.double($1, key: $2) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try read(type) { try $0.float($1, key: $2) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try read(type) { try $0.integer($1, as: type, key: $2) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try read(type) { try $0.integer($1, as: type, key: $2) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try read(type) { try $0.integer($1, as: type, key: $2) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try read(type) { try $0.integer($1, as: type, key: $2) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try read(type) { try $0.integer($1, as: type, key: $2) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try read(type) { try $0.integer($1, as: type, key: $2) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try read(type) { try $0.integer($1, as: type, key: $2) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try read(type) { try $0.integer($1, as: type, key: $2) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try read(type) { try $0.integer($1, as: type, key: $2) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try read(type) { try $0.integer($1, as: type, key: $2) } }

    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try read(type) { try $0.decode(type, from: $1, key: $2) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try read(KeyedDecodingContainer<NestedKey>.self) { try ValueDecoder(value: $1, parent: $0, key: $2).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try read((any UnkeyedDecodingContainer).self) { try ValueDecoder(value: $1, parent: $0, key: $2).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        try read((any Decoder).self) { ValueDecoder(value: $1, parent: $0, key: $2) }
    }
}
