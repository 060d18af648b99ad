import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetFiles
import TunetStorage
@testable import TunetStoreSQLite

@Suite("Exports read back with Tunet's own xlsx reader")
struct ReportDeskTests {
    @Test("The agreements report holds what the register holds, in English with --lang en")
    func agreementsReport() throws {
        let workspace = try TestWorkspace(today: LocalDate(year: 2025, month: 3, day: 1)!)
        try registerFarms(workspace)
        _ = try AgreementDesk(workspace.context).add(kongsbergForm())
        var filters = ReportFilters()
        filters.language = .en
        let path = workspace.folder.appendingPathComponent("agreements.xlsx").path
        let result = try ReportDesk(workspace.context).write("agreements", filters: filters, to: path)
        #expect(result.sheets == ["Agreements", "Options", "Consumption by municipality"])
        let reader = try XLSXReader(data: try Data(contentsOf: URL(fileURLWithPath: path)), name: "agreements.xlsx")
        #expect(reader.sheetNames == ["Front", "Agreements", "Options", "Consumption by municipality"])
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

    @Test("The agreements report has a row per agreement and municipality of what each used of the shared ceiling; narrowed to a municipality, only its rows")
    func consumptionByMunicipality() throws {
        let workspace = try jointAgreementWorkspace()
        try placeOnMarchMondays(workspace, for: "3316")
        func sheet(_ filters: ReportFilters) throws -> [[String]] {
            let path = workspace.folder.appendingPathComponent("agreements-\(UUID().uuidString).xlsx").path
            _ = try ReportDesk(workspace.context).write("agreements", filters: filters, to: path)
            let reader = try XLSXReader(data: try Data(contentsOf: URL(fileURLWithPath: path)), name: "agreements.xlsx")
            #expect(reader.sheetNames == ["Forside", "Avtaler", "Opsjoner", "Forbruk per kommune"])
            return try reader.records(sheet: "Forbruk per kommune").map(\.fields)
        }
        let every = try sheet(ReportFilters())
        #expect(every[0] == ["Referanse", "Tittel", "Kommune", "Bundet", "Brukt", "Forbruk", "Avtalens maksimalverdi", "Andel av taket"])
        #expect(every.dropFirst().map { Array($0.prefix(4)) } == [
            ["2026/FELLES", "Inn på tunet i tre kommuner", "3303 Kongsberg", "0"],
            ["2026/FELLES", "Inn på tunet i tre kommuner", "3316 Modum", "6250"],
            ["2026/FELLES", "Inn på tunet i tre kommuner", "3107 Fredrikstad", "0"],
            ["Sum", "", "", "6250"],
        ])
        #expect(every[2][5] == "6250" && every[2][6] == "8000000")

        var modum = ReportFilters()
        modum.municipalityNumber = "3316"
        #expect(try sheet(modum).dropFirst().map { [$0[0], $0[2]] } == [["2026/FELLES", "3316 Modum"], ["Sum", ""]])
        var oslo = ReportFilters()
        oslo.municipalityNumber = "0301"
        #expect(try sheet(oslo).dropFirst().map { $0[0] } == ["Ingen rader passer filtrene."], "Oslo is no party to the agreement")
    }

    @Test("Every report in the catalogue can be written from an empty database")
    func emptyDatabase() throws {
        let workspace = try TestWorkspace()
        for report in try ReportCatalogue.load().reports {
            let path = workspace.folder.appendingPathComponent("\(report.name).xlsx").path
            let result = try ReportDesk(workspace.context).write(report.name, filters: ReportFilters(), to: path)
            #expect(result.rows == 0)
            let reader = try XLSXReader(data: try Data(contentsOf: URL(fileURLWithPath: path)))
            #expect(reader.sheetNames.first == "Forside")
        }
    }

    @Test("The attendance rows sheet holds every stored day once, farm by farm and participant by participant in date order")
    func attendanceRows() throws {
        let farms = try SyntheticFarm(farms: 2, placements: 30)
        let context = farms.context
        _ = try AttendanceImportDesk(context).run(file: farms.file)
        let path = farms.workspace.folder.appendingPathComponent("rows.xlsx").path
        let result = try ReportDesk(context).write("attendance-rows", filters: ReportFilters(), to: path)
        #expect(result.rows == farms.rows)
        #expect(farms.rows > 2_000 && farms.rows % 1_000 != 0, "several of the reading thread's batches of 1,000, the last one short")

        let sheet = try #require(result.sheets.first)
        let written = try XLSXReader(data: try Data(contentsOf: URL(fileURLWithPath: path))).records(sheet: sheet).dropFirst()
            .filter { !$0.fields[0].isEmpty && $0.fields[0] != "Sum" }
        // The file's own rows, sorted as the sheet promises: farm, participant, date.
        let expected = try farms.lines().dropFirst().map { $0.split(separator: ";").prefix(3).map(String.init) }
            .sorted { ($0[0], $0[1], $0[2]) < ($1[0], $1[1], $1[2]) }
        #expect(written.map { Array($0.fields.prefix(2)) } == expected.map { Array($0.prefix(2)) })
        #expect(written.map { $0.fields[3] } == expected.map { $0[2] })
    }

    @Test("An attendance rows export over a stored status Tunet does not know fails, naming it, and writes no file")
    func damagedRows() throws {
        let farm = try SyntheticFarm(placements: 3)
        try farm.importedWithUnknownStatus()
        let path = farm.workspace.folder.appendingPathComponent("rows.xlsx").path
        #expect(performing: { try ReportDesk(farm.context).write("attendance-rows", filters: ReportFilters(), to: path) },
                throws: SyntheticFarm.namesUnknownStatus)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
