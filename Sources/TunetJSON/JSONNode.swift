/// An encoded value before it is written out. Objects and arrays are reference boxes because
/// `Encodable` implementations fill a container after asking for it, and may ask for the same
/// keyed container twice (a summary adds its derived fields to the object its model wrote).
enum JSONNode {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsigned(UInt64)
    case double(Double)
    case float(Float)
    case string(String)
    case array(JSONArray)
    case object(JSONObject)
    /// A super encoder's value, read when written: it may be any kind of value, known only later.
    case deferred(NodeEncoder)
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
