import Foundation
import Testing
import TunetDomain
@testable import TunetJSON

/// `SortedJSONEncoder` writes a value out as it is encoded, and builds a tree only for values that use
/// their containers in an order a stream cannot follow. Either way the bytes are Foundation's.
@Suite("Streaming encoding writes what the tree encoder writes, and falls back to it only when it must")
struct StreamingEncoderTests {
    private static let styles: [SortedJSONEncoder.Style] = [.compact, .pretty]

    /// Streamed, not rebuilt, and the same bytes the tree encoder writes.
    private func expectStreamed<Value: Encodable>(_ value: Value, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for style in Self.styles {
            let encoder = SortedJSONEncoder(style: style)
            let streamed = try encoder.encodeStreaming(value)
            #expect(streamed != nil, "\(style) was not streamed", sourceLocation: sourceLocation)
            #expect(streamed == (try encoder.encodeAsTree(value)), "\(style)", sourceLocation: sourceLocation)
            #expect(try encoder.encodeNotingRoute(value).route == .streamed, sourceLocation: sourceLocation)
        }
    }

    /// Streamed, and what Foundation writes.
    private func expectStreamedAsFoundation<Value: Encodable>(_ value: Value, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectStreamed(value, sourceLocation: sourceLocation)
        try expectFoundationBytes(value, sourceLocation: sourceLocation)
    }

    /// Given up as a stream, encoded as a tree, and what Foundation writes.
    private func expectFallback<Value: Encodable>(_ value: Value, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for style in Self.styles {
            #expect(try SortedJSONEncoder(style: style).encodeNotingRoute(value).route == .tree, "\(style)", sourceLocation: sourceLocation)
        }
        try expectFoundationBytes(value, sourceLocation: sourceLocation)
    }

    private func expectFoundationBytes<Value: Encodable>(_ value: Value, sourceLocation: SourceLocation) throws {
        for style in Self.styles {
            let ours = try SortedJSONEncoder(style: style).encode(value)
            #expect(ours == (try foundationBytes(value, pretty: style == .pretty)), "\(style)", sourceLocation: sourceLocation)
        }
    }

    enum Keys: String, CodingKey { case first, second, early, late }

    // MARK: What a stream cannot follow

