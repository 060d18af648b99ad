/// An encoded value before it is written out. Objects and arrays are reference boxes because
/// `Encodable` implementations fill a container after asking for it, and may ask for the same
/// keyed container twice (a summary adds its derived fields to the object its model wrote).
enum JSONNode {
    /// A string, a number, a truth value or null: written as the stream writes it.
    case plain(PlainValue)
    case array(JSONArray)
    case object(JSONObject)
    /// A super encoder's value, read when written: it may be any kind of value, known only later.
    case deferred(NodeEncoder)

    static var null: JSONNode { .plain(.null) }
    static func bool(_ value: Bool) -> JSONNode { .plain(.bool(value)) }
    static func integer(_ value: Int64) -> JSONNode { .plain(.integer(value)) }
    static func unsigned(_ value: UInt64) -> JSONNode { .plain(.unsigned(value)) }
    static func double(_ value: Double) -> JSONNode { .plain(.double(value)) }
    static func float(_ value: Float) -> JSONNode { .plain(.float(value)) }
    static func string(_ value: String) -> JSONNode { .plain(.string(value)) }
}

final class JSONArray {
    var items: [JSONNode] = []
}

final class JSONObject {
    var keys: [String]
    var values: [JSONNode]

    /// Room for a typical record's fields at once, instead of growing one by one.
    init() {
        keys = []
        values = []
        keys.reserveCapacity(8)
        values.reserveCapacity(8)
    }

    func set(_ key: String, _ value: JSONNode) {
        keys.append(key)
        values.append(value)
    }
}
