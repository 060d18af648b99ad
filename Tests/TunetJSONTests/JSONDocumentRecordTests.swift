import Foundation
import Testing
import TunetDomain
@testable import TunetJSON

/// Tunet's own records, written as the stores write them, read back as Foundation reads them; and
/// documents that are not JSON refused as Foundation refuses them.
@Suite("Tunet's records decode as Foundation decodes them, and malformed documents are refused")
struct JSONDocumentRecordTests {
    /// A pupil's placement chosen by ranking, with farms passed over (reasons as messages and, as
    /// older placements were stored, as text), cancelled with a written reason, with text beyond ASCII.
    static let rankedPlacement = #"""
        {"agreement_reference":"RA-2026/3","ceiling_override_reason":"Vedtak om \"ekstra\" plass","cancelled_reason":{"key":"placements.cancelled","arguments":{"date":{"date":"2026-03-01"},"who":{"text":"Åse Ødegård"}}},
         "choice":{"method":"ranking","provider_organisation_number":"974760673","rule":{"key":"rules.choice.ranking","arguments":{"rank":{"integer":2},"cost":{"money":1450000},"share":{"percentage":[1,3]},"hours":{"tenths":75},"farms":{"list":[{"text":"Lia"},{"field":"override_ceiling"}]}}},
                   "inputs":"rank 2 ✓","skipped":[{"provider_organisation_number":"971526920","rank":1,"reasons":[{"key":"rules.skipped.full"}]},{"provider_organisation_number":"971526920","reasons":["Ingen plass 😀"]}]},
         "created_on":"2026-01-15","end":"2026-06-19","id":9223372036854775807,"kind":"pupil","municipality_number":"1804","participant":"P-2026-0042",
         "planned_days":38,"price_line":"full_day","projected_cost_ore":5510000,"provider":"974760673",
         "pupil":{"contact_teacher_role":"kontaktlærer 5B","grade":5,"learning_goals":"Dyrestell\nog\tmatlaging","school":"Bodø skole"},
         "start":"2026-01-19","weekdays":["tue","fri"]}
        """#

    /// As stored by the import the benchmark reads: a dementia placement with transport.
    static let directPlacement = #"""
        {"agreement_reference":"SYN-2025/1","choice":{"method":"direct","provider_organisation_number":"900000006","rule":"Direct order","skipped":[]},"created_on":"2026-11-23","dementia":{"decision_reference":"SYN-1101","transport":true},"end":"2025-12-31","id":2,"kind":"dementia","municipality_number":"0301","participant":"P-2025-1101","planned_days":100,"price_line":"full_day","projected_cost_ore":16100000,"provider":"900000006","start":"2025-01-01","weekdays":["tue","thu"]}
        """#

    static let provider = #"""
        {"organisation_number":"974760673","name":"Lia gård","contact_person":"Kari \"K\" Nordmann","email":null,"phone":"+47 900 00 000","address":"Gårdsveien 1\n8000 Bodø",
         "municipality_number":"1804","producer_number":null,"farm_number":"12/3","target_groups":["pupils","dementia"],"places_per_day":6,"open_weekdays":["mon","wed","fri"],
         "ipt_approval_date":"2024-03-01","next_external_audit_date":null,"police_certificate_date":"2025-02-28","insurance_expiry":null,"status":"suspended","status_reason":"Vedlikehold 😀","non_profit_basis":null}
        """#

    /// Read as Foundation reads it, written as Tunet writes it, then read by both from those bytes.
    private func expectRoundTrip<Value: Codable & Equatable>(_ type: Value.Type, _ json: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let original = try JSONDecoder().decode(type, from: Data(json.utf8))
        let written = try SortedJSONEncoder().encode(original)
        #expect(ours(type, written) == .value(original), sourceLocation: sourceLocation)
        #expect(foundation(type, written) == .value(original), sourceLocation: sourceLocation)
        #expect(ours(type, Array(json.utf8)) == .value(original), sourceLocation: sourceLocation)
    }

    @Test("a placement decodes as Foundation decodes it, whether chosen by ranking and cancelled or ordered directly")
    func placements() throws {
        try expectRoundTrip(Placement.self, Self.rankedPlacement)
        try expectRoundTrip(Placement.self, Self.directPlacement)
        try expectRoundTrip([Placement].self, "[\(Self.rankedPlacement), \(Self.directPlacement)]")
    }

    @Test("a provider decodes as Foundation decodes it, nulls and sets included")
    func providers() throws {
        try expectRoundTrip(Provider.self, Self.provider)
    }

    @Test("a placement with a field of the wrong kind or an invalid date is refused with the field's coding path, as Foundation refuses it")
    func invalidPlacements() {
        let badDate = Self.directPlacement.replacingOccurrences(of: #""end":"2025-12-31""#, with: #""end":"2025-13-31""#)
        #expect(expectSame(Placement.self, badDate) == .failure(kind: "dataCorrupted", path: ["end"]))
        let badGrade = Self.rankedPlacement.replacingOccurrences(of: #""grade":5"#, with: #""grade":"5""#)
        #expect(expectSame(Placement.self, badGrade) == .failure(kind: "typeMismatch", path: ["pupil", "grade"]))
        let noProvider = Self.directPlacement.replacingOccurrences(of: #""provider":"900000006","#, with: "")
        #expect(expectSame(Placement.self, noProvider) == .failure(kind: "keyNotFound", path: ["provider"]))
    }

    @Test("truncated documents, trailing commas, unquoted keys, bare words and comments are refused")
    func malformedSyntax() {
        let documents = [
            "", " ", "{", "[", "{\"a\"", "{\"a\":", "{\"a\":1", "[1,", "[1", "\"abc", Self.directPlacement.dropLast(1).description,
            "[,1]", "[1,,2]", "{,}", "{a:1}", "{'a':1}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "[1 2]", "{\"a\"::1}",
            "[tru]", "[True]", "[nul]", "[undefined]", "[NaN]", "[Infinity]", "[1] // comment", "/* c */ [1]",
        ]
        for document in documents { expectRefused(AnyJSON.self, Array(document.utf8)) }
    }

    /// Foundation accepts a comma after a container's last member; JSON does not, nor does Tunet
    /// write one (and SQLite's `json_valid` check keeps one from being stored).
    @Test("a comma after the last member of a list or an object is refused, where Foundation accepts it")
    func trailingCommas() {
        for document in ["[1,]", "{\"a\":1,}", "[[1],]", "{\"a\":{\"b\":2,}}"] {
            #expect(!foundation(AnyJSON.self, Array(document.utf8)).isFailure)
            #expect(ours(AnyJSON.self, Array(document.utf8)).isFailure, "\(document)")
        }
    }

    @Test("numbers not written as JSON writes them are refused: leading zeros, plus signs, bare points and exponents")
    func malformedNumbers() {
        for number in ["01", "-01", "+1", ".5", "1.", "1.e2", "1e", "1e+", "-", "--1", "0x10", "1_000", "- 1"] {
            expectRefused(AnyJSON.self, Array("[\(number)]".utf8))
        }
    }

    @Test("control characters in strings, unknown escapes, bad \\u escapes and lone surrogates are refused")
    func malformedStrings() {
        for string in ["\"a\tb\"", "\"a\nb\"", "\"\u{01}\"", "\"\\x41\"", "\"\\'\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\U0041\"",
                       "\"\\ud83d\"", "\"\\ud83dx\"", "\"\\ud83d\\u0041\"", "\"\\ude00\"", "\"\\ude00\\ud83d\"", "\"a\\\""] {
            expectRefused(AnyJSON.self, Array("[\(string)]".utf8))
        }
    }

    @Test("bytes that are not UTF-8 are refused, in a string or outside one")
    func invalidUTF8() {
        let quote = UInt8(ascii: "\"")
        for bytes: [UInt8] in [[quote, 0xFF, quote], [quote, 0xC3, quote], [quote, 0xC3, 0x28, quote], [quote, 0xED, 0xA0, 0x80, quote],
                               [quote, 0xF8, 0x88, 0x80, 0x80, 0x80, quote], [quote, 0xC0, 0xAF, quote], [0xFF], [quote, 0x61, quote, 0x80]] {
            expectRefused(AnyJSON.self, bytes)
        }
    }

    @Test("text after the value is refused")
    func trailingText() {
        for document in ["[1] [2]", "{} x", "1 2", "\"a\" \"b\"", "[1]]", "{}}", "null null", "[1]\u{0}"] {
            expectRefused(AnyJSON.self, Array(document.utf8))
        }
    }

    /// Lists nested to any depth.
    indirect enum Nested: Decodable, Equatable {
        case leaf
        case list([Nested])
        init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            var items: [Nested] = []
            while !container.isAtEnd {
                if try container.decodeNil() { items.append(.leaf) } else { items.append(try container.decode(Nested.self)) }
            }
            self = .list(items)
        }
    }

    @Test("documents nested as deep as Foundation allows are read; one level deeper is refused by both")
    func depth() {
        func nested(_ depth: Int) -> String { String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
        #expect(!expectSame(Nested.self, nested(JSONParser.maximumDepth)).isFailure)
        expectRefused(Nested.self, Array(nested(JSONParser.maximumDepth + 1).utf8))
        expectRefused(Nested.self, Array(nested(100_000).utf8))
    }
}

