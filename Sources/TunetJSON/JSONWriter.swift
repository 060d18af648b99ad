/// Writes a `JSONNode` tree, sorting each object's members as it goes.
struct JSONWriter: ~Copyable {
    private let layout: JSONLayout
    private(set) var output = JSONOutput()
    private var memberOrder = MemberOrder()

    init(pretty: Bool) {
        layout = JSONLayout(pretty: pretty)
    }

    mutating func write(_ node: JSONNode, indent: Int) {
        switch node {
        case .plain(let value): output.appendJSON(value)
        case .array(let array): writeArray(array.items, indent: indent)
        case .object(let object): writeObject(object, indent: indent)
        case .deferred(let encoder): write(encoder.node ?? .object(JSONObject()), indent: indent)
        }
    }

    private mutating func writeArray(_ items: [JSONNode], indent: Int) {
        writeContainer(open: "[", close: "]", count: items.count, indent: indent) { writer, position in
            writer.write(items[position], indent: indent + 2)
        }
    }

    private mutating func writeObject(_ object: JSONObject, indent: Int) {
        let order = memberOrder.positions(of: object.keys[...])
        writeContainer(open: "{", close: "}", count: order.count, indent: indent) { writer, position in
            writer.output.appendJSONString(object.keys[order[position]])
            writer.layout.appendKeySeparator(to: &writer.output)
            writer.write(object.values[order[position]], indent: indent + 2)
        }
    }

    /// Brackets around `count` members, one per line when pretty.
    private mutating func writeContainer(open: Unicode.Scalar, close: Unicode.Scalar, count: Int, indent: Int,
                                         member: (inout JSONWriter, Int) -> Void) {
        output.append(UInt8(ascii: open))
        if count == 0 {
            layout.appendEmptyContainerInside(to: &output, indent: indent)
        } else {
            for position in 0..<count {
                layout.appendMemberSeparator(to: &output, isFirst: position == 0, indent: indent + 2)
                member(&self, position)
            }
            layout.appendClosingLine(to: &output, indent: indent)
        }
        output.append(UInt8(ascii: close))
    }
}