    /// Writes into a nested container after a sibling of it was written in its parent.
    struct NestedWrittenAfterSibling: Encodable {
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var first = container.nestedContainer(keyedBy: Keys.self, forKey: .first)
            try first.encode(1, forKey: .early)
            try container.encode("sibling", forKey: .second)
            try first.encode(2, forKey: .late)
        }
    }

    /// Opens two nested objects, then writes into the first.
    struct NestedWrittenAfterSiblingOpened: Encodable {
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var first = container.nestedContainer(keyedBy: Keys.self, forKey: .first)
            var second = container.nestedContainer(keyedBy: Keys.self, forKey: .second)
            try second.encode(2, forKey: .early)
            try first.encode(1, forKey: .late)
        }
    }

    /// Writes into a nested array after a later element of the outer array.
    struct NestedElementWrittenAfterSibling: Encodable {
        func encode(to encoder: Encoder) throws {
            var list = encoder.unkeyedContainer()
            var inner = list.nestedUnkeyedContainer()
            try inner.encode(1)
            try list.encode("sibling")
            try inner.encode(2)
        }
    }

    /// A nested value that, while it is being encoded, runs what its parent gave it.
    struct Intruding: Encodable {
        let intrude: () throws -> Void
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("inner", forKey: .early)
            try intrude()
            try container.encode("inner again", forKey: .late)
        }
    }

    /// Writes into its own object while a member of it is still being encoded: through its encoder,
    /// or through the container it holds.
    struct WrittenDuringMember: Encodable {
        let throughEncoder: Bool
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .first)
            let outer = container
            try container.encode(Intruding {
                var late = throughEncoder ? encoder.container(keyedBy: Keys.self) : outer
                try late.encode(2, forKey: .late)
            }, forKey: .second)
        }
    }

    /// Appends to its own array while an element of it is still being encoded.
    struct AppendedDuringElement: Encodable {
        func encode(to encoder: Encoder) throws {
            var list = encoder.unkeyedContainer()
            try list.encode(1)
            let outer = list
            try list.encode(Intruding {
                var late = outer
                try late.encode(2)
            })
            try list.encode(3)
        }
    }

    /// Super encoders of an object and of an array, one written after later members, one never written.
    struct SuperEncoders: Encodable {
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .first)
            let base = container.superEncoder()
            var keyed = container.superEncoder(forKey: .second).unkeyedContainer()
            try keyed.encode(true)
            var list = container.nestedUnkeyedContainer(forKey: .late)
            try list.encode(1)
            let element = list.superEncoder()
            try list.encode(3)
            _ = list.superEncoder()
            var single = element.singleValueContainer()
            try single.encode("written after its successor")
            var baseObject = base.container(keyedBy: Keys.self)
            try baseObject.encode("base", forKey: .early)
        }
    }

    /// Partly writes itself, then fails.
    struct Failing: Encodable {
        struct Failure: Error {}
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("half", forKey: .early)
            throw Failure()
        }
    }

    /// Carries on past a member that failed, and past a number JSON cannot write.
    struct Forgiving: Encodable {
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .first)
            try? container.encode(Failing(), forKey: .second)
            try? container.encode(Double.nan, forKey: .early)
            try container.encode(2, forKey: .late)
        }
    }

    @Test("a nested container written after a sibling of it is encoded as a tree, as Foundation writes it")
    func nestedWrittenLate() throws {
        try expectFallback(NestedWrittenAfterSibling())
        try expectFallback(NestedWrittenAfterSiblingOpened())
        try expectFallback(NestedElementWrittenAfterSibling())
        try expectFallback(["list": [NestedWrittenAfterSibling()]])
    }

    @Test("an outer container written while an inner value is encoded is encoded as a tree, as Foundation writes it")
    func outerWrittenDuringInner() throws {
        try expectFallback(WrittenDuringMember(throughEncoder: true))
        try expectFallback(WrittenDuringMember(throughEncoder: false))
        try expectFallback(AppendedDuringElement())
    }

    @Test("super encoders of objects and arrays are encoded as a tree, as Foundation writes them")
    func superEncoders() throws {
        try expectFallback(SuperEncoders())
        try expectFallback([SuperEncoders(), SuperEncoders()])
    }

    @Test("a failure caught by the value that asked for it is encoded as a tree, as Foundation writes it")
    func caughtFailure() throws {
        try expectFallback(Forgiving())
        #expect(throws: Failing.Failure.self) { try SortedJSONEncoder().encode(["a": [Failing()]]) }
    }

    // MARK: The same bytes as the tree

    @Test("five hundred random documents stream to the tree encoder's bytes, compact and pretty")
    func randomDocuments() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            try expectStreamed(Document.random(depth: 0, using: &generator))
        }
    }

    /// Objects and arrays in turn, `depth` deep, with plain siblings at every level, deeper than the
    /// indentation kept ready.
    private func deeplyNested(_ depth: Int) -> Document {
        var document = Document.object(["leaf": .string("bottom"), "empty": .array([]), "none": .object([:])])
        for level in 0..<depth {
            document = level.isMultiple(of: 2)
                ? .array([.integer(level), document, .string("after \(level)")])
                : .object(["z\(level)": .bool(true), "m": document, "a\(level)": .null])
        }
        return document
    }

    @Test("deeply nested objects and arrays stream to the tree encoder's bytes, compact and pretty")
    func deepNesting() throws {
        try expectStreamed(deeplyNested(3))
        try expectStreamedAsFoundation(deeplyNested(40))
        try expectStreamed(deeplyNested(150))
    }

    // MARK: Ordinary values stream

    /// As `ProviderView`: the provider's fields and, through a second container, derived ones.
    struct ProviderSummary: Encodable {
        var provider: Provider
        var approvalState = ApprovalState.valid
        var externalAuditDue = LocalDate(year: 2027, month: 6, day: 1)
        var insuranceState = InsuranceState.unknown
        var municipalityName: String? = "Bodø"

        enum DerivedKeys: String, CodingKey {
            case approvalState = "approval_state", externalAuditDue = "external_audit_due"
            case insuranceState = "insurance_state", municipalityName = "municipality_name"
        }

        func encode(to encoder: Encoder) throws {
            try provider.encode(to: encoder)
            var derived = encoder.container(keyedBy: DerivedKeys.self)
            try derived.encode(approvalState, forKey: .approvalState)
            try derived.encode(externalAuditDue, forKey: .externalAuditDue)
            try derived.encode(insuranceState, forKey: .insuranceState)
            try derived.encode(municipalityName, forKey: .municipalityName)
        }
    }

    @Test("a provider with optionals, dates, lists of codes and derived keys from a second container streams")
    func providers() throws {
        let provider = try JSONDecoder().decode(Provider.self, from: Data(JSONDocumentRecordTests.provider.utf8))
        var bare = provider
        bare.contactPerson = nil
        bare.iptApprovalDate = nil
        bare.statusReason = nil
        try expectStreamedAsFoundation(provider)
        try expectStreamedAsFoundation([ProviderSummary(provider: provider), ProviderSummary(provider: bare, externalAuditDue: nil, municipalityName: nil)])
        try expectStreamedAsFoundation(["providers": [ProviderSummary(provider: provider)]])
    }

    @Test("models, wrappers and optionals of the encoder's own tests stream")
    func models() throws {
        try expectStreamed(SortedJSONEncoderTests.Farm())
        try expectStreamed([SortedJSONEncoderTests.Summary(), SortedJSONEncoderTests.Summary(due: "2027-01-01")])
        try expectStreamed(SortedJSONEncoderTests.Optionals())
        try expectStreamed(SortedJSONEncoderTests.Wrapped(inner: SortedJSONEncoderTests.Silent()))
        try expectStreamed([[Int]]())
        try expectStreamed("a top-level string")
        try expectStreamed(Int?.none)
    }

    /// Asks for its keyed container twice, and writes through both in turn, setting keys of the other.
    struct TwoContainers: Encodable {
        enum OtherKeys: String, CodingKey { case first, second }
        func encode(to encoder: Encoder) throws {
            var first = encoder.container(keyedBy: Keys.self)
            try first.encode(1, forKey: .first)
            try first.encode(["x"], forKey: .second)
            var second = encoder.container(keyedBy: OtherKeys.self)
            try second.encode("replaced", forKey: .second)
            try first.encode(3, forKey: .late)
            try second.encode(Int?.none, forKey: .first)
            var nested = first.nestedContainer(keyedBy: Keys.self, forKey: .early)
            try nested.encode(4, forKey: .early)
        }
    }

    @Test("a keyed container asked for twice, with keys set in both, streams as one object where the last value of a key wins")
    func twoContainers() throws {
        try expectStreamedAsFoundation(TwoContainers())
        try expectStreamedAsFoundation([TwoContainers(), TwoContainers()])
    }

    /// Writes the coding path it is encoded at, as its encoder and its containers report it.
    struct PathReport: Encodable {
        func encode(to encoder: Encoder) throws {
            let path = encoder.codingPath.map(\.stringValue).joined(separator: "/")
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(path, forKey: .first)
            try container.encode(container.codingPath.count, forKey: .second)
            var nested = container.nestedUnkeyedContainer(forKey: .early)
            try nested.encode(nested.codingPath.map(\.stringValue).joined(separator: "/"))
            var deeper = nested.nestedContainer(keyedBy: Keys.self)
            try deeper.encode(deeper.codingPath.map(\.stringValue).joined(separator: "/"), forKey: .late)
        }
    }

    @Test("coding paths are what Foundation reports, wherever they are asked for")
    func codingPaths() throws {
        try expectStreamedAsFoundation(PathReport())
        try expectStreamedAsFoundation(["list": [PathReport(), PathReport()]])
        try expectStreamedAsFoundation(["map": [["deep": PathReport()]]])
        try expectStreamedAsFoundation([SortedJSONEncoderTests.Wrapped(inner: PathReport())])
    }
}

extension StreamingEncoderTests {
    /// A record with a nested object of the same keys, and one with a nested object of other keys.
    struct Level: Encodable {
        var b = 1
        var a: [String: Int]? = ["b": 2, "a": 3]
        var nested: [Level] = []
    }

    @Test("objects of the same keys at different depths, and objects of different keys in turn, each keep their own order")
    func keysAtDepths() throws {
        try expectStreamedAsFoundation([Level(nested: [Level(a: nil), Level()]), Level(a: ["z": 0])])
        let inner = Document.object(["b": .integer(1), "a": .integer(2)])
        try expectStreamedAsFoundation(Document.array([inner, .object(["a": inner]), .object(["c": .integer(3), "b": inner, "a": inner])]))
    }
}
