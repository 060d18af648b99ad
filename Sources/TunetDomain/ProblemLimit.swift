/// How many problems one answer lists. A file can break a rule on every one of a million rows; an
/// answer that named each would take longer to write and read than the file took to send. The first
/// problems are listed in full and the rest are only counted, by field, so that the answer stays small
/// and quick whatever the file, and still says how many more there were and where.
public enum ProblemLimit {
    /// Problems listed in full unless configured otherwise (`TUNET_PROBLEM_LIMIT`).
    public static let standard = 1_000
    /// What may be configured: at least one problem is always listed.
    public static let allowed = 1...100_000
}

/// The problems beyond the limit, counted by field (`status`, `date`, `column 7`), never kept.
public struct ProblemsNotShown: Equatable, Sendable {
    public private(set) var byField: [String: Int] = [:]
    /// True when they are about rows of a file, whose columns a person reads by name.
    public private(set) var inFile = false

    public init(byField: [String: Int] = [:], inFile: Bool = false) {
        // Every row of a file checked starts with none: no need to go through them.
        self.byField = byField.isEmpty ? byField : byField.filter { $0.value > 0 }
        self.inFile = inFile
    }

    public var isEmpty: Bool { byField.isEmpty }
    public var total: Int { byField.values.reduce(0, +) }

    public mutating func count(_ problem: FieldProblem) {
        byField[problem.field, default: 0] += 1
        if problem.row != nil { inFile = true }
    }

    public mutating func add(_ other: ProblemsNotShown) {
        for (field, count) in other.byField { byField[field, default: 0] += count }
        inFile = inFile || other.inFile
    }

    /// The fields, the most frequent first (then by name, so the order is always the same).
    public var fieldsByCount: [(field: String, count: Int)] {
        byField.map { (field: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.field < $1.field }
    }

    /// "and 398 512 more problems: 398 000 in status, 512 in date".
    public var message: Message {
        let kinds = fieldsByCount.map { entry in
            MessageValue.message(Message("error.problems_not_shown.field", [
                "count": .integer(entry.count), "field": FieldProblem.fieldValue(entry.field, inFile: inFile)]))
        }
        return Message("error.problems_not_shown", ["count": .integer(total), "fields": .list(kinds)])
    }
}
