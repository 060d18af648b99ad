import Foundation
import Testing
@testable import TunetApp
import TunetDomain
import TunetSpreadsheet
import TunetTestSupport
import TunetText

/// The attendance rows export, and a long catalogue sheet, make their rows' cells ready on a thread of their
/// own (`SheetWriter.writeRowsMadeElsewhere`) and write them on another; that must give the workbook that
/// writing each row in place gives.
@Suite("A sheet's rows made ready on another thread are the rows written one by one")
struct SheetRowsMadeElsewhereTests {
    /// A value of every kind a column of `type` takes, varying with the row; highlighted codes included.
    static func value(_ type: ReportColumnType, highlight: [String]?, row: Int) -> ReportValue {
        let day = LocalDate(year: 2025, month: 1 + row % 12, day: 1 + row % 28)!
        switch type {
        case .text:
            if row % 11 == 3 { return .none }
            if let codes = highlight, row % 2 == 0 {
                let code = codes[row % codes.count]
                return .label(Message("label.attendance_status.present", [:]), code: code)
            }
            return row % 3 == 0 ? .label(Message("label.attendance_status.absent_with_notice"), code: "absent_with_notice")
                : .text("Gård \(row) & Sønn <AS>")
        case .integer: return .integer(row * 3 - 700)
        case .number: return row % 5 == 0 ? .none : .number(Double(row) / 4)
        case .money: return .money(Money(ore: Int64(row) * 1_234 - 5))
        case .date: return row % 7 == 0 ? .codedDate(day, code: "early") : .date(day)
        case .percent: return .percent(Double(row % 100) / 100)
        case .flag: return .flag(row % 2 == 0)
        case .daysOfMonth:
            var days = [1: "M", 2: "FM"]
            days[3 + row % 26] = "AT"
            return .days(days)
        }
    }

    @Test("Providers, attendance rows and a month's grid: the same workbook, totals included, written either way")
    func sameWorkbook() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-rows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalogue = try ReportCatalogue.load()
        for name in ["providers", "attendance-rows", "attendance-month"] {
            let definition = try #require(catalogue.reports.first { $0.name == name }?.sheets.first)
            let month = YearMonth(year: 2025, month: 2)!
            func sheetWriter(_ file: String) throws -> (XLSXWorkbook, SheetWriter) {
                let workbook = try XLSXWorkbook(path: folder.appendingPathComponent(file).path, constantMemory: true)
                return (workbook, try SheetWriter(workbook: workbook, name: "Rader", definition: definition, language: .nb, month: month))
            }
            let (oneByOne, plain) = try sheetWriter("\(name)-plain.xlsx")
            let columns = plain.columns
            let rows = (0..<2_500).map { row in
                columns.map { Self.value($0.type, highlight: $0.highlight.isEmpty ? nil : Array($0.highlight).sorted(), row: row) }
            }
            for values in rows { try plain.write(values: values) }
            try plain.finish()
            try oneByOne.close()

            let (elsewhere, batched) = try sheetWriter("\(name)-batched.xlsx")
            try batched.writeRowsMadeElsewhere(threadName: "test-rows") { row in
                for values in rows { try row(values) }
            }
            #expect(batched.count == rows.count)
            try batched.finish()
            try elsewhere.close()

            let python = try runPython(sameWorkbooksScript("\(name)-plain.xlsx", "\(name)-batched.xlsx"), in: folder)
            #expect(python.output.hasSuffix("ok\n"), "\(name): \(python.output)")
        }
    }

    @Test("A failure while rows are made ready stops the writing and is the one thrown; the rows before it are written")
    func failureWhileMaking() throws {
        struct Broken: Error, Equatable {}
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-rows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let definition = try #require(try ReportCatalogue.load().reports.first { $0.name == "attendance-rows" }?.sheets.first)
        let workbook = try XLSXWorkbook(path: folder.appendingPathComponent("broken.xlsx").path, constantMemory: true)
        let writer = try SheetWriter(workbook: workbook, name: "Rader", definition: definition, language: .nb, month: nil)
        let values = writer.columns.map { Self.value($0.type, highlight: nil, row: 1) }
        #expect(throws: Broken()) {
            try writer.writeRowsMadeElsewhere(threadName: "test-rows") { row in
                for _ in 0..<2_500 { try row(values) }
                throw Broken()
            }
        }
        // The two full batches were written; the half batch made when it failed was not.
        #expect(writer.count == 2_000)
    }
}
