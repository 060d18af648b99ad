import GRDB
import GRDBSQLite
import TunetDomain
import TunetStorage

/// The current row of a statement stepped with SQLite's C API. For reads of many rows where GRDB's
/// `Row` (a boxed value per column, copied before it is read) costs more than the work done with
/// them: an upload's stored days, `tunet provider list` (BENCHMARKS.md).
struct SteppedRow {
    let handle: OpaquePointer?
    /// The table the columns belong to, for the message about a damaged value.
    let table: String

    /// A column's text as its bytes, valid until the statement steps again; nil for NULL.
    func bytes<Value>(_ column: Int32, _ read: (UnsafeBufferPointer<UInt8>) -> Value?) -> Value? {
        guard let start = sqlite3_column_text(handle, column) else { return nil }
        return read(UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column))))
    }

    func text(_ column: Int32) -> String? {
        bytes(column) { String(decoding: $0, as: UTF8.self) }
    }

    func integer(_ column: Int32) -> Int? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, column))
    }

    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    /// The error for a column holding what Tunet never writes there (NULL in a required column, a
    /// word Tunet does not know): the database was changed outside Tunet.
    func damaged(_ name: String, _ column: Int32) -> TunetError {
        .incompatibleDatabase(text(column).map { Message("files.store.unknown_value", ["column": .text("\(table).\(name)"), "value": .text($0)]) }
            ?? Message("files.store.empty_value", ["column": .text("\(table).\(name)")]))
    }
}

extension Statement {
    /// Steps this statement, bound already, to its end, giving each row to `body`; reset afterwards
    /// so a cached statement can be used again.
    func step(table: String, _ body: (SteppedRow) throws -> Void) throws {
        let handle = sqliteStatement
        defer { sqlite3_reset(handle) }
        let row = SteppedRow(handle: handle, table: table)
        while true {
            let result = sqlite3_step(handle)
            if result == SQLITE_DONE { return }
            guard result == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: result),
                                    message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: sql)
            }
            try body(row)
        }
    }
}

/// Binds `text` to a statement's parameter with SQLite's C API, which copies it; SQLite's result code.
func bindText(_ text: String, at index: Int32, to handle: OpaquePointer?) -> Int32 {
    var text = text
    return text.withUTF8 { utf8 in
        sqlite3_bind_text(handle, index, utf8.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                          Int32(utf8.count), transient)
    }
}

/// SQLite copies a value bound with this destructor, so the Swift string may go away at once.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension Statement {
    /// Binds the texts, then the numbers, to the statement's parameters in order, with SQLite's C API:
    /// GRDB's arguments box each value, which cost more than the read for a list of numbers.
    func bind(texts: [String] = [], numbers: some Collection<Int64>) throws {
        let handle = sqliteStatement
        var result = SQLITE_OK
        for (offset, text) in texts.enumerated() { result |= bindText(text, at: Int32(offset + 1), to: handle) }
        for (offset, number) in numbers.enumerated() { result |= sqlite3_bind_int64(handle, Int32(texts.count + offset + 1), number) }
        guard result == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: result), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: sql)
        }
    }
}
