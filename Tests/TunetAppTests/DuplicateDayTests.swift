import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetTestSupport

/// A participant-day reported twice in one file is refused with both rows named, whatever order the
/// file's rows come in.
@Suite("A day reported twice in one file")
struct DuplicateDayTests {
    /// The rows of the file's first two participants, four days each, in the file's order.
    private func rows(_ farm: SyntheticFarm) throws -> (first: [String], second: [String]) {
        let lines = try farm.lines().dropFirst().map(String.init)
        let participant = { (line: String) in line.split(separator: ";")[1] }
        let first = lines.filter { participant($0) == participant(lines[0]) }
        let second = lines.filter { participant($0) != participant(lines[0]) }
        return (Array(first.prefix(4)), Array(second.prefix(4)))
    }

    /// The duplicate problems of a file of these lines (data rows are numbered from 2).
    private func duplicates(_ farm: SyntheticFarm, _ lines: [String]) throws -> [String] {
        do {
            _ = try AttendanceImportDesk(farm.context).run(file: farm.file("twice.csv", lines))
            Issue.record("a file with a day reported twice was stored")
            return []
        } catch let error as TunetError {
            return error.problems.map { "row \($0.row.map(String.init) ?? "?"): \($0.reason.english)" }
        }
    }

    /// Each case: the file's rows as participant (a or b) and day index, and the row that repeats a day
    /// with the earlier row it names.
    @Test("is named with its earlier row, in a file in order, out of order, and across participants", arguments: [
        ("a0 a1 a1", "4 3"),            // in order, the day repeated straight after
        ("a3 a0 a1 a0", "5 3"),         // out of order: the last day first, then from the start
        ("a0 b0 a1 b1 a0", "6 2"),      // the participants' rows interleaved, then the first day again
        ("a0 a2 b0 a1 a2", "6 3"),      // after another participant's rows, a day the first already had
    ])
    func namesBothRows(order: String, expected: String) throws {
        let farm = try SyntheticFarm(placements: 2)
        let (first, second) = try rows(farm)
        let file = order.split(separator: " ").map { ($0.first == "a" ? first : second)[Int(String($0.dropFirst()))!] }
        let found = try duplicates(farm, file)
        let numbers = expected.split(separator: " ").map(String.init)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("row \(numbers[0]):") == true && found.first?.hasSuffix("is also on row \(numbers[1])") == true, "\(found)")
    }

    @Test("is not claimed for days that only come out of order")
    func outOfOrderIsNoDuplicate() throws {
        let farm = try SyntheticFarm(placements: 2)
        let (first, second) = try rows(farm)
        let report = try AttendanceImportDesk(farm.context).run(file: farm.file("shuffled.csv", [first[2], second[1], first[0], second[0], first[3], first[1]]))
        #expect(report.new == 6)
    }
}
