/// The order in which an object's members are written: by key, comparing UTF-8 bytes as Foundation
/// sorts. A key set twice keeps its last value, as in Foundation.
struct MemberOrder {
    private var lastKeys: [String] = []
    private var lastPositions: [Int] = []

    /// Positions into `keys` (counted from its start) in the order to write them. A list holds
    /// objects of one type one after another, so the last order found is tried first.
    mutating func positions(of keys: ArraySlice<String>) -> [Int] {
        if !lastKeys.elementsEqual(keys, by: { $0.hasSameBytes(as: $1) }) {
            lastKeys = Array(keys)
            lastPositions = Self.sortedPositions(lastKeys)
        }
        return lastPositions
    }

    /// Positions into `keys` in the order to write them.
    static func sortedPositions(_ keys: [String]) -> [Int] {
        let sorted = keys.indices.sorted { left, right in
            let l = keys[left], r = keys[right]
            if l == r { return left < right }
            return l.utf8.lexicographicallyPrecedes(r.utf8)
        }
        var result: [Int] = []
        result.reserveCapacity(sorted.count)
        for index in sorted {
            if let last = result.last, keys[last] == keys[index] {
                result[result.count - 1] = index
            } else {
                result.append(index)
            }
        }
        return result
    }
}

extension String {
    /// Whether the two are the same bytes. Swift's `==` also calls text equal that is written with
    /// other bytes (é as one character, or as e and an accent), but a JSON key is its bytes.
    /// The same value of a string (the same literal, as a type's coding keys give each time) is the
    /// same bytes, which is nearly always the case and settled without reading them.
    func hasSameBytes(as other: String) -> Bool {
        if unsafeBitCast(self, to: (UInt64, UInt64).self) == unsafeBitCast(other, to: (UInt64, UInt64).self) { return true }
        var mine = self, theirs = other
        return mine.withUTF8 { mine in theirs.withUTF8 { theirs in mine.elementsEqual(theirs) } }
    }
}
