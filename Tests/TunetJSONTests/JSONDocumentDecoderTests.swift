import Foundation
import Testing
import TunetDomain
@testable import TunetJSON

/// Tunet's decoder must read every document Tunet stores as Foundation's JSONDecoder reads it, and
/// refuse what Foundation refuses, so that switching a call site changes its speed and nothing else.
@Suite("JSON documents decode as Foundation decodes them")
struct JSONDocumentDecoderTests {
    struct Everything: Codable, Equatable {
        enum Colour: String, Codable { case red, green }
        enum Size: Int, Codable { case small = 1, large = 2 }
        struct Inner: Codable, Equatable {
            var name: String
            var tags: [String]
            var score: Double?
        }

        var flag: Bool
        var text: String
        var int: Int
        var int8: Int8
        var int16: Int16
        var int32: Int32
        var int64: Int64
        var uint: UInt
        var uint8: UInt8
        var uint16: UInt16
        var uint32: UInt32
        var uint64: UInt64
        var double: Double
        var float: Float
        var colour: Colour
        var size: Size
        var missing: String?
        var null: Int?
        var inner: Inner
        var list: [Inner]
        var matrix: [[Int]]
        var map: [String: Int]
        var optionals: [String?]
    }

    @Test("a value of every kind: booleans, text, every integer type, doubles, enums, optionals, nested objects, lists and maps")
    func everyKind() throws {
        let outcome = expectSame(Everything.self, """
            {"flag": true, "text": "Lia gård", "int": -42, "int8": -128, "int16": 32767, "int32": -2147483648,
             "int64": 9223372036854775807, "uint": 18446744073709551615, "uint8": 255, "uint16": 65535,
             "uint32": 4294967295, "uint64": 18446744073709551615, "double": -1.5e-7, "float": 0.1,
             "colour": "green", "size": 2, "null": null,
             "inner": {"name": "a", "tags": [], "score": 3},
             "list": [{"name": "b", "tags": ["x", "y"]}, {"name": "c", "tags": ["z"], "score": null}],
             "matrix": [[], [1], [2, 3]], "map": {"b": 1, "a": 2, "": 3}, "optionals": ["a", null, "b"]}
            """)
        guard case .value = outcome else { Issue.record("Foundation refused the document: \(outcome)"); return }
    }

