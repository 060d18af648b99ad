import Foundation
import TunetDomain
import TunetJSON

enum JSONOutput {
    static func print<Value: Encodable>(_ value: Value) throws {
        Console.out(utf8: try SortedJSONEncoder(style: .pretty).encode(value))
    }
}

/// A plain text table for people: left-aligned columns, numbers right-aligned.
struct TextTable {
    let headers: [String]
    var rows: [[String]] = []
    var rightAligned: Set<Int> = []

    init(_ headers: String..., rightAligned: Set<Int> = []) {
        self.init(headers, rightAligned: rightAligned)
    }

    init(_ headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    /// Cells hold stored text, perhaps stored before it was cleaned on the way in: a control character
    /// (ESC, CR, LF) would recolour the terminal or forge a line, so each is shown as a space.
    mutating func add(_ cells: String...) { add(cells) }
    mutating func add(_ cells: [String]) { rows.append(cells.map(StoredText.printable)) }

    func render() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return rightAligned.contains(index) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}

/// Key–value lines for one object.
struct DetailList {
    var entries: [(String, String)] = []

    mutating func add(_ key: String, _ value: String?) { entries.append((key, value.map(StoredText.printable) ?? "–")) }

    func render() -> String {
        let width = entries.map(\.0.count).max() ?? 0
        return entries.map { key, value in
            key + ":" + String(repeating: " ", count: width - key.count + 1) + value
        }.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
