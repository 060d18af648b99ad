/// The `Encoder` a value writes itself to in a streaming encode: a handle on the value's place in the
/// stream, small enough to be passed as `any Encoder` without a heap allocation.
struct StreamingEncoder: Encoder {
    let stream: JSONStream
    let handle: JSONStream.Handle

    var codingPath: [any CodingKey] { stream.codingPath(of: handle) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        stream.openObject(of: handle)
        return KeyedEncodingContainer(StreamingKeyedContainer<Key>(stream: stream, handle: handle))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        stream.openArray(of: handle)
        return StreamingUnkeyedContainer(stream: stream, handle: handle)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamingSingleValueContainer(stream: stream, handle: handle)
    }
}

private struct StreamingSingleValueContainer: SingleValueEncodingContainer {
    let stream: JSONStream
    let handle: JSONStream.Handle
    var codingPath: [any CodingKey] { stream.codingPath(of: handle) }

    mutating func encodeNil() throws { try stream.writeSingle(.null, as: handle) }
    mutating func encode(_ value: Bool) throws { try stream.writeSingle(.bool(value), as: handle) }
    mutating func encode(_ value: String) throws { try stream.writeSingle(.string(value), as: handle) }
    mutating func encode(_ value: Double) throws { try write(.double(value)) }
    mutating func encode(_ value: Float) throws { try write(.float(value)) }
    mutating func encode(_ value: Int) throws { try stream.writeSingle(.integer(Int64(value)), as: handle) }
    mutating func encode(_ value: Int8) throws { try stream.writeSingle(.integer(Int64(value)), as: handle) }
    mutating func encode(_ value: Int16) throws { try stream.writeSingle(.integer(Int64(value)), as: handle) }
    mutating func encode(_ value: Int32) throws { try stream.writeSingle(.integer(Int64(value)), as: handle) }
    mutating func encode(_ value: Int64) throws { try stream.writeSingle(.integer(value), as: handle) }
    mutating func encode(_ value: UInt) throws { try stream.writeSingle(.unsigned(UInt64(value)), as: handle) }
    mutating func encode(_ value: UInt8) throws { try stream.writeSingle(.unsigned(UInt64(value)), as: handle) }
    mutating func encode(_ value: UInt16) throws { try stream.writeSingle(.unsigned(UInt64(value)), as: handle) }
    mutating func encode(_ value: UInt32) throws { try stream.writeSingle(.unsigned(UInt64(value)), as: handle) }
    mutating func encode(_ value: UInt64) throws { try stream.writeSingle(.unsigned(value), as: handle) }
    mutating func encode<Value: Encodable>(_ value: Value) throws { try stream.writeSingle(value, as: handle) }

    private func write(_ number: PlainValue) throws {
        try stream.requireFinite(number, in: handle, key: nil)
        try stream.writeSingle(number, as: handle)
    }
}
