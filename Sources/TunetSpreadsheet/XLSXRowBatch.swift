import CXLSXWriter
import TunetDomain

/// Rows of cells made ready on one thread and written into a sheet on another: each text already fitted
/// and turned into a C string in one shared buffer, each format already resolved. Writing a batch is then
/// nothing but libxlsxwriter's own calls, so a long sheet's writing thread does little besides them
/// (BENCHMARKS.md).
///
/// Formats are the workbook's (`XLSXSheet.format(for:style:)`), resolved before the batch is handed over;
/// libxlsxwriter only reads them while writing cells. A batch must be written into a sheet of the
/// workbook its formats came from.
public struct XLSXRowBatch: @unchecked Sendable {
    private enum Kind: UInt8 {
        case text, number, date, formula, blank
    }

    private struct Entry {
        /// A number's value or a formula's cached value.
        var number: Double
        var format: UnsafeMutablePointer<lxw_format>?
        /// A text's or formula's offset in `bytes`, or a date as year × 10,000 + month × 100 + day.
        var detail: Int32
        var column: UInt16
        var kind: Kind
    }

    private var entries: [Entry] = []
    /// Where each row's entries end in `entries`.
    private var rowEnds: [Int] = []
    /// The texts and formulas, each ending in a NUL.
    private var bytes: [UInt8] = []
    /// The last row (counted in the batch) and the rightmost column that hold a cell; -1 for none.
    private var coveredRow = -1
    private var coveredColumn = -1

    public init() {}

    /// The rows added and ended.
    public var rows: Int { rowEnds.count }

    public mutating func reserveCapacity(rows: Int, cellsPerRow: Int) {
        rowEnds.reserveCapacity(rows)
        entries.reserveCapacity(rows * cellsPerRow)
        bytes.reserveCapacity(rows * cellsPerRow * 12)
    }

    /// Adds a cell to the row being made: a text is fitted to what a cell holds (`XLSXCell.fitted`).
    public mutating func add(_ cell: XLSXCell, column: Int, format: XLSXFormat) {
        let pointer = format.pointer
        coveredRow = rowEnds.count
        if column > coveredColumn { coveredColumn = column }
        switch cell {
        case .text(let text):
            entries.append(Entry(number: 0, format: pointer, detail: append(XLSXCell.fitted(text)), column: UInt16(column), kind: .text))
        case .integer(let value):
            entries.append(Entry(number: Double(value), format: pointer, detail: 0, column: UInt16(column), kind: .number))
        case .number(let value):
            entries.append(Entry(number: value, format: pointer, detail: 0, column: UInt16(column), kind: .number))
        case .money(let money):
            entries.append(Entry(number: Double(money.ore) / 100, format: pointer, detail: 0, column: UInt16(column), kind: .number))
        case .date(let date):
            let packed = Int32(date.year * 10_000 + date.month * 100 + date.day)
            entries.append(Entry(number: 0, format: pointer, detail: packed, column: UInt16(column), kind: .date))
        case .formula(let formula, let cached):
            entries.append(Entry(number: cached, format: pointer, detail: append(formula), column: UInt16(column), kind: .formula))
        case .blank:
            entries.append(Entry(number: 0, format: pointer, detail: 0, column: UInt16(column), kind: .blank))
        }
    }

    /// A text's offset in `bytes`, where it is added as a C string.
    private mutating func append(_ text: String) -> Int32 {
        let offset = Int32(bytes.count)
        bytes.append(contentsOf: text.utf8)
        bytes.append(0)
        return offset
    }

    /// Ends the row being made (a row may have no cells).
    public mutating func endRow() {
        rowEnds.append(entries.count)
    }

    public mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        rowEnds.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        coveredRow = -1
        coveredColumn = -1
    }

    /// Writes the ended rows into `sheet`, the first at `firstRow`.
    func write(into sheet: XLSXSheet, firstRow: Int) throws(TunetError) {
        guard !rowEnds.isEmpty else { return }
        let failure: lxw_error = entries.withUnsafeBufferPointer { entries in
            bytes.withUnsafeBufferPointer { bytes in
                // Empty when no cell is a text or formula.
                let texts = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var start = 0
                for (offset, end) in rowEnds.enumerated() {
                    let row = lxw_row_t(firstRow + offset)
                    for entry in entries[start..<end] {
                        let column = lxw_col_t(entry.column)
                        let result: lxw_error
                        switch entry.kind {
                        case .text:
                            result = worksheet_write_string(sheet.pointer, row, column, texts! + Int(entry.detail), entry.format)
                        case .number:
                            result = worksheet_write_number(sheet.pointer, row, column, entry.number, entry.format)
                        case .date:
                            let packed = entry.detail
                            var value = lxw_datetime(year: packed / 10_000, month: packed / 100 % 100, day: packed % 100, hour: 0, min: 0, sec: 0)
                            result = worksheet_write_datetime(sheet.pointer, row, column, &value, entry.format)
                        case .formula:
                            result = worksheet_write_formula_num(sheet.pointer, row, column, texts! + Int(entry.detail), entry.format, entry.number)
                        case .blank:
                            result = worksheet_write_blank(sheet.pointer, row, column, entry.format)
                        }
                        if result != LXW_NO_ERROR { return result }
                    }
                    start = end
                }
                return LXW_NO_ERROR
            }
        }
        if failure != LXW_NO_ERROR { try XLSXWorkbook.check(failure, path: sheet.workbook.path) }
        if coveredRow >= 0 { sheet.shape.cover(firstRow + coveredRow, coveredColumn) }
    }
}

extension XLSXSheet {
    /// Writes a batch's rows, the first at `firstRow`.
    public func write(_ batch: XLSXRowBatch, firstRow: Int) throws(TunetError) {
        try batch.write(into: self, firstRow: firstRow)
    }
}
