public enum Weekday: Int, CaseIterable, Sendable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The short English code used in files and JSON: mon, tue, ...
    public var code: String {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue - 1]
    }

    public var norwegianShort: String {
        ["man", "tir", "ons", "tor", "fre", "lør", "søn"][rawValue - 1]
    }

    /// The short name a person reads: "man" in bokmål, "mon" in English (`rules.weekday.mon`).
    public var label: Message { Message("rules.weekday.\(code)") }
    public var labelValue: MessageValue { .message(label) }

    static let names: [String: Weekday] = {
        var names: [String: Weekday] = [:]
        let spellings: [[String]] = [
            ["mon", "monday", "mo", "man", "mandag", "ma"],
            ["tue", "tuesday", "tu", "tir", "tirsdag", "ti"],
            ["wed", "wednesday", "we", "ons", "onsdag", "on"],
            ["thu", "thursday", "th", "tor", "torsdag", "to"],
            ["fri", "friday", "fr", "fre", "fredag"],
            ["sat", "saturday", "sa", "lør", "lor", "lørdag", "lordag", "lø"],
            ["sun", "sunday", "su", "søn", "son", "søndag", "sondag", "sø"],
        ]
        for (index, words) in spellings.enumerated() {
            for word in words { names[word] = Weekday(rawValue: index + 1)! }
        }
        return names
    }()

    /// English or Norwegian, full or abbreviated, any case.
    public init?(name: String) {
        guard let day = Weekday.names[name.trimmingWhitespace().lowercased()] else { return nil }
        self = day
    }
}

/// The weekdays a farm is open or a participant attends.
public struct WeekdaySet: Hashable, Sendable, Sequence {
    public private(set) var days: Set<Weekday>

    public init<S: Sequence>(_ days: S) where S.Element == Weekday { self.days = Set(days) }

    public static let workdays = WeekdaySet([.monday, .tuesday, .wednesday, .thursday, .friday])

    public var isEmpty: Bool { days.isEmpty }
    public func contains(_ day: Weekday) -> Bool { days.contains(day) }
    public func isSubset(of other: WeekdaySet) -> Bool { days.isSubset(of: other.days) }
    public func makeIterator() -> IndexingIterator<[Weekday]> { days.sorted().makeIterator() }

    /// `mon,tue,fri` — the stored and exported form.
    public var codes: String { map(\.code).joined(separator: ",") }

    /// For people: runs of three or more days as a range, `mon-fri`, `mon,wed,fri`, `tue-thu,sat`.
    public var display: String {
        var parts: [String] = []
        var run: [Weekday] = []
        func flush() {
            if run.count >= 3 {
                parts.append("\(run.first!.code)-\(run.last!.code)")
            } else {
                parts += run.map(\.code)
            }
            run.removeAll()
        }
        for day in self {
            if let last = run.last, last.rawValue + 1 != day.rawValue { flush() }
            run.append(day)
        }
        flush()
        return parts.joined(separator: ",")
    }

    /// For people, in the reader's language: runs of three or more days as a range, the others as a list
    /// ("man–fre", "man, ons og fre" in bokmål; "mon–fri", "mon, wed and fri" in English).
    public var label: Message {
        var parts: [MessageValue] = []
        var run: [Weekday] = []
        func flush() {
            if run.count >= 3 {
                parts.append(.message(Message("rules.weekday.range", ["first": run.first!.labelValue, "last": run.last!.labelValue])))
            } else {
                parts += run.map(\.labelValue)
            }
            run.removeAll()
        }
        for day in self {
            if let last = run.last, last.rawValue + 1 != day.rawValue { flush() }
            run.append(day)
        }
        flush()
        return Message("rules.weekday.set", ["days": .list(parts)])
    }

    public var labelValue: MessageValue { .message(label) }

    /// Accepts lists and ranges in English or Norwegian: `mon,wed`, `man tir`, `mon-fri`, `man–fre`.
    public static func parse(_ raw: String) -> Result<WeekdaySet, FieldReason> {
        let text = raw.trimmingWhitespace()
        guard !text.isEmpty else { return .failure(FieldReason(Message("rules.weekday.required"))) }
        var days = Set<Weekday>()
        let separators: Set<Character> = [",", ";", " ", "/", "+", "|"]
        for token in text.split(whereSeparator: { separators.contains($0) }) {
            let bounds = token.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" }).map(String.init)
            if bounds.count == 2, let first = Weekday(name: bounds[0]), let last = Weekday(name: bounds[1]) {
                guard first <= last else {
                    return .failure(FieldReason("rules.weekday.backwards", ["range": .text(String(token))]))
                }
                for raw in first.rawValue...last.rawValue { days.insert(Weekday(rawValue: raw)!) }
            } else if bounds.count == 1, let day = Weekday(name: bounds[0]) {
                days.insert(day)
            } else {
                return .failure(FieldReason("rules.weekday.unknown", ["text": .text(String(token))]))
            }
        }
        guard !days.isEmpty else { return .failure(FieldReason(Message("rules.weekday.required"))) }
        return .success(WeekdaySet(days))
    }
}

extension WeekdaySet: Codable {
    public init(from decoder: Decoder) throws {
        let codes = try decoder.singleValueContainer().decode([String].self)
        self.init(codes.compactMap(Weekday.init(name:)))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(map(\.code))
    }
}
