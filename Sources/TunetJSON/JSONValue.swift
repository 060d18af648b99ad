/// A parsed JSON value, read by `ValueDecoder`. Numbers that are plain integers are converted once,
/// when parsed; any other number keeps its text, so that each type asked for reads it as its own
/// parser would (a `Double` from the text is correctly rounded, as Foundation's is).
enum JSONValue {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsigned(UInt64)
    /// A number with a fraction or an exponent, an integer beyond `UInt64`, or `-0`.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in the document's order, a key written twice kept twice: readers take the last.
    case object([JSONMember])

    /// How Foundation names a value's kind in a type mismatch.
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .integer, .unsigned, .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "dictionary"
        }
    }
}

struct JSONMember {
    let key: String
    let value: JSONValue
}
