/// Calendar days, by day number, as one bit each from the first: every reported day is looked up in
/// its placement's planned days, and a hashed set cost more than the check it served (BENCHMARKS.md).
public struct DayNumberSet: Sendable {
    private let first: Int
    private let bits: [UInt64]

    /// The days from `first` to `last` for which `isMember` holds.
    public init(from first: Int, to last: Int, where isMember: (Int) -> Bool) {
        self.first = first
        var bits = Self.emptyBits(from: first, to: last)
        if first <= last {
            for day in first...last where isMember(day) { Self.insert(day, first, &bits) }
        }
        self.bits = bits
    }

    public init(_ days: some Sequence<Int>) {
        let sorted = days.sorted()
        first = sorted.first ?? 0
        var bits = Self.emptyBits(from: first, to: sorted.last ?? -1)
        for day in sorted { Self.insert(day, first, &bits) }
        self.bits = bits
    }

    private static func emptyBits(from first: Int, to last: Int) -> [UInt64] {
        [UInt64](repeating: 0, count: last < first ? 0 : (last - first) / 64 + 1)
    }

    private static func insert(_ day: Int, _ first: Int, _ bits: inout [UInt64]) {
        bits[(day - first) >> 6] |= 1 << UInt64((day - first) & 63)
    }

    public func contains(_ day: Int) -> Bool {
        let offset = day &- first
        guard offset >= 0, offset < bits.count &* 64 else { return false }
        return bits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }

    public var count: Int { bits.reduce(0) { $0 + $1.nonzeroBitCount } }
}
