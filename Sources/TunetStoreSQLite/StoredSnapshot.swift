import CZlib
import Foundation
import GRDB
import TunetDomain
import TunetStorage

/// An audit event's snapshot as the file keeps it: JSON text up to 4 KB, and a larger one deflated into a
/// blob. A farm's correction replaces thousands of days, and their snapshot (some 64 KB of JSON for 2,000
/// days) was a quarter of the pages each upload wrote to the log and the checkpointer copied; deflated it
/// is a tenth of that (BENCHMARKS.md, "2026-12-05, late morning"). Everything that reads a snapshot reads the
/// JSON (`json(_:column:)`); PostgreSQL compresses large values by itself.
///
/// The blob is the JSON's length in UTF-8 bytes (four bytes, little-endian) and then its zlib stream.
enum StoredSnapshot {
    static let deflatedAbove = 4_096
    /// A snapshot larger than this is not one Tunet wrote: the blob is damaged, and is not inflated.
    static let largest = 256 << 20

    /// The value to store for `json`.
    static func value(_ json: String?) -> DatabaseValue {
        guard let json else { return .null }
        return deflated(json)?.databaseValue ?? json.databaseValue
    }

    /// The value to store for a snapshot made beforehand (deflated then, when large).
    static func value(_ audit: ReplacedDaysAudit?) -> DatabaseValue {
        guard let audit else { return .null }
        return audit.kept?.databaseValue ?? audit.json.databaseValue
    }

    /// `json` deflated, when it is larger than `deflatedAbove` bytes; nil otherwise.
    static func deflated(_ json: String) -> Data? {
        var text = json
        return text.withUTF8 { bytes -> Data? in
            guard bytes.count > deflatedAbove, bytes.count <= largest else { return nil }
            var capacity = compressBound(uLong(bytes.count))
            var blob = Data(count: 4 + Int(capacity))
            let result = blob.withUnsafeMutableBytes { target -> Int32 in
                let base = target.baseAddress!.assumingMemoryBound(to: UInt8.self)
                withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { base.update(from: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 4) }
                // Level 1: a correction's snapshot in a tenth of a millisecond, a tenth of its size.
                return compress2(base + 4, &capacity, bytes.baseAddress, uLong(bytes.count), 1)
            }
            guard result == Z_OK else { return nil }
            blob.count = 4 + Int(capacity)
            return blob
        }
    }

    /// The JSON of a stored snapshot; `column` names it in the error for a blob that is not one.
    static func json(_ value: DatabaseValue, column: String) throws -> String? {
        switch value.storage {
        case .null: return nil
        case .string(let text): return text
        case .blob(let blob): return try inflated(blob, column: column)
        case .int64, .double: throw damaged(column, String(describing: value))
        }
    }

    private static func inflated(_ blob: Data, column: String) throws -> String {
        guard blob.count > 4 else { throw damaged(column, "\(blob.count) byte") }
        let length = blob.prefix(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard length > deflatedAbove, length <= largest else { throw damaged(column, "\(blob.count) byte") }
        var json = [UInt8](repeating: 0, count: length)
        var produced = uLong(length)
        let result = blob.withUnsafeBytes { source in
            json.withUnsafeMutableBufferPointer { target in
                uncompress(target.baseAddress, &produced, source.baseAddress!.assumingMemoryBound(to: UInt8.self) + 4, uLong(blob.count - 4))
            }
        }
        guard result == Z_OK, Int(produced) == length, let text = String(validating: json, as: UTF8.self) else {
            throw damaged(column, "\(blob.count) byte")
        }
        return text
    }

    private static func damaged(_ column: String, _ value: String) -> TunetError {
        .incompatibleDatabase(Message("files.store.unknown_value", ["column": .text("audit_event.\(column)"), "value": .text(value)]))
    }
}
