import Foundation
import TunetDomain

/// One record of a delimited file, with its row number as a spreadsheet shows it (header = row 1).
public struct TableRow: Sendable {
    public let row: Int
    public let fields: [String]

    public subscript(index: Int) -> String { index < fields.count ? fields[index] : "" }

    public var isBlank: Bool { fields.allSatisfy { $0.trimmingWhitespace().isEmpty } }

    /// The widest row read. No file Tunet reads has more than a few dozen columns; a wider row is
    /// refused as soon as it passes the limit, before its fields are kept or checked (a row of a
    /// million columns once took a minute to answer, each column an unknown heading).
    public static let maximumColumns = 1_000

    /// Row `row` is wider than `maximumColumns`.
    static func tooManyColumns(row: Int) -> TunetError {
        .invalidInput([FieldProblem(row: row, field: FieldProblem.column(maximumColumns + 1),
                                    reason: Message("files.too_many_columns", ["maximum": .integer(maximumColumns)]))])
    }
}

/// A byte-level reader for the CSV files providers and work teams send: comma, semicolon or tab
/// delimited (sniffed from the header line), UTF-8 with or without BOM, UTF-16 with BOM, or
/// Windows-1252 (chosen when the bytes are not valid UTF-8, so æøå from Norwegian Excel survive).
/// Quoted fields follow RFC 4180 (doubled quotes, delimiters and line breaks inside quotes);
/// line endings may be LF, CRLF or CR, even mixed.
///
/// It is the hot path of attendance import, so it scans bytes directly and decodes one field at a time.
public struct CSVReader: Sendable {
    public let encoding: TextFileEncoding
    public let delimiter: UInt8
    private let content: Data
    private let startOffset: Int

    /// A field longer than this is refused: no real cell is that large, and a hostile file must not exhaust memory.
    public static let maximumFieldBytes = 64 * 1024

