import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetFiles

@Suite("Exports read back with Tunet's own xlsx reader")
struct ReportExportTests {
    @Test("The agreements report holds what the register holds, in English with --lang en")
    func agreementsReport() throws {
        let workspace = try TestWorkspace(today: LocalDate(year: 2025, month: 3, day: 1)!)
        try registerFarms(workspace)
        _ = try AgreementRegistry(workspace.context).add(kongsbergForm())
        var filters = ReportFilters()
        filters.language = .en
        let path = workspace.folder.appendingPathComponent("agreements.xlsx").path
        let result = try ReportExport(workspace.context).write("agreements", filters: filters, to: path)
        #expect(result.sheets == ["Agreements", "Options"])
        let reader = try XLSXReader(data: try Data(contentsOf: URL(fileURLWithPath: path)), name: "agreements.xlsx")
        #expect(reader.sheetNames == ["Front", "Agreements", "Options"])
        let rows = try reader.records(sheet: "Agreements")
        #expect(rows[0].fields.prefix(3) == ["Reference", "Title", "Municipalities"])
        let maximum = try #require(rows[0].fields.firstIndex(of: "Maximum value"))
        #expect(rows[1].fields[0] == "2023/4512")
        #expect(rows[1].fields[maximum] == "8000000")
        #expect(rows[1].fields[5] == "2024-01-01")   // a real date cell, read back as a date
        #expect(rows.last?.fields[0] == "Total")
        #expect(rows.last?.fields[maximum] == "8000000")   // the cached value of the SUBTOTAL formula
        let options = try reader.records(sheet: "Options")
        #expect(options.count == 3)
        #expect(options[2].fields[4] == "2026-09-30")
    }

    @Test("Every report in the catalogue can be written from an empty database")
    func emptyDatabase() throws {
        let workspace = try TestWorkspace()
        for report in try ReportCatalogue.load().reports {
            let path = workspace.folder.appendingPathComponent("\(report.name).xlsx").path
            let result = try ReportExport(workspace.context).write(report.name, filters: ReportFilters(), to: path)
            #expect(result.rows == 0)
            let reader = try XLSXReader(data: try Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(reader.sheetNames.first == "Forside")
        }
    }
}
