/// Reads a `Decodable` value from one value of a parsed document. The coding path is kept as a
/// link to the parent and built only when asked for (an error), not for every value, as
/// `NodeEncoder` does.
final class ValueDecoder: Decoder {
    let document: ParsedDocument
    /// The value's entry in the document.
    let index: Int
    private let parent: ValueDecoder?
    /// `NoCodingKey` for the document's value: an optional existential costs a runtime call to
    /// copy and to destroy, where a plain one of a key type does not.
    private let key: any CodingKey

    init(document: ParsedDocument, index: Int, parent: ValueDecoder? = nil, key: any CodingKey = NoCodingKey()) {
        self.document = document
        self.index = index
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] { path(NoCodingKey()) }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch document.entries[index].kind {
        case .object: return KeyedDecodingContainer(KeyedValueContainer<Key>(decoder: self))
        case .null: throw notFound(KeyedDecodingContainer<Key>.self, key: NoCodingKey(), "Cannot get keyed decoding container -- found null value instead")
        default: throw mismatch([String: Any].self, named: "Dictionary<String, Any>", index, key: NoCodingKey())
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch document.entries[index].kind {
        case .array: return UnkeyedValueContainer(decoder: self)
        case .null: throw notFound((any UnkeyedDecodingContainer).self, key: NoCodingKey(), "Cannot get unkeyed decoding container -- found null value instead")
        default: throw mismatch([Any].self, named: "Array<Any>", index, key: NoCodingKey())
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(decoder: self)
    }

    /// The value at `index`, nested in this one; plain values skip the child decoder.
    func decode<Value: Decodable, Key: CodingKey>(_ type: Value.Type, at index: Int, key: Key) throws -> Value {
        // Comparing types is free where a cast (`as? String`) is a runtime call.
        if Value.self == String.self { return unsafeBitCast(try string(at: index, key: key), to: Value.self) }
        if Value.self == Int.self { return unsafeBitCast(try integer(at: index, as: Int.self, key: key), to: Value.self) }
        if Value.self == Int64.self { return unsafeBitCast(try integer(at: index, as: Int64.self, key: key), to: Value.self) }
        if Value.self == Bool.self { return unsafeBitCast(try bool(at: index, key: key), to: Value.self) }
        if Value.self == Double.self { return unsafeBitCast(try double(at: index, key: key), to: Value.self) }
        if Value.self == [String].self { return unsafeBitCast(try strings(at: index, key: key), to: Value.self) }
        return try Value(from: ValueDecoder(document: document, index: index, parent: self, key: key))
    }

    /// A list of text (weekdays, roles) without a container per list; anything else takes the long
    /// way, which reports its fault as `Array` reports it.
    func strings<Key: CodingKey>(at index: Int, key: Key) throws -> [String] {
        let entry = document.entries[index]
        var strings: [String] = []
        if entry.kind == .array {
            strings.reserveCapacity(entry.payload)
            var item = index + 1
            while item < entry.end, let string = document.string(at: item) {
                strings.append(string)
                item = document.next(after: item)
            }
            if item == entry.end { return strings }
        }
        return try [String](from: ValueDecoder(document: document, index: index, parent: self, key: key))
    }

    func string<Key: CodingKey>(at index: Int, key: Key) throws -> String {
        guard let string = document.string(at: index) else { throw mismatch(String.self, named: "String", index, key: key) }
        return string
    }

    func bool<Key: CodingKey>(at index: Int, key: Key) throws -> Bool {
        let entry = document.entries[index]
        guard entry.kind == .bool else { throw mismatch(Bool.self, named: "Bool", index, key: key) }
        return entry.payload != 0
    }

    /// A number with a fraction or an exponent is read as Foundation reads it: as a `Double`, taken
    /// when it is a whole number the type can hold.
    func integer<Integer: FixedWidthInteger, Key: CodingKey>(at index: Int, as type: Integer.Type, key: Key) throws -> Integer {
        let entry = document.entries[index]
        let text: String
        switch entry.kind {
        case .integer:
            if let result = Integer(exactly: Int64(entry.payload)) { return result }
            text = String(entry.payload)
        case .unsigned:
            if let result = Integer(exactly: UInt64(UInt(bitPattern: entry.payload))) { return result }
            text = String(UInt(bitPattern: entry.payload))
        case .number:
            // Written without a fraction or an exponent, the number is -0 or beyond every integer
            // type: read as a double it could round into range, as Foundation does not let it.
            text = document.text(entry)
            let whole = !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
            if let double = Double(text), let result = Integer(exactly: double), !whole || double == 0 { return result }
        default:
            throw mismatch(Integer.self, named: "\(Integer.self)", index, key: key)
        }
        throw corrupted(key: key, "Parsed JSON number <\(text)> does not fit in \(Integer.self).")
    }

    func double<Key: CodingKey>(at index: Int, key: Key) throws -> Double {
        let entry = document.entries[index]
        switch entry.kind {
        case .integer: return Double(Int64(entry.payload))
        case .unsigned: return Double(UInt64(UInt(bitPattern: entry.payload)))
        case .number:
            let text = document.text(entry)
            guard let double = Double(text), double.isFinite else {
                throw corrupted(key: key, "Parsed JSON number <\(text)> does not fit in Double.")
            }
            return double
        default:
            throw mismatch(Double.self, named: "Double", index, key: key)
        }
    }

    func float<Key: CodingKey>(at index: Int, key: Key) throws -> Float {
        let double = try self.double(at: index, key: key)
        let float = Float(double)
        guard float.isFinite else { throw corrupted(key: key, "Parsed JSON number <\(double)> does not fit in Float.") }
        return float
    }

    /// The coding path to this value, then to `key` in it.
    func path<Key: CodingKey>(_ key: Key) -> [any CodingKey] {
        var path: [any CodingKey] = []
        if Key.self != NoCodingKey.self { path.append(key) }
        var current: ValueDecoder? = self
        while let decoder = current {
            if type(of: decoder.key) != NoCodingKey.self { path.append(decoder.key) }
            current = decoder.parent
        }
        path.reverse()
        return path
    }

    /// The type's name is given, not printed from the type: a caller that tries one kind of value
    /// and then another (a rule stored as text or as a message) meets this error on every read.
    func mismatch<Key: CodingKey>(_ type: Any.Type, named name: String, _ index: Int, key: Key) -> DecodingError {
        if document.entries[index].kind == .null {
            return notFound(type, key: key, "Cannot get value of type \(name) -- found null value instead")
        }
        return .typeMismatch(type, .init(codingPath: path(key), debugDescription: "Expected to decode \(name) but found \(document.kindDescription(at: index)) instead."))
    }

    func notFound<Key: CodingKey>(_ type: Any.Type, key: Key, _ description: String) -> DecodingError {
        .valueNotFound(type, .init(codingPath: path(key), debugDescription: description))
    }

    func corrupted<Key: CodingKey>(key: Key, _ description: String) -> DecodingError {
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

/// Stands for no key: a single value's own, or the document's at the top.
struct NoCodingKey: CodingKey {
    var stringValue: String { "" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: ValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.document.entries[decoder.index].kind == .null }

    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(at: decoder.index, key: NoCodingKey()) }
    func decode(_ type: String.Type) throws -> String { try decoder.string(at: decoder.index, key: NoCodingKey()) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.double(at: decoder.index, key: NoCodingKey()) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.float(at: decoder.index, key: NoCodingKey()) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(at: decoder.index, as: type, key: NoCodingKey()) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(at: decoder.index, as: type, key: NoCodingKey()) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(at: decoder.index, as: type, key: NoCodingKey()) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(at: decoder.index, as: type, key: NoCodingKey()) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(at: decoder.index, as: type, key: NoCodingKey()) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(at: decoder.index, as: type, key: NoCodingKey()) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(at: decoder.index, as: type, key: NoCodingKey()) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(at: decoder.index, as: type, key: NoCodingKey()) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(at: decoder.index, as: type, key: NoCodingKey()) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(at: decoder.index, as: type, key: NoCodingKey()) }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        if Value.self == String.self { return unsafeBitCast(try decoder.string(at: decoder.index, key: NoCodingKey()), to: Value.self) }
        if Value.self == [String].self { return unsafeBitCast(try decoder.strings(at: decoder.index, key: NoCodingKey()), to: Value.self) }
        return try Value(from: decoder)
    }
}
