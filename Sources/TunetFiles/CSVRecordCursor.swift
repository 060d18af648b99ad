import TunetDomain

/// Where a record of a delimited file starts, and its row number: enough to read it again on its own.
public struct RecordPosition: Sendable, Equatable {
    /// The byte offset of the record's start in the bytes read (a file's decoded content, past any
    /// byte order mark, or records copied out of it).
    public let offset: Int
    public let row: Int

    public init(offset: Int, row: Int) {
        self.offset = offset
        self.row = row
    }
}

/// Reads one record at a time from wherever it is set: through the file in order, or at a record's
/// known start (`RecordPosition`). Quoted fields follow RFC 4180; line endings may be LF, CRLF or CR.
struct CSVRecordCursor: ~Copyable {
    private let bytes: UnsafeRawBufferPointer
    private let delimiter: UInt8
    private let decode: (UnsafeRawBufferPointer) -> String
    private var fields: [String] = []
    private var fieldBytes: [UInt8] = []
    /// Where the next record starts.
    private(set) var index = 0
    /// The next record's row number as a spreadsheet shows it (header = row 1).
    private(set) var row = 1

    init(bytes: UnsafeRawBufferPointer, delimiter: UInt8, decode: @escaping (UnsafeRawBufferPointer) -> String) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.decode = decode
        fieldBytes.reserveCapacity(256)
    }

    var position: RecordPosition { RecordPosition(offset: index, row: row) }

    /// Sets the cursor at a record's start.
    mutating func move(to position: RecordPosition) {
        index = position.offset
        row = position.row
    }

    /// The record where the cursor stands, or nil at the end of the file; the cursor moves past it.
    /// Throws, naming the row, for a broken quote, an oversized field or too many columns.
    mutating func next() throws -> TableRow? {
        let count = bytes.count
        guard index < count else { return nil }
        let quote = UInt8(ascii: "\""), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        fields.removeAll(keepingCapacity: true)
        defer { row += 1 }
        while index < count {
            // One field.
            if bytes[index] == quote {
                let quoteRow = row
                index += 1
                var closed = false
                while index < count {
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < count && bytes[index + 1] == quote {
                            fieldBytes.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    fieldBytes.append(byte)
                    index += 1
                    if fieldBytes.count > CSVReader.maximumFieldBytes { try checkSize(fieldBytes.count) }
                }
                if !closed {
                    throw TunetError.invalidInput([FieldProblem(
                        row: quoteRow, field: FieldProblem.column(fields.count + 1),
                        reason: Message("files.csv.unclosed_quote"))])
                }
            }
            // Unquoted text (or what follows a closing quote) up to the delimiter or line end,
            // decoded straight from the file unless a quoted part came first.
            let start = index
            while index < count {
                let byte = bytes[index]
                if byte == delimiter || byte == cr || byte == lf { break }
                index += 1
            }
            try checkSize(fieldBytes.count + index - start)
            if fieldBytes.isEmpty {
                fields.append(decode(UnsafeRawBufferPointer(rebasing: bytes[start..<index])))
            } else {
                fieldBytes.append(contentsOf: bytes[start..<index])
                finishField()
            }
            if index >= count { break }
            let byte = bytes[index]
            if byte == delimiter {
                if fields.count >= TableRow.maximumColumns { throw TableRow.tooManyColumns(row: row) }
                index += 1
                if index == count { finishField() }
                continue
            }
            // Line end: CRLF, LF or CR.
            index += (byte == cr && index + 1 < count && bytes[index + 1] == lf) ? 2 : 1
            return TableRow(row: row, fields: fields)
        }
        return TableRow(row: row, fields: fields)
    }

    private mutating func finishField() {
        fields.append(fieldBytes.withUnsafeBytes { decode($0) })
        fieldBytes.removeAll(keepingCapacity: true)
    }

    private func checkSize(_ size: Int) throws {
        if size > CSVReader.maximumFieldBytes {
            throw TunetError.invalidInput([FieldProblem(
                row: row, field: FieldProblem.column(fields.count + 1),
                reason: Message("files.csv.field_too_long", ["kilobytes": .integer(CSVReader.maximumFieldBytes / 1024)]))])
        }
    }
}
