import Foundation
import Testing
@testable import TunetFiles

/// A large file is read in place, and what has been read is let go of as the reader moves on; what
/// the reader sees is the file, however often it goes through it.
@Suite("A large file read in place")
struct MappedFileTests {
    /// A CSV file of some 15 MB, more than three times the step its pages are let go of in.
    private func largeFile() throws -> (url: URL, lines: Int) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-mapped-\(UUID().uuidString).csv")
        let lines = 400_000
        var text = "organisation_number;participant;date;status;hours\n"
        for index in 0..<lines { text += "92345610\(index % 10);P\(index);2025-01-\(10 + index % 20);M;\(index)\n" }
        try text.write(to: url, atomically: true, encoding: .utf8)
        #expect(try Data(contentsOf: url).count > 3 * MappedFile.step)
        return (url, lines)
    }

    private func records(_ reader: CSVReader) throws -> (count: Int, last: [String], sum: Int) {
        var count = 0, last: [String] = [], sum = 0
        try reader.forEachRecord { record in
            count += 1
            last = record.fields
            sum += Int(record[4]) ?? 0
        }
        return (count, last, sum)
    }

    @Test("reads the same mapped as copied into memory, and the same on a second and third reading")
    func sameEachTime() throws {
        let (url, lines) = try largeFile()
        defer { try? FileManager.default.removeItem(at: url) }
        let copied = try records(CSVReader(data: Data(contentsOf: url)))
        #expect(copied.count == lines + 1 && copied.sum == lines * (lines - 1) / 2)
        let mapped = try MappedFile.contents(of: url)
        for _ in 0..<3 {
            let reading = try records(CSVReader(data: mapped))
            #expect(reading.count == copied.count && reading.last == copied.last && reading.sum == copied.sum)
        }
        // Bytes held in ordinary memory are never let go of: read twice, they are still all there.
        let held = try Data(contentsOf: url)
        _ = try records(CSVReader(data: held))
        #expect(try records(CSVReader(data: held)).sum == copied.sum)
    }

    @Test("an empty file is empty, a device is read as it comes, and a folder or a missing file cannot be read")
    func edges() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-empty-\(UUID().uuidString).csv")
        try Data().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try MappedFile.contents(of: url).isEmpty)
        #expect(try MappedFile.contents(of: URL(fileURLWithPath: "/dev/null")).isEmpty)
        #expect(throws: MappedFile.Unreadable.self) { try MappedFile.contents(of: FileManager.default.temporaryDirectory) }
        #expect(throws: MappedFile.Unreadable.self) { try MappedFile.contents(of: url.appendingPathExtension("missing")) }
    }
}
