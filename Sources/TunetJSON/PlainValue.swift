/// A value written without a container of its own: a string, a number, a truth value or null.
enum PlainValue {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsigned(UInt64)
    case double(Double)
    case float(Float)
    case string(String)

    /// The plain form of a string, an `Int`, a truth value, a `Double`, or one of the first three
    /// optional; nil for any other value. Comparing types is free where a cast (`as? String`) is a
    /// runtime call, and most nested values are not plain ones.
    init?<Value: Encodable>(_ value: borrowing Value) {
        if Value.self == String.self { self = .string(unsafeBitCast(value, to: String.self)) }
        else if Value.self == Int.self { self = .integer(Int64(unsafeBitCast(value, to: Int.self))) }
        else if Value.self == Bool.self { self = .bool(unsafeBitCast(value, to: Bool.self)) }
        else if Value.self == Double.self { self = .double(unsafeBitCast(value, to: Double.self)) }
        else if Value.self == String?.self { self = unsafeBitCast(value, to: String?.self).map(PlainValue.string) ?? .null }
        else if Value.self == Int?.self { self = unsafeBitCast(value, to: Int?.self).map { .integer(Int64($0)) } ?? .null }
        else if Value.self == Bool?.self { self = unsafeBitCast(value, to: Bool?.self).map(PlainValue.bool) ?? .null }
        else { return nil }
    }

    /// The number, as a `Double`, when it is one that JSON cannot write (not a number, or infinite).
    var nonFiniteNumber: Double? {
        switch self {
        case .double(let value) where !value.isFinite: value
        case .float(let value) where !value.isFinite: Double(value)
        default: nil
        }
    }
}

extension EncodingError {
    /// Foundation's refusal of a number that JSON cannot write, naming where it was met.
    static func nonFiniteNumber(_ value: Double, codingPath: [any CodingKey]) -> EncodingError {
        .invalidValue(value, .init(codingPath: codingPath, debugDescription: "Unable to encode \(value) directly in JSON."))
    }
}
