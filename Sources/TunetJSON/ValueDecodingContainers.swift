/// An object's members by key. A record has a handful of keys, for which a linear search is
/// faster than hashing; a key written twice reads its first value, as in Foundation.
struct KeyedValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: ValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] { decoder.document.keys(ofObjectAt: decoder.index).compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { find(key.stringValue) != nil }

    private func find(_ name: String) -> Int? {
        decoder.document.member(named: name, inObjectAt: decoder.index)
    }

    private func require(_ key: Key) throws -> Int {
        guard let value = find(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return value
    }

    /// The key's value, or nil when it is missing or null.
    private func present(_ key: Key) -> Int? {
        guard let index = find(key.stringValue), decoder.document.entries[index].kind != .null else { return nil }
        return index
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        decoder.document.entries[try require(key)].kind == .null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool(at: try require(key), key: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string(at: try require(key), key: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.double(at: try require(key), key: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.float(at: try require(key), key: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.integer(at: try require(key), as: type, key: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.integer(at: try require(key), as: type, key: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.integer(at: try require(key), as: type, key: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.integer(at: try require(key), as: type, key: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.integer(at: try require(key), as: type, key: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.integer(at: try require(key), as: type, key: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.integer(at: try require(key), as: type, key: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.integer(at: try require(key), as: type, key: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.integer(at: try require(key), as: type, key: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.integer(at: try require(key), as: type, key: key) }

    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        try decoder.decode(type, at: try require(key), key: key)
    }

    // One search for a key that may be missing, where the protocol's defaults search up to three times.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key).map { try decoder.bool(at: $0, key: key) } }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key).map { try decoder.string(at: $0, key: key) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key).map { try decoder.double(at: $0, key: key) } }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try present(key).map { try decoder.float(at: $0, key: key) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key).map { try decoder.integer(at: $0, as: type, key: key) } }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try present(key).map { try decoder.integer(at: $0, as: type, key: key) } }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try present(key).map { try decoder.integer(at: $0, as: type, key: key) } }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try present(key).map { try decoder.integer(at: $0, as: type, key: key) } }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try present(key).map { try decoder.integer(at: $0, as: type, key: key) } }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try present(key).map { try decoder.integer(at: $0, as: type, key: key) } }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try present(key).map { try decoder.integer(at: $0, as: type, key: key) } }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try present(key).map { try decoder.integer(at: $0, as: type, key: key) } }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try present(key).map { try decoder.integer(at: $0, as: type, key: key) } }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try present(key).map { try decoder.integer(at: $0, as: type, key: key) } }

    func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        try present(key).map { try decoder.decode(type, at: $0, key: key) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(document: decoder.document, index: try require(key), parent: decoder, key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(document: decoder.document, index: try require(key), parent: decoder, key: key).unkeyedContainer()
    }

    /// As in Foundation, a missing key gives a decoder of null rather than an error.
    func superDecoder() throws -> any Decoder {
        superDecoder(at: find(SuperCodingKey.super.stringValue), key: SuperCodingKey.super)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        superDecoder(at: find(key.stringValue), key: key)
    }

    private func superDecoder(at index: Int?, key: any CodingKey) -> any Decoder {
        guard let index else { return ValueDecoder(document: .null, index: 0, parent: decoder, key: key) }
        return ValueDecoder(document: decoder.document, index: index, parent: decoder, key: key)
    }
}

/// An array's items in order; a failed read leaves the container where it was, as in Foundation.
struct UnkeyedValueContainer: UnkeyedDecodingContainer {
    let decoder: ValueDecoder
    private(set) var currentIndex = 0
    /// The current item's entry in the document.
    private var position: Int

    init(decoder: ValueDecoder) {
        self.decoder = decoder
        position = decoder.index + 1
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { decoder.document.entries[decoder.index].payload }
    var isAtEnd: Bool { currentIndex >= decoder.document.entries[decoder.index].payload }

    private var key: IndexCodingKey { IndexCodingKey(currentIndex) }

    private func next(_ type: Any.Type) throws -> Int {
        guard !isAtEnd else { throw decoder.notFound(type, key: key, "Unkeyed container is at end.") }
        return position
    }

    private mutating func advance() {
        position = decoder.document.next(after: position)
        currentIndex += 1
    }

    /// Reads the next item and moves past it only when it was read.
    private mutating func read<Value>(_ type: Value.Type, _ convert: (ValueDecoder, Int, IndexCodingKey) throws -> Value) throws -> Value {
        let value = try convert(decoder, try next(type), key)
        advance()
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard decoder.document.entries[try next(Any?.self)].kind == .null else { return false }
        advance()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try read(type) { try $0.bool(at: $1, key: $2) } }
    mutating func decode(_ type: String.Type) throws -> String { try read(type) { try $0.string(at: $1, key: $2) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try read(type) { try $0.double(at: $1, key: $2) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try read(type) { try $0.float(at: $1, key: $2) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try read(type) { try $0.integer(at: $1, as: type, key: $2) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try read(type) { try $0.integer(at: $1, as: type, key: $2) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try read(type) { try $0.integer(at: $1, as: type, key: $2) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try read(type) { try $0.integer(at: $1, as: type, key: $2) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try read(type) { try $0.integer(at: $1, as: type, key: $2) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try read(type) { try $0.integer(at: $1, as: type, key: $2) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try read(type) { try $0.integer(at: $1, as: type, key: $2) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try read(type) { try $0.integer(at: $1, as: type, key: $2) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try read(type) { try $0.integer(at: $1, as: type, key: $2) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try read(type) { try $0.integer(at: $1, as: type, key: $2) } }

    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try read(type) { try $0.decode(type, at: $1, key: $2) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try read(KeyedDecodingContainer<NestedKey>.self) { try ValueDecoder(document: $0.document, index: $1, parent: $0, key: $2).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try read((any UnkeyedDecodingContainer).self) { try ValueDecoder(document: $0.document, index: $1, parent: $0, key: $2).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        try read((any Decoder).self) { ValueDecoder(document: $0.document, index: $1, parent: $0, key: $2) }
    }
}
