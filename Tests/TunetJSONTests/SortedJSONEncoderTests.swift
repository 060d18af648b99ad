import Foundation
import Testing
import TunetDomain
@testable import TunetJSON

/// Tunet's encoder must write exactly what Foundation's JSONEncoder writes with sorted keys and
/// unescaped slashes, so that audit snapshots, `--json` output and API responses keep their text.
@Suite("Sorted JSON encoding matches Foundation byte for byte")
struct SortedJSONEncoderTests {
    private func expectSame<Value: Encodable>(_ value: Value, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for pretty in [false, true] {
            let ours = try SortedJSONEncoder(style: pretty ? .pretty : .compact).encode(value)
            let theirs = try foundationBytes(value, pretty: pretty)
            #expect(ours == theirs, sourceLocation: sourceLocation)
        }
    }

    struct Farm: Encodable {
        var name = "Lia gård"
        var organisationNumber = "974760673"
        var contact: String? = nil
        var email: String? = "post@lia.no"
        var places = 6
        var weekdays: [String] = ["mon", "wed"]
        var prices: [String: Int] = ["day": 145_000, "transport": 25_000, "extra": 0]
        var notes: [String] = []
        var ratings: [String: Double] = [:]
        var share = 0.25
        var active = true
    }

    /// A summary that adds derived fields to the object its model wrote, as ProviderView does.
    struct Summary: Encodable {
        var farm = Farm()
        var state = "approved"
        var due: String? = nil
        enum Keys: String, CodingKey { case state = "approval_state", due = "external_audit_due" }
        func encode(to encoder: Encoder) throws {
            try farm.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(state, forKey: .state)
            try container.encode(due, forKey: .due)
        }
    }

    @Test("a model with optionals, lists, maps, empty containers and a summary written in two passes")
    func models() throws {
        try expectSame(Farm())
        try expectSame([Summary(), Summary(farm: Farm(contact: "Kari", notes: ["a"]), state: "expired", due: "2027-01-01")])
        try expectSame([Summary]())
        try expectSame([[Int]()])
        try expectSame(["empty": [String: Int]()])
    }

    @Test("text with quotes, backslashes, slashes, every control character and characters beyond ASCII")
    func strings() throws {
        let controls = String(String.UnicodeScalarView((0..<32).compactMap(Unicode.Scalar.init)))
        try expectSame(["text": "a/b \"c\" \\d " + controls + " \u{7f} é Ø 😀 \u{2028}\u{2029} ﬁ"])
        try expectSame("a top-level string")
    }

    @Test("numbers: integers at their limits, and doubles as Foundation prints them")
    func numbers() throws {
        try expectSame([Int.min, Int.max, 0, -1])
        try expectSame([UInt64.max])
        try expectSame([Int8.min])
        try expectSame([2.0, 0.1, -0.0, 1e21, 1.5e-7, 1.2345678901234568e17, 0.3333333333333333, 1e-300, .leastNonzeroMagnitude])
        try expectSame([Float(0.1), Float(2.5), Float(1e30)])
    }