    public var delimiterName: String {
        switch delimiter {
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "\t"): "tab"
        default: "comma"
        }
    }

    /// Reads a file from disk (mapped, so a large file is not copied into memory: `MappedFile`).
    public init(contentsOf url: URL) throws(TunetError) {
        let data: Data
        do {
            data = try MappedFile.contents(of: url)
        } catch {
            throw .unreadableFile(path: url.path, reason: FileManager.default.fileExists(atPath: url.path)
                ? Message("files.cannot_read") : Message("files.no_such_file"))
        }
        try self.init(data: data, name: url.lastPathComponent)
    }

    public init(data: Data, name: String = "the file") throws(TunetError) {
        var content = data
        var encoding = TextFileEncoding.utf8
        var start = 0
        let kind: Message? = data.withUnsafeBytes { FileSignature.nonTextKind($0) }
        if let kind { throw .unreadableFile(path: name, reason: Message("files.csv.not_text", ["kind": .message(kind)])) }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw .unreadableFile(path: name, reason: Message("files.csv.bad_utf16"))
            }
            content = Data(text.utf8)
            encoding = .utf16
            if content.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        } else if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            encoding = .utf8WithBOM
            start = 3
        } else if !CSVReader.isValidUTF8(data) {
            encoding = .windows1252
        }
        let nulRow: Int? = content.withUnsafeBytes { bytes in
            var nul: Int?
            var pieceStart = 0
            MappedFile.forEachPiece(of: bytes) { piece in
                if let found = memchr(piece.baseAddress!, 0, piece.count) {
                    nul = pieceStart + (UnsafeRawPointer(found) - piece.baseAddress!)
                    return false
                }
                pieceStart += piece.count
                return true
            }
            return nul.map { bytes[..<$0].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }
        }
        if let nulRow {
            throw .unreadableFile(path: name, reason: Message("files.csv.nul_byte", ["row": .integer(nulRow)]))
        }
        self.content = content
        self.encoding = encoding
        self.startOffset = start
        self.delimiter = content.withUnsafeBytes { CSVReader.sniffDelimiter(UnsafeRawBufferPointer(rebasing: $0[start...])) }
    }

    static func isValidUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes { bytes in
            var valid = true
            // Pieces end before a byte that starts a character, so no character is cut in two.
            MappedFile.forEachPiece(of: bytes, endingBefore: { $0 & 0xC0 != 0x80 }) { piece in
                // Pure ASCII is by far the common case and needs no decoder.
                if !piece.contains(where: { $0 >= 0x80 }) { return true }
                var iterator = piece.makeIterator()
                var decoder = UTF8()
                while true {
                    switch decoder.decode(&iterator) {
                    case .scalarValue: continue
                    case .emptyInput: return true
                    case .error:
                        valid = false
                        return false
                    }
                }
            }
            return valid
        }
    }

    /// Counts candidate delimiters outside quotes over the first lines (title lines above the
    /// header, as in Statistics Norway's downloads, have none); the most frequent wins, comma on a tie.
    static func sniffDelimiter(_ bytes: UnsafeRawBufferPointer) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var inQuotes = false
        var lines = 0
        for byte in bytes.prefix(64 * 1024) {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == 0x0A {
                lines += 1
                if lines == 20 { break }
            }
            if counts[byte] != nil { counts[byte]! += 1 }
        }
        var best = UInt8(ascii: ",")
        for candidate in [UInt8(ascii: ";"), UInt8(ascii: "\t")] where counts[candidate]! > counts[best]! {
            best = candidate
        }
        return best
    }

    /// Calls `body` for every record in order. Stops at the first error (a broken quote, an oversized
    /// field) with a message naming the row.
    public func forEachRecord(_ body: (TableRow) throws -> Void) throws {
        try forEachRecordWithBytes { record, _ in try body(record) }
    }

    /// Calls `body` for every record in order, with the record's bytes as the file has them (its line
    /// end included), to be read again later on their own (`forEachRecord(in:at:)`).
    public func forEachRecordWithBytes(_ body: (TableRow, UnsafeRawBufferPointer) throws -> Void) throws {
        try content.withUnsafeBytes { (all: UnsafeRawBufferPointer) throws in
            let bytes = UnsafeRawBufferPointer(rebasing: all[startOffset...])
            var cursor = makeCursor(over: bytes)
            var behind = PagesBehind(bytes)
            var start = cursor.index
            while let record = try cursor.next() {
                try body(record, UnsafeRawBufferPointer(rebasing: bytes[start..<cursor.index]))
                start = cursor.index
                behind.passed(start)
            }
        }
    }

    /// The file's first record (its header), or nil for an empty file.
    public func firstRecord() throws -> TableRow? {
        try content.withUnsafeBytes { (all: UnsafeRawBufferPointer) throws in
            var cursor = makeCursor(over: UnsafeRawBufferPointer(rebasing: all[startOffset...]))
            return try cursor.next()
        }
    }

    /// Calls `body` for the records at `positions` in `bytes`, records of this file copied there as
    /// `forEachRecordWithBytes` gave them, each ended by a line end.
    public func forEachRecord(in bytes: UnsafeRawBufferPointer, at positions: some Sequence<RecordPosition>,
                              _ body: (TableRow) throws -> Void) throws {
        var cursor = makeCursor(over: bytes)
        for position in positions {
            cursor.move(to: position)
            if let record = try cursor.next() { try body(record) }
        }
    }

    private func makeCursor(over bytes: UnsafeRawBufferPointer) -> CSVRecordCursor {
        CSVRecordCursor(bytes: bytes, delimiter: delimiter, decode: { decode($0) })
    }

    private func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        switch encoding {
        case .windows1252: Windows1252.decode(bytes)
        default: String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Reads every record into memory: for the small register files, not for attendance.
    public func allRecords() throws -> [TableRow] {
        var records: [TableRow] = []
        try forEachRecord { records.append($0) }
        return records
    }
}