    @Test("text with every escape, surrogate pairs, escaped and raw characters beyond ASCII, and NUL")
    func strings() {
        expectSame([String].self, #"["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u00C5\u2028", "\ud83d\ude00", "\u0000", "é Ø å 😀 ﬁ", "", "a\u0062c"]"#)
        expectSame(String.self, #""a top-level string""#)
        expectSame([String: String].self, #"{"k\u00e9y": "v", "ké": "raw"}"#)
    }

    @Test("numbers: integers at the limits of their types, doubles written every way, and integers read as doubles")
    func numbers() throws {
        expectSame([Int64].self, "[-9223372036854775808, 9223372036854775807, 0, -0, 1]")
        expectSame([UInt64].self, "[18446744073709551615, 0]")
        expectSame([Double].self, "[0.1, 1e21, 1E+2, 2.5e-3, -0.0, -0, 0, 123456789012345678901234567890, 1.7976931348623157e308, 5e-324, 9007199254740993]")
        expectSame([Float].self, "[0.1, 3.4028235e38, 1]")
        expectSame(Double.self, "-12.5")
        #expect(try JSONDocumentDecoder().decode(Double.self, from: "-0").sign == .minus)
        expectSame([Int].self, "[1.0, 2e2, 1E0]")
    }

    /// Foundation reports these at the top of the document; the decoder names the number's place.
    @Test("numbers a type cannot hold are refused as Foundation refuses them, at the number's coding path")
    func numbersOutOfRange() {
        func expectRefused<Value: Decodable & Equatable>(_ type: Value.Type, _ json: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(foundation([Value].self, Array(json.utf8)).isFailure, sourceLocation: sourceLocation)
            #expect(ours([Value].self, Array(json.utf8)) == .failure(kind: "dataCorrupted", path: ["Index 0"]), sourceLocation: sourceLocation)
        }
        expectRefused(Int8.self, "[128]")
        expectRefused(UInt.self, "[-1]")
        expectRefused(Int.self, "[1.5]")
        expectRefused(Int.self, "[1e100]")
        expectRefused(Int64.self, "[9223372036854775808]")
        expectRefused(Int64.self, "[-9223372036854775809]")
        expectRefused(UInt64.self, "[18446744073709551616]")
        expectRefused(Double.self, "[1e400]")
        expectRefused(Float.self, "[1e39]")
    }

    @Test("empty containers, deep nesting, whitespace everywhere and values at the top level")
    func shapes() {
        expectSame([[String: [Int]]].self, "[{}, {\"a\": []}]")
        expectSame([[[[[[Int]]]]]].self, "[[[[[[1]]]]]]")
        expectSame([String: [String: Int]].self, " \t\r\n{ \"a\" : { \"b\" : 1 } , \"c\" : { } } \n")
        expectSame(Int.self, "7")
        expectSame(AnyJSON.self, "\u{FEFF}[1, {\"a\": null}]")
        expectSame(AnyJSON.self, #"{"a": [true, false, null, 1.5, "x", {"b": []}], "c": {}}"#)
        expectSame(Bool.self, "false")
        expectSame(Int?.self, "null")
        expectSame([Int?].self, "[null, 1]")
    }

    struct Record: Codable, Equatable {
        var id: Int64
        var name: String
        var note: String?
        var children: [Record]?
    }

    @Test("a missing key is nil for an optional and keyNotFound for a required value; null for a required value is valueNotFound")
    func missingAndNull() {
        #expect(expectSame(Record.self, #"{"id": 1, "name": "a"}"#) == .value(Record(id: 1, name: "a")))
        #expect(expectSame(Record.self, #"{"id": 1, "name": "a", "note": null, "children": null}"#) == .value(Record(id: 1, name: "a")))
        #expect(expectSame(Record.self, #"{"id": 1}"#) == .failure(kind: "keyNotFound", path: ["name"]))
        #expect(expectSame(Record.self, #"{"id": 1, "name": null}"#) == .failure(kind: "valueNotFound", path: ["name"]))
        #expect(expectSame(Record.self, #"{"id": 1, "name": "a", "children": [{"id": 2, "name": "b"}, {"id": 3}]}"#).isFailure)
    }

    @Test("maps keyed by numbers written as text, and by enums")
    func keyedMaps() {
        expectSame([Int: String].self, #"{"1": "a", "20": "b", "-3": "c"}"#)
        expectSame([Int: String].self, #"{"x": "a"}"#)
        expectSame([String: [String: Double]].self, #"{"a": {"b": 0.5}}"#)
    }

    @Test("a document is read the same from an array of bytes, a slice, Data, a String or its UTF-8 view")
    func inputs() throws {
        let json = #"{"id": 7, "name": "Lia gård"}"#
        let expected = Record(id: 7, name: "Lia gård")
        let decoder = JSONDocumentDecoder()
        #expect(try decoder.decode(Record.self, from: Array(json.utf8)) == expected)
        #expect(try decoder.decode(Record.self, from: Array(("  " + json).utf8).dropFirst(2)) == expected)
        #expect(try decoder.decode(Record.self, from: Data(json.utf8)) == expected)
        #expect(try decoder.decode(Record.self, from: json) == expected)
        #expect(try decoder.decode(Record.self, from: json.utf8) == expected)
        #expect(try decoder.decode(Record.self, from: "[\(json)]".dropFirst().dropLast().utf8) == expected)
        #expect(try decoder.decode(Record.self, from: BytesWithoutContiguousStorage(json.utf8)) == expected)
    }

    /// Bytes without contiguous storage, which the decoder copies first.
    struct BytesWithoutContiguousStorage: Collection {
        let bytes: [UInt8]
        init(_ utf8: String.UTF8View) { bytes = Array(utf8) }
        var startIndex: Int { bytes.startIndex }
        var endIndex: Int { bytes.endIndex }
        subscript(position: Int) -> UInt8 { bytes[position] }
        func index(after index: Int) -> Int { index + 1 }
    }

    @Test("a key written twice reads its first value, as in Foundation")
    func duplicateKeys() {
        #expect(expectSame(Record.self, #"{"id": 1, "name": "first", "id": 2, "name": "last"}"#) == .value(Record(id: 1, name: "first")))
        expectSame([String: Int].self, #"{"a": 1, "a": 2}"#)
    }

    @Test("a value of the wrong kind is a type mismatch at its coding path")
    func typeMismatches() {
        #expect(expectSame(Record.self, #"{"id": "1", "name": "a"}"#) == .failure(kind: "typeMismatch", path: ["id"]))
        #expect(expectSame(Record.self, #"{"id": 1, "name": "a", "children": [{"id": 2, "name": 3}]}"#) == .failure(kind: "typeMismatch", path: ["children", "Index 0", "name"]))
        #expect(expectSame([Int].self, #"[1, "2"]"#) == .failure(kind: "typeMismatch", path: ["Index 1"]))
        #expect(expectSame([Bool].self, "[1]").isFailure)
        #expect(expectSame([String].self, "{}").isFailure)
        #expect(expectSame(Record.self, "[]").isFailure)
        #expect(expectSame(Everything.Colour.self, #""blue""#).isFailure)
        #expect(expectSame(String.self, "1") == .failure(kind: "typeMismatch", path: []))
        #expect(expectSame(Record.self, "null") == .failure(kind: "valueNotFound", path: []))
        #expect(expectSame([Record].self, #"[{"id": 1, "name": "a"}, null]"#) == .failure(kind: "valueNotFound", path: ["Index 1"]))
        #expect(expectSame([String: [Int]].self, #"{"a": [1, null]}"#) == .failure(kind: "valueNotFound", path: ["a", "Index 1"]))
    }

    /// Reads with every container operation a hand-written `init(from:)` may use.
    struct Probe: Decodable, Equatable {
        var count: Int?
        var nils: [Bool]
        var atEnd: Bool
        var nested: [String]
        var superValue: String
        var missingSuperIsNil: Bool
        var contains: [Bool]
        var keys: [String]

        enum Keys: String, CodingKey { case list, object, `super`, parent, absent }
        enum ObjectKeys: String, CodingKey { case a, b }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            var list = try container.nestedUnkeyedContainer(forKey: .list)
            count = list.count
            nils = [try list.decodeNil(), try list.decodeNil()]
            _ = try list.decode(Int.self)
            var inner = try list.nestedUnkeyedContainer()
            nested = [try inner.decode(String.self)]
            let keyed = try list.nestedContainer(keyedBy: ObjectKeys.self)
            nested.append(try keyed.decode(String.self, forKey: .a))
            atEnd = list.isAtEnd
            let object = try container.nestedContainer(keyedBy: ObjectKeys.self, forKey: .object)
            keys = object.allKeys.map(\.stringValue).sorted()
            contains = [container.contains(.absent), container.contains(.parent), try container.decodeNil(forKey: .parent)]
            superValue = try container.superDecoder().singleValueContainer().decode(String.self)
            missingSuperIsNil = try container.superDecoder(forKey: .absent).singleValueContainer().decodeNil()
        }
    }

    @Test("unkeyed, nested and super containers: count, decodeNil, isAtEnd, contains, allKeys and a missing super key")
    func containers() {
        let outcome = expectSame(Probe.self, #"{"list": [null, 1, ["x"], {"a": "y"}], "object": {"b": 1, "a": 2, "b": 3}, "super": "s", "parent": null}"#)
        guard case .value(let probe) = outcome else { Issue.record("\(outcome)"); return }
        #expect(probe.nils == [true, false] && probe.atEnd && probe.keys == ["a", "b"] && probe.missingSuperIsNil)
    }

    struct Reader: Decodable, Equatable {
        var values: [Int]
        init(from decoder: Decoder) throws {
            var list = try decoder.unkeyedContainer()
            values = [try list.decode(Int.self), try list.decode(Int.self)]
        }
    }

    @Test("reading past the end of a list is valueNotFound at the next index")
    func pastTheEnd() {
        #expect(expectSame(Reader.self, "[1]") == .failure(kind: "valueNotFound", path: ["Index 1"]))
    }
}
