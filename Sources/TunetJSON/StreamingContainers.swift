/// A keyed container of a streaming encode: the value's object (or a nested one) in the stream.
struct StreamingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let stream: JSONStream
    let handle: JSONStream.Handle
    var codingPath: [any CodingKey] { stream.codingPath(of: handle) }

    mutating func encodeNil(forKey key: Key) throws { try stream.writeMember(key.stringValue, .null, in: handle) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try stream.writeMember(key.stringValue, .bool(value), in: handle) }
    mutating func encode(_ value: String, forKey key: Key) throws { try stream.writeMember(key.stringValue, .string(value), in: handle) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try write(.double(value), forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try write(.float(value), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try stream.writeMember(key.stringValue, .integer(Int64(value)), in: handle) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try stream.writeMember(key.stringValue, .integer(Int64(value)), in: handle) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try stream.writeMember(key.stringValue, .integer(Int64(value)), in: handle) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try stream.writeMember(key.stringValue, .integer(Int64(value)), in: handle) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try stream.writeMember(key.stringValue, .integer(value), in: handle) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try stream.writeMember(key.stringValue, .unsigned(UInt64(value)), in: handle) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try stream.writeMember(key.stringValue, .unsigned(UInt64(value)), in: handle) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try stream.writeMember(key.stringValue, .unsigned(UInt64(value)), in: handle) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try stream.writeMember(key.stringValue, .unsigned(UInt64(value)), in: handle) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try stream.writeMember(key.stringValue, .unsigned(value), in: handle) }
    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws { try stream.writeMember(value, forKey: key, in: handle) }

    private func write(_ number: PlainValue, forKey key: Key) throws {
        try stream.requireFinite(number, in: handle, key: key)
        try stream.writeMember(key.stringValue, number, in: handle)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(StreamingKeyedContainer<NestedKey>(stream: stream, handle: stream.openNestedObject(forKey: key, in: handle)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        StreamingUnkeyedContainer(stream: stream, handle: stream.openNestedArray(forKey: key, in: handle))
    }

    /// A super encoder's value may be written at any time later, which a stream cannot follow.
    mutating func superEncoder() -> any Encoder {
        stream.abandon()
        return StreamingEncoder(stream: stream, handle: .abandoned)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder()
    }
}

/// An unkeyed container of a streaming encode: the value's array (or a nested one) in the stream.
struct StreamingUnkeyedContainer: UnkeyedEncodingContainer {
    let stream: JSONStream
    let handle: JSONStream.Handle
    var codingPath: [any CodingKey] { stream.codingPath(of: handle) }
    var count: Int { stream.elementCount(of: handle) }

    mutating func encodeNil() throws { try stream.writeElement(.null, in: handle) }
    mutating func encode(_ value: Bool) throws { try stream.writeElement(.bool(value), in: handle) }
    mutating func encode(_ value: String) throws { try stream.writeElement(.string(value), in: handle) }
    mutating func encode(_ value: Double) throws { try write(.double(value)) }
    mutating func encode(_ value: Float) throws { try write(.float(value)) }
    mutating func encode(_ value: Int) throws { try stream.writeElement(.integer(Int64(value)), in: handle) }
    mutating func encode(_ value: Int8) throws { try stream.writeElement(.integer(Int64(value)), in: handle) }
    mutating func encode(_ value: Int16) throws { try stream.writeElement(.integer(Int64(value)), in: handle) }
    mutating func encode(_ value: Int32) throws { try stream.writeElement(.integer(Int64(value)), in: handle) }
    mutating func encode(_ value: Int64) throws { try stream.writeElement(.integer(value), in: handle) }
    mutating func encode(_ value: UInt) throws { try stream.writeElement(.unsigned(UInt64(value)), in: handle) }
    mutating func encode(_ value: UInt8) throws { try stream.writeElement(.unsigned(UInt64(value)), in: handle) }
    mutating func encode(_ value: UInt16) throws { try stream.writeElement(.unsigned(UInt64(value)), in: handle) }
    mutating func encode(_ value: UInt32) throws { try stream.writeElement(.unsigned(UInt64(value)), in: handle) }
    mutating func encode(_ value: UInt64) throws { try stream.writeElement(.unsigned(value), in: handle) }
    mutating func encode<Value: Encodable>(_ value: Value) throws { try stream.writeElement(value, in: handle) }

    private func write(_ number: PlainValue) throws {
        try stream.requireFinite(number, in: handle, key: IndexKey(count))
        try stream.writeElement(number, in: handle)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(StreamingKeyedContainer<NestedKey>(stream: stream, handle: stream.openNestedObject(in: handle)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        StreamingUnkeyedContainer(stream: stream, handle: stream.openNestedArray(in: handle))
    }

    /// A super encoder's value may be written at any time later, which a stream cannot follow.
    mutating func superEncoder() -> any Encoder {
        stream.abandon()
        return StreamingEncoder(stream: stream, handle: .abandoned)
    }
}
