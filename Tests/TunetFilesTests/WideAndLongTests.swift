import Foundation
import Testing
@testable import TunetDomain
@testable import TunetFiles
import TunetSpreadsheet
import TunetTestSupport

@Suite("Rows too wide are refused early; cells too long are cut, never a failed workbook")
struct WideAndLongTests {
    static let tooWide = TunetError.invalidInput([FieldProblem(row: 1, field: "column 1001",
                                                                reason: Message("files.too_many_columns", ["maximum": 1_000]))])

    @Test("A CSV header of a million columns is refused at column 1 001, at once, naming the limit")
    func millionColumnsCSV() throws {
        let header = Data(("participant;date;status" + String(repeating: ";x", count: 1_000_000) + "\n").utf8)
        let started = ContinuousClock.now
        #expect(throws: Self.tooWide) { try CSVReader(data: header).forEachRecord { _ in } }
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(Self.tooWide.english.contains("the row has more than 1,000 columns; Tunet reads at most 1,000"))
    }

    @Test("A CSV row of exactly 1 000 columns is read; one more is refused with its row")
    func limitEdgeCSV() throws {
        let thousand = Array(repeating: "a", count: 1_000).joined(separator: ";")
        let rows = try CSVReader(data: Data("\(thousand)\n\(thousand)\n".utf8)).allRecords()
        #expect(rows.map(\.fields.count) == [1_000, 1_000])
        let refused = TunetError.invalidInput([FieldProblem(row: 2, field: "column 1001",
                                                            reason: Message("files.too_many_columns", ["maximum": 1_000]))])
        #expect(throws: refused) { try CSVReader(data: Data("\(thousand)\n\(thousand);a\n".utf8)).allRecords() }
    }

    func workbook(_ build: (XLSXWorkbook) throws -> Void) throws -> Data {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-wide-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try XLSXWorkbook(path: path)
        try build(book)
        try book.close()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test("An xlsx row with a value in column 1 001 is refused naming the limit; column 1 000 is read")
    func wideWorkbook() throws {
        let wide = try workbook { book in
            let sheet = try book.addSheet("Oppmøte")
            try sheet.write(0, 0, .text("participant"))
            try sheet.write(0, 1_000, .text("x"))
        }
        #expect(throws: Self.tooWide) { try XLSXReader(data: wide, name: "bred.xlsx").records() }
        let edge = try workbook { book in
            let sheet = try book.addSheet("Oppmøte")
            try sheet.write(0, 999, .text("x"))
        }
        #expect(try XLSXReader(data: edge, name: "kant.xlsx").records().first?.fields.count == 1_000)
    }

    @Test("A text longer than a cell holds is cut at 32 767 characters ending in …, and the workbook is written")
    func longCellCut() throws {
        let long = String(repeating: "å", count: 33_000)
        let data = try workbook { book in
            let sheet = try book.addSheet("Revisjon")
            try sheet.write(0, 0, .text(long))
            try sheet.write(0, 1, .text(String(repeating: "b", count: XLSXCell.maximumTextLength)))
        }
        let cells = try XLSXReader(data: data, name: "lang.xlsx").records().first?.fields ?? []
        #expect(cells.first?.utf16.count == 32_767)
        #expect(cells.first?.hasSuffix("å…") == true)
        #expect(cells.last == String(repeating: "b", count: 32_767), "a text of exactly the limit is kept whole")
        // Characters outside the Basic Multilingual Plane count twice in Excel and are never split.
        let emoji = XLSXCell.fitted(String(repeating: "🐄", count: 20_000))
        #expect(emoji.utf16.count <= 32_767 && emoji.hasSuffix("🐄…"))
    }
}
