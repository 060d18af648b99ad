import Foundation
import Testing
@testable import TunetJSON

/// Text Swift calls equal may be other bytes (é as one character, or as e and an accent). A key is
/// written as its bytes, and what one object wrote must never be taken for the next one's.
@Suite("Keys and counts are what Foundation writes, byte for byte")
struct StreamedKeyBytesTests {
    private func expectStreamedAsFoundation<Value: Encodable>(_ value: Value, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for style in [SortedJSONEncoder.Style.compact, .pretty] {
            let encoder = SortedJSONEncoder(style: style)
            #expect(try encoder.encodeNotingRoute(value).route == .streamed, "\(style)", sourceLocation: sourceLocation)
            #expect(try encoder.encode(value) == (try foundationBytes(value, pretty: style == .pretty)), "\(style)", sourceLocation: sourceLocation)
            #expect(try encoder.encodeAsTree(value) == (try foundationBytes(value, pretty: style == .pretty)), "\(style) as a tree",
                    sourceLocation: sourceLocation)
        }
    }

    @Test("an object after one whose key is the same text in other bytes writes its own key")
    func sameTextOtherBytes() throws {
        try expectStreamedAsFoundation([["\u{E9}": 1], ["e\u{301}": 2]])
        try expectStreamedAsFoundation([["e\u{301}": 2], ["\u{E9}": 1]])
        try expectStreamedAsFoundation([["\u{E9}": 1, "f": 2], ["e\u{301}": 1, "f": 2]])
        try expectStreamedAsFoundation([["Å\u{30A}sen": ["\u{C5}sen": 1]], ["\u{C5}sen": ["A\u{30A}sen": 2]]])
    }

    /// Holds the list a value is written in, so that the value can ask the list its count.
    final class ListHolder: @unchecked Sendable {
        var list: (any UnkeyedEncodingContainer)?
    }

    struct CountedElement: Encodable {
        let holder: ListHolder
        func encode(to encoder: Encoder) throws {
            var single = encoder.singleValueContainer()
            try single.encode(holder.list?.count ?? -1)
        }
    }

    struct ListOfCounts: Encodable {
        func encode(to encoder: Encoder) throws {
            var list = encoder.unkeyedContainer()
            let holder = ListHolder()
            holder.list = list
            try list.encode(CountedElement(holder: holder))
            try list.encode(CountedElement(holder: holder))
            var nested = list.nestedUnkeyedContainer()
            try nested.encode(list.count)
        }
    }

    @Test("a list's count, asked while one of its values is written, does not count that value yet; a nested container counts")
    func countWhileAnElementIsWritten() throws {
        try expectStreamedAsFoundation(ListOfCounts())
        #expect(try SortedJSONEncoder().encodeToString(ListOfCounts()) == "[0,1,[3]]")
    }
}
