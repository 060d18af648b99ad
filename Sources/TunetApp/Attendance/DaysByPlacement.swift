import TunetDomain

/// A month's stored days looked up by placement, as runs of one array. The stores return days in
/// placement order, so each placement's days are one run and are handed out as a slice of it: grouping
/// them into a dictionary of arrays copied every day of a national month once more and grew ten
/// thousand arrays, on the invoice basis's one thread (BENCHMARKS.md, "2026-12-05, afternoon").
struct DaysByPlacement {
    private let days: [StoredAttendance]
    private let runs: [Int64: Range<Int>]

    init(_ days: [StoredAttendance]) {
        // Days in another order are put in it first; within a placement they keep the order they came in.
        let ordered = days.isInPlacementOrder ? days : days.enumerated()
            .sorted { ($0.element.entry.placementId, $0.offset) < ($1.element.entry.placementId, $1.offset) }.map(\.element)
        var runs: [Int64: Range<Int>] = [:]
        var start = ordered.startIndex
        while start < ordered.endIndex {
            let placement = ordered[start].entry.placementId
            var end = start + 1
            while end < ordered.endIndex && ordered[end].entry.placementId == placement { end += 1 }
            runs[placement] = start..<end
            start = end
        }
        self.days = ordered
        self.runs = runs
    }

    /// The placement's days, in the order they came; none when it has none.
    subscript(placement: Int64) -> ArraySlice<StoredAttendance> {
        runs[placement].map { days[$0] } ?? []
    }
}

private extension [StoredAttendance] {
    var isInPlacementOrder: Bool {
        indices.dropFirst().allSatisfy { self[$0 - 1].entry.placementId <= self[$0].entry.placementId }
    }
}
