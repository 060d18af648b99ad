import Testing
import TunetDomain
@testable import TunetStoreSQLite

/// A long list of placements is decoded side by side; what comes out must be what decoding them one
/// after another gives, in the same order, and a damaged document must fail the list the same way.
@Suite("Placements decoded side by side")
struct PlacementDocumentsTests {
    /// Stored documents as Tunet writes them: pupils and people with dementia, direct and ranked call-offs
    /// (one with its rule stored as text, as older versions did), each with its own number, participant and days.
    private func documents(_ count: Int) -> [String] {
        (1...count).map { number in
            let kind = number % 3 == 0
                ? #""kind":"dementia","dementia":{"decision_reference":"SYN-\#(number)","transport":\#(number % 2 == 0)}"#
                : #""kind":"pupil","pupil":{"grade":\#(1 + number % 7),"school":"Skole \#(number % 40)"}"#
            let choice = switch number % 3 {
            case 0: #"{"method":"direct","provider_organisation_number":"900000006","rule":{"key":"rules.choice.direct"},"skipped":[]}"#
            case 1: #"{"method":"ranking","provider_organisation_number":"900000103","rule":{"key":"rules.choice.ranking"},"skipped":[{"provider_organisation_number":"900000006","rank":1,"reasons":[{"key":"rules.choice.full"}]}]}"#
            default: #"{"method":"criteria","provider_organisation_number":"900000200","rule":"Nearest farm","inputs":"Avstand","skipped":[]}"#
            }
            let override = number % 11 == 0 ? #","ceiling_override_reason":"Vedtak \#(number)""# : ""
            let participant = "P-2025-" + String(repeating: "0", count: 4 - String(number % 10_000).count) + String(number % 10_000)
            return #"{"agreement_reference":"SYN-2025/\#(number % 9)","choice":\#(choice),"created_on":"2026-11-23","end":"2025-12-31","id":\#(number),"#
                + #"\#(kind),"municipality_number":"0301","participant":"\#(participant)","planned_days":\#(number % 200),"#
                + #""price_line":"full_day","projected_cost_ore":\#(number * 1_000),"provider":"900000006","start":"2025-01-01","weekdays":["mon","wed"]\#(override)}"#
        }
    }

    @Test("Thousands of placements come out as decoded one after another, in the same order")
    func sameAsOneAfterAnother() throws {
        let stored = documents(5_003)
        let oneByOne = try stored.map(SQLiteReader.decodePlacement)
        for parts in [2, 3, 4] {
            #expect(try PlacementDocuments.decode(stored, parts: parts) == oneByOne)
        }
        #expect(try PlacementDocuments.decode(Array(stored.prefix(PlacementDocuments.sideBySideFrom - 1)), parts: 4)
                == Array(oneByOne.prefix(PlacementDocuments.sideBySideFrom - 1)))
        #expect(try PlacementDocuments.decode([], parts: 4).isEmpty)
    }

    @Test("A damaged document fails the whole list with the error of the first damaged one")
    func damagedDocument() throws {
        var stored = documents(4_000)
        stored[3_100] = #"{"agreement_reference":"SYN-2025/1","id":"tre"}"#
        stored[3_900] = "ikke json"
        func failure(_ decode: () throws -> [Placement]) -> String? {
            do { _ = try decode(); return nil } catch { return String(describing: error) }
        }
        let oneByOne = failure { try stored.map(SQLiteReader.decodePlacement) }
        #expect(oneByOne != nil)
        #expect(failure { try PlacementDocuments.decode(stored, parts: 4) } == oneByOne)
        #expect(failure { try PlacementDocuments.decode(stored, parts: 2) } == oneByOne)
    }
}
