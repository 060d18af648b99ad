import Foundation
import TunetFiles

/// Any bytes as an xlsx workbook: every sheet is read or the file is refused with a `TunetError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXReader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    do {
        let workbook = try XLSXReader(data: data, name: "fuzz.xlsx")
        precondition(workbook.sheetNames.count <= XLSXReader.maximumSheets, "the sheet cap holds")
        for sheet in workbook.sheetNames {
            _ = try workbook.records(sheet: sheet)
        }
    } catch {}
    return 0
}
