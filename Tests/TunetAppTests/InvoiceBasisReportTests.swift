import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetFiles

@Suite("The invoice basis as a catalogue report, for one farm or all")
struct InvoiceBasisReportTests {
    @Test("Narrowed to a farm and a month, the farm's columns are left out, each sheet's heading names them, and the totals are the basis's")
    func oneFarm() throws {
        let farms = try SyntheticFarm(farms: 2, placements: 8)
        _ = try AttendanceImportDesk(farms.context).run(file: farms.file)
        let day = try #require(try farms.context.allStoredDays().map(\.entry.date).min())
        let month = YearMonth(day)
        let farm = try #require(try farms.context.read { try $0.allProviders() }.first)
        let basis = try AttendanceOverviewDesk(farms.context).invoiceBasis(provider: farm.organisationNumber.digits, month: month.iso)
        #expect(!basis.lines.isEmpty)

        var request = ReportRequest(report: "invoice-basis")
        request.provider = farm.organisationNumber.digits
        request.month = month.iso
        let path = farms.workspace.folder.appendingPathComponent("faktura.xlsx").path
        let result = try ReportDesk(farms.context).write(request, to: path)
        #expect(result.sheets == ["Fakturagrunnlag", "Prisperioder"])
        let reader = try XLSXReader(data: try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(reader.sheetNames == ["Forside", "Fakturagrunnlag", "Prisperioder"])

        let lines = try reader.records(sheet: "Fakturagrunnlag").filter { !$0.isBlank }
        #expect(lines[0].fields[0].hasSuffix(": \(farm.name) (\(farm.organisationNumber.formatted))"))
        #expect(lines[1].fields[0] == (basis.complete ? "Komplett: alle planlagte dager er rapportert." : "UFULLSTENDIG: planlagte dager mangler rapport."))
        let header = lines[2].fields
        #expect(header.prefix(3) == ["Plassering", "Deltaker", "Avtale"] && !header.contains("Tilbyder") && !header.contains("Gård"))
        #expect(lines.count == 3 + basis.lines.count + 1)
        let total = try #require(header.firstIndex(of: "Sum"))
        #expect(lines.last?.fields[0] == "Sum")
        #expect(lines.last?.fields[total] == Self.kroner(basis.total))

        let periods = try reader.records(sheet: "Prisperioder").filter { !$0.isBlank }
        #expect(periods[1].fields[0] == "Hver rad er fakturerte dager etter hverandre til samme enhetspris; en ny pris gir en ny rad.")
        let amount = try #require(periods[2].fields.firstIndex(of: "Beløp (kr)"))
        #expect(periods.count == 3 + basis.lines.reduce(0) { $0 + $1.pricePeriods.count } + 1)
        #expect(periods.last?.fields[amount] == Self.kroner(basis.total))
    }

    @Test("For every farm the farm's columns are there, one farm's detail (days by status, price periods) is not, and the heading says so")
    func everyFarm() throws {
        let farms = try SyntheticFarm(farms: 2, placements: 8)
        _ = try AttendanceImportDesk(farms.context).run(file: farms.file)
        let day = try #require(try farms.context.allStoredDays().map(\.entry.date).min())
        var request = ReportRequest(report: "invoice-basis", defaultLanguage: .en)
        request.from = day.iso
        let path = farms.workspace.folder.appendingPathComponent("invoice.xlsx").path
        let result = try ReportDesk(farms.context).write(request, to: path)
        #expect(result.sheets == ["Invoice basis"])
        let lines = try XLSXReader(data: try Data(contentsOf: URL(fileURLWithPath: path))).records(sheet: "Invoice basis").filter { !$0.isBlank }
        #expect(lines[0].fields[0].hasSuffix(": every farm"))
        #expect(lines[2].fields == ["Provider", "Farm", "Participant", "Agreement", "Planned", "Reported", "Billable", "Days", "Transport", "Total",
                                    "Missing reports"])
    }

    /// An amount as Tunet's reader gives a number cell back: 1234.5 for 1 234,50 kr.
    static func kroner(_ money: Money) -> String {
        let value = Double(money.ore) / 100
        return value == value.rounded() ? String(Int(value)) : String(value)
    }
}
