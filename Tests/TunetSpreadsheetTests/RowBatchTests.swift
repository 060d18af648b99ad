import Foundation
import Testing
import TunetDomain
import TunetSpreadsheet
import TunetTestSupport

/// Rows made ready in a batch on one thread and written on another must give the workbook that writing
/// each cell in place gives, byte for byte.
@Suite("Rows written in batches are the rows written cell by cell")
struct RowBatchTests {
    /// Every kind of cell, texts that need escaping or fitting, a highlighted blank, and a row without cells.
    static func rows(_ sheet: XLSXSheet) -> [[(column: Int, cell: XLSXCell, format: XLSXFormat)]] {
        let plain = sheet.format(for: .text(""), style: nil)
        let marked = sheet.format(for: .blank, style: XLSXStyle(background: 0xFCE4D6))
        let money = sheet.format(for: .money(.zero), style: nil)
        let date = sheet.format(for: .date(LocalDate(year: 2025, month: 5, day: 1)!), style: nil)
        let long = String(repeating: "æøå", count: 12_000)
        return (0..<2_500).map { index -> [(column: Int, cell: XLSXCell, format: XLSXFormat)] in
            if index % 97 == 5 { return [] }
            return [
                (0, .text("90000\(index)"), plain),
                (1, .text(index % 3 == 0 ? "fravær meldt" : "Berg & Sønn <AS> \"Øst\""), plain),
                (2, .date(LocalDate(year: 2024 + index % 3, month: 1 + index % 12, day: 1 + index % 28)!), date),
                (3, .integer(index - 1_250), plain),
                (4, .number(Double(index) / 7), plain),
                (5, .money(Money(ore: Int64(index) * 12_345 - 99)), money),
                (6, index % 50 == 0 ? .text(long) : .blank, index % 2 == 0 ? marked : plain),
                (8, .formula("=D\(index + 1)*2", cachedValue: Double(index - 1_250) * 2), plain),
                (9, .text(""), plain),
            ]
        }
    }

    @Test("Cell by cell and in batches of 1,000 rows give the same workbook, plain and in constant memory")
    func sameWorkbook() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for constantMemory in [false, true] {
            let byCell = try XLSXWorkbook(path: folder.appendingPathComponent("cells-\(constantMemory).xlsx").path, constantMemory: constantMemory)
            let sheet = try byCell.addSheet("Rader")
            try sheet.writeHeader(row: 0, ["A", "B"])
            for (offset, row) in Self.rows(sheet).enumerated() {
                for entry in row where !isBlank(entry.cell) || entry.column == 6 {
                    try sheet.write(offset + 1, entry.column, entry.cell, format: entry.format)
                }
            }
            try byCell.close()

            let byBatch = try XLSXWorkbook(path: folder.appendingPathComponent("batches-\(constantMemory).xlsx").path, constantMemory: constantMemory)
            let batched = try byBatch.addSheet("Rader")
            try batched.writeHeader(row: 0, ["A", "B"])
            let rows = Self.rows(batched)
            var written = 0
            // Made ready on another thread, as the attendance rows export does.
            let batches: [XLSXRowBatch] = DispatchQueue.global().sync {
                stride(from: 0, to: rows.count, by: 1_000).map { start in
                    var batch = XLSXRowBatch()
                    for row in rows[start..<min(start + 1_000, rows.count)] {
                        for entry in row where !isBlank(entry.cell) || entry.column == 6 { batch.add(entry.cell, column: entry.column, format: entry.format) }
                        batch.endRow()
                    }
                    return batch
                }
            }
            for batch in batches {
                try batched.write(batch, firstRow: written + 1)
                written += batch.rows
            }
            #expect(written == rows.count)
            try byBatch.close()
            let python = try runPython(sameWorkbooksScript("cells-\(constantMemory).xlsx", "batches-\(constantMemory).xlsx"), in: folder)
            #expect(python.output.hasSuffix("ok\n"), "\(python.output)")
        }
    }

    @Test("An emptied batch holds no rows and writes nothing")
    func emptied() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try XLSXWorkbook(path: folder.appendingPathComponent("empty.xlsx").path)
        let sheet = try book.addSheet("Tom")
        var batch = XLSXRowBatch()
        batch.add(.text("borte"), column: 0, format: sheet.format(for: .text(""), style: nil))
        batch.endRow()
        #expect(batch.rows == 1)
        batch.removeAll()
        #expect(batch.rows == 0)
        try sheet.write(batch, firstRow: 0)
        try book.close()
        let python = try runPython("""
            import openpyxl
            ws = openpyxl.load_workbook('empty.xlsx')['Tom']
            assert ws.max_row == 1 and ws['A1'].value is None, (ws.max_row, ws['A1'].value)
            print('ok')
            """, in: folder)
        #expect(python.output.hasSuffix("ok\n"), "\(python.output)")
    }

    private func isBlank(_ cell: XLSXCell) -> Bool {
        if case .blank = cell { true } else { false }
    }
}