    @Test("keys sort by their bytes, digits and capitals first, letters beyond ASCII last; a key set twice keeps its last value")
    func keyOrder() throws {
        try expectSame(["b": 1, "B": 2, "a": 3, "é": 4, "aa": 5, "a_b": 6, "10": 7, "9": 8, "": 9])
        try expectSame([3: "c", 1: "a", 20: "b"])
        struct Twice: Encodable {
            enum Keys: String, CodingKey { case value }
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(1, forKey: .value)
                try container.encode(2, forKey: .value)
            }
        }
        try expectSame(Twice())
    }

    @Test("nested containers and super encoders")
    func nested() throws {
        struct Parent: Encodable {
            enum Keys: String, CodingKey { case child, list, plain }
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                var child = container.nestedContainer(keyedBy: Keys.self, forKey: .child)
                try child.encode("x", forKey: .plain)
                var list = container.nestedUnkeyedContainer(forKey: .list)
                try list.encode(1)
                try list.encodeNil()
                var inner = list.nestedContainer(keyedBy: Keys.self)
                try inner.encode(true, forKey: .plain)
                var deeper = list.nestedUnkeyedContainer()
                try deeper.encode("y")
                try container.encode(Optional<Int>.none, forKey: .plain)
                var parent = container.superEncoder().singleValueContainer()
                try parent.encode("super")
            }
        }
        try expectSame(Parent())
    }

    /// A day, a code and a wrapper of them write one value each through a single-value container, as
    /// LocalDate and the domain's codes do; optionals of them and of plain values are null or the value.
    struct Day: Encodable {
        var text = "2026-12-04"
        func encode(to encoder: Encoder) throws {
            var single = encoder.singleValueContainer()
            try single.encode(text)
        }
    }

    struct Wrapped<Inner: Encodable>: Encodable {
        var inner: Inner
        func encode(to encoder: Encoder) throws {
            var single = encoder.singleValueContainer()
            try single.encode(inner)
        }
    }

    struct Silent: Encodable {
        func encode(to encoder: Encoder) throws {}
    }

    struct Optionals: Encodable {
        var name: String? = "Lia"
        var none: String? = nil
        var count: Int? = 3
        var noCount: Int? = nil
        var flag: Bool? = false
        var noFlag: Bool? = nil
        var day: Day? = Day()
        var noDay: Day? = nil
        var farm: Farm? = Farm()
        var wrappedFarm = Wrapped(inner: Farm())
        var wrappedDays = Wrapped(inner: [Day(), Day(text: "2027-01-01")])
        var twice = Wrapped(inner: Wrapped(inner: Day()))
        var wrappedNil = Wrapped<String?>(inner: nil)
        var silent = Silent()
        var wrappedSilent = Wrapped(inner: Silent())
    }

    @Test("optionals and values written through single-value containers, nested and wrapped, as Foundation writes them")
    func singleValues() throws {
        try expectSame(Optionals())
        try expectSame([Optionals(name: nil, count: nil, flag: nil, day: nil, farm: nil)])
        try expectSame([Day(), Day(text: "x")])
        try expectSame([String?.none, "a", nil])
        try expectSame([Int?.none, 1])
        try expectSame(Wrapped(inner: Wrapped(inner: ["a": Day()])))
        try expectSame(Wrapped(inner: Silent()))
    }

    @Test("a value that is not a number is refused with its path, as Foundation refuses it")
    func notANumber() throws {
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode(["share": Double.nan]) }
        #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode([Double.infinity]) }
        do {
            _ = try SortedJSONEncoder().encode(["farms": [["share": Double.nan]]])
            Issue.record("NaN was encoded")
        } catch EncodingError.invalidValue(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["farms", "Index 0", "share"])
        }
    }

    /// Random documents of every shape, compared with Foundation: a property, not a handful of cases.
    @Test("five hundred random documents encode as Foundation encodes them")
    func randomDocuments() throws {
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<500 {
            try expectSame(Document.random(depth: 0, using: &generator))
        }
    }
}

/// A JSON document of any shape, encoded through single-value containers as a wrapper type would.
indirect enum Document: Encodable {
    case null, bool(Bool), integer(Int), double(Double), string(String)
    case array([Document]), object([String: Document])

    private static let words = ["a", "B", "æøå", "id", "date", "dag", "10", "9", "a b", "\"q\"", "x/y", "\n", "é", "😀", ""]

    static func random(depth: Int, using generator: inout SplitMix64) -> Document {
        switch generator.next() % (depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(generator.next() % 2 == 0)
        case 2: return .integer(Int(truncatingIfNeeded: generator.next()) >> Int(generator.next() % 64))
        case 3: return .double(Double(Int64(truncatingIfNeeded: generator.next()) % 1_000_000) / Double(1 + generator.next() % 1000))
        case 4: return .string((0..<Int(generator.next() % 4)).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined())
        case 5: return .array((0..<Int(generator.next() % 5)).map { _ in random(depth: depth + 1, using: &generator) })
        default:
            var members: [String: Document] = [:]
            for _ in 0..<Int(generator.next() % 6) {
                members[words[Int(generator.next() % UInt64(words.count))] + words[Int(generator.next() % UInt64(words.count))]] = random(depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }

    func encode(to encoder: Encoder) throws {
        var single = encoder.singleValueContainer()
        switch self {
        case .null: try single.encodeNil()
        case .bool(let value): try single.encode(value)
        case .integer(let value): try single.encode(value)
        case .double(let value): try single.encode(value)
        case .string(let value): try single.encode(value)
        case .array(let value): try single.encode(value)
        case .object(let value): try single.encode(value)
        }
    }
}
