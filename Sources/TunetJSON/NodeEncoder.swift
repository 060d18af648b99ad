/// Builds a `JSONNode` tree from `Encodable` values. The coding path is kept as a link to the
/// parent and built only when asked for (an error message), not for every value.
final class NodeEncoder: Encoder {
    private let parent: NodeEncoder?
    private let key: (any CodingKey)?
    var node: JSONNode?

    init(parent: NodeEncoder? = nil, key: (any CodingKey)? = nil) {
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var current: NodeEncoder? = self
        while let encoder = current {
            if let key = encoder.key { path.append(key) }
            current = encoder.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer<Key>(object: object(), encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(array: array(), encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }

    private func object() -> JSONObject {
        if case .object(let existing)? = node { return existing }
        let object = JSONObject()
        node = .object(object)
        return object
    }

    private func array() -> JSONArray {
        if case .array(let existing)? = node { return existing }
        let array = JSONArray()
        node = .array(array)
        return array
    }

    /// The node for a nested value; plain values skip the child encoder.
    func encodeNested<Value: Encodable>(_ value: Value, key: (any CodingKey)?) throws -> JSONNode {
        if let plain = try plainNode(value, key: key) { return plain }
        let child = NodeEncoder(parent: self, key: key)
        try value.encode(to: child)
        // Foundation writes a value that asked for no container as an empty object.
        return child.node ?? .object(JSONObject())
    }

    /// The node of a plain value (a string, a number, a truth value, or one of these optional), without
    /// an encoder of its own; nil for any other value.
    func plainNode<Value: Encodable>(_ value: Value, key: (any CodingKey)?) throws -> JSONNode? {
        guard let plain = PlainValue(value) else { return nil }
        switch plain {
        case .double(let value): return try checked(value, key: key)
        case .float(let value): return try checked(value, key: key)
        default: return .plain(plain)
        }
    }

    func checked(_ float: Float, key: (any CodingKey)?) throws -> JSONNode {
        try requireFinite(Double(float), key: key)
        return .float(float)
    }

    func checked(_ double: Double, key: (any CodingKey)?) throws -> JSONNode {
        try requireFinite(double, key: key)
        return .double(double)
    }

    private func requireFinite(_ value: Double, key: (any CodingKey)?) throws {
        guard value.isFinite else {
            throw EncodingError.nonFiniteNumber(value, codingPath: codingPath + (key.map { [$0] } ?? []))
        }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONObject
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws { object.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { object.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { object.set(key.stringValue, try encoder.checked(value, key: key)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { object.set(key.stringValue, try encoder.checked(value, key: key)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { object.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { object.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { object.set(key.stringValue, .integer(Int64(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.set(key.stringValue, .integer(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { object.set(key.stringValue, .unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { object.set(key.stringValue, .unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { object.set(key.stringValue, .unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { object.set(key.stringValue, .unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { object.set(key.stringValue, .unsigned(value)) }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        object.set(key.stringValue, try encoder.encodeNested(value, key: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        object.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, encoder: NodeEncoder(parent: encoder, key: key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArray()
        object.set(key.stringValue, .array(nested))
        return UnkeyedContainer(array: nested, encoder: NodeEncoder(parent: encoder, key: key))
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: SuperKey.super) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(forKey: key as any CodingKey) }

    private func superEncoder(forKey key: any CodingKey) -> any Encoder {
        let child = NodeEncoder(parent: encoder, key: key)
        object.set(key.stringValue, .deferred(child))
        return child
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let array: JSONArray
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { array.items.count }

    mutating func encodeNil() throws { array.items.append(.null) }
    mutating func encode(_ value: Bool) throws { array.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { array.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { array.items.append(try encoder.checked(value, key: IndexKey(count))) }
    mutating func encode(_ value: Float) throws { array.items.append(try encoder.checked(value, key: IndexKey(count))) }
    mutating func encode(_ value: Int) throws { array.items.append(.integer(Int64(value))) }
    mutating func encode(_ value: Int64) throws { array.items.append(.integer(value)) }
    mutating func encode(_ value: UInt64) throws { array.items.append(.unsigned(value)) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        array.items.append(try encoder.encodeNested(value, key: IndexKey(count)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        let child = NodeEncoder(parent: encoder, key: IndexKey(count))
        array.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, encoder: child))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArray()
        let child = NodeEncoder(parent: encoder, key: IndexKey(count))
        array.items.append(.array(nested))
        return UnkeyedContainer(array: nested, encoder: child)
    }

    mutating func superEncoder() -> any Encoder {
        let child = NodeEncoder(parent: encoder, key: IndexKey(count))
        array.items.append(.deferred(child))
        return child
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node = .null }
    mutating func encode(_ value: Bool) throws { encoder.node = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.node = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.node = try encoder.checked(value, key: nil) }
    mutating func encode(_ value: Float) throws { encoder.node = try encoder.checked(value, key: nil) }
    mutating func encode(_ value: Int) throws { encoder.node = .integer(Int64(value)) }
    mutating func encode(_ value: Int8) throws { encoder.node = .integer(Int64(value)) }
    mutating func encode(_ value: Int16) throws { encoder.node = .integer(Int64(value)) }
    mutating func encode(_ value: Int32) throws { encoder.node = .integer(Int64(value)) }
    mutating func encode(_ value: Int64) throws { encoder.node = .integer(value) }
    mutating func encode(_ value: UInt) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.node = .unsigned(value) }

    /// A single value is this encoder's whole value: one that asks for a container of its own fills
    /// this encoder's, without a child between them.
    mutating func encode<Value: Encodable>(_ value: Value) throws {
        if let plain = try encoder.plainNode(value, key: nil) {
            encoder.node = plain
            return
        }
        try value.encode(to: encoder)
        // Foundation writes a value that asked for no container as an empty object.
        if case .none = encoder.node { encoder.node = .object(JSONObject()) }
    }
}
