import Foundation
import Testing
@testable import TunetDomain
@testable import TunetFiles
import TunetSpreadsheet

@Suite("Reading xlsx")
struct XLSXReaderTests {
    func workbook(_ build: (XLSXWorkbook) throws -> Void) throws -> Data {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-read-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try XLSXWorkbook(path: path)
        try build(book)
        try book.close()
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    @Test("Text, numbers, dates, money and formulas come back as written, placed by their cell references")
    func roundTrip() throws {
        let data = try workbook { book in
            let first = try book.addSheet("Instruksjoner")
            try first.write(0, 0, .text("Les meg"))
            let sheet = try book.addSheet("Oppmøte")
            try sheet.write(row: 0, [.text("Deltaker"), .text("Dato"), .text("Timer"), .text("Beløp")], style: .header)
            try sheet.write(row: 1, [.text("P-2026-0101"), .date(LocalDate(year: 2026, month: 5, day: 4)!), .number(4.5), .money(Money(ore: 123_456))])
            try sheet.write(3, 3, .formula("=SUM(D2:D2)", cachedValue: 1234.56))
            try sheet.write(3, 0, .text("Søndre Ås gård"))
        }
        let reader = try XLSXReader(data: data, name: "test.xlsx")
        #expect(reader.sheetNames == ["Instruksjoner", "Oppmøte"])
        let rows = try reader.records(sheet: "Oppmøte")
        #expect(rows.map(\.row) == [1, 2, 4])
        #expect(rows[0].fields == ["Deltaker", "Dato", "Timer", "Beløp"])
        #expect(rows[1].fields == ["P-2026-0101", "2026-05-04", "4.5", "1234.56"])
        #expect(rows[2].fields == ["Søndre Ås gård", "", "", "1234.56"])
        #expect(try reader.records().first?.fields == ["Les meg"])
    }

    @Test("Excel serial days map to calendar days, past the 1900 leap-year quirk")
    func serials() {
        #expect(XLSXReader.date(fromSerial: 46146) == LocalDate(year: 2026, month: 5, day: 4))
        #expect(XLSXReader.date(fromSerial: 61) == LocalDate(year: 1900, month: 3, day: 1))
        #expect(XLSXReader.date(fromSerial: 60) == nil)
    }

    @Test("A file that is not a workbook, or a zip without a workbook, is refused with the reason")
    func notWorkbooks() {
        #expect(throws: TunetError.self) { try XLSXReader(data: Data("a,b\n".utf8)) }
        #expect(throws: TunetError.self) { try XLSXReader(data: Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))) }
    }

    /// Fuzzing found both: an entry whose local header offset points past the end aborted the process
    /// inside ZIPFoundation's in-memory archive, and a damaged end record leaked the whole file.
    @Test("Regression (fuzzing): an entry pointing past the end of the file, or a damaged end record, is refused without crashing")
    func entryPastTheEnd() throws {
        let valid = try workbook { book in try book.addSheet("Oppmøte").write(0, 0, .text("Deltaker")) }
        var bytes = [UInt8](valid)
        let centralSignature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        var position = 0
        var patched = 0
        while position + 46 <= bytes.count {
            if Array(bytes[position..<position + 4]) == centralSignature {
                // The local header offset is the last four bytes of the fixed central directory record.
                bytes.replaceSubrange(position + 42..<position + 46, with: [0xF0, 0xFF, 0xFF, 0x00])
                patched += 1
                position += 46
            } else {
                position += 1
            }
        }
        #expect(patched > 0)
        #expect(throws: TunetError.self) { _ = try XLSXReader(data: Data(bytes), name: "past-the-end.xlsx").records() }

        var damagedEnd = [UInt8](valid)
        damagedEnd[damagedEnd.count - 2] = 0xFF   // a comment longer than the file
        #expect(throws: TunetError.self) { try XLSXReader(data: Data(damagedEnd), name: "damaged-end.xlsx") }
        #expect(ZipArchive.endRecord(in: damagedEnd) == nil)
        #expect(ZipArchive.endRecord(in: [UInt8](valid)) != nil)
    }

    @Test("Regression (fuzzing): a deflate stream that never ends is refused instead of read for ever")
    func endlessDeflate() throws {
        let valid = try workbook { book in try book.addSheet("Oppmøte").write(0, 0, .text("Deltaker")) }
        let archive = try ZipArchive(valid)
        let entry = try #require(archive.entries.values.first { $0.method == 8 && $0.compressedSize > 20 })
        let start = valid.startIndex + entry.localHeaderOffset + 30 + ZipArchive.read16(valid, entry.localHeaderOffset + 26)
            + ZipArchive.read16(valid, entry.localHeaderOffset + 28)
        let cut = valid[start..<start + entry.compressedSize / 2]
        #expect(throws: ZipArchive.Failure.self) { try ZipArchive.inflate(Data(cut), expected: entry.uncompressedSize, path: entry.path) }
        #expect(throws: ZipArchive.Failure.self) { try ZipArchive.inflate(Data(cut), expected: entry.uncompressedSize / 2, path: entry.path) }
        let whole = valid[start..<start + entry.compressedSize]
        #expect(try ZipArchive.inflate(Data(whole), expected: entry.uncompressedSize, path: entry.path).count == entry.uncompressedSize)
    }
}
