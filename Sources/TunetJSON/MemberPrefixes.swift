/// What goes before each member of an object once its members are in key order: the separator,
/// the member's line, its key and the colon. Objects of one type come one after another at the same
/// depth, so those of the last object are kept, and written again as they are when the next object
/// has the same keys: each key is escaped once, not once per object.
struct MemberPrefixes {
    private var keys: [String] = []
    private var indent = -1
    /// Positions into the keys, in the order their members are written.
    private(set) var order: [Int] = []
    private var rendered: [UInt8] = []
    /// Where the prefix of each place in `order` ends in `rendered`.
    private var ends: [Int] = []

    /// Makes the prefixes those of an object with `keys` whose closing brace is indented by `indent`.
    mutating func prepare(for keys: ArraySlice<String>, indent: Int, layout: JSONLayout) {
        guard indent != self.indent || !Self.same(keys, self.keys) else { return }
        self.keys = Array(keys)
        self.indent = indent
        order = MemberOrder.sortedPositions(self.keys)
        var output = JSONOutput(capacity: 256)
        ends.removeAll(keepingCapacity: true)
        for (place, position) in order.enumerated() {
            layout.appendMemberSeparator(to: &output, isFirst: place == 0, indent: indent + 2)
            output.appendJSONString(self.keys[position])
            layout.appendKeySeparator(to: &output)
            ends.append(output.count)
        }
        rendered = output.makeArray()
    }

    func appendPrefix(ofPlace place: Int, to output: inout JSONOutput) {
        rendered.withUnsafeBytes { rendered in
            output.append(UnsafeRawBufferPointer(rebasing: rendered[(place == 0 ? 0 : ends[place - 1])..<ends[place]]))
        }
    }

    private static func same(_ keys: ArraySlice<String>, _ other: [String]) -> Bool {
        guard keys.count == other.count else { return false }
        var index = keys.startIndex
        for key in other {
            guard key.hasSameBytes(as: keys[index]) else { return false }
            index += 1
        }
        return true
    }
}
