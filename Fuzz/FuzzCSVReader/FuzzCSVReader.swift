import Foundation
import TunetFiles

/// Any bytes as a CSV file: the reader either returns records within its limits or refuses the file
/// with a `TunetError`; it never crashes, loops or reads out of bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    do {
        let reader = try CSVReader(data: data, name: "fuzz.csv")
        var previousRow = 0
        try reader.forEachRecord { record in
            precondition(record.row > previousRow, "rows are numbered in increasing order")
            previousRow = record.row
            for field in record.fields {
                precondition(field.utf8.count <= CSVReader.maximumFieldBytes * 4, "a field is bounded by the field cap")
            }
        }
    } catch {}
    return 0
}
