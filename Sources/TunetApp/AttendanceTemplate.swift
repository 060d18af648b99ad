import Foundation
import TunetDomain
import TunetFiles
import TunetSpreadsheet
import TunetStore

public struct AttendanceTemplateReport: Sendable, Encodable {
    public let file: String
    public let provider: OrganisationNumber
    public let month: String
    public let rows: Int

    enum CodingKeys: String, CodingKey {
        case file, month, rows
        case provider = "provider_organisation_number"
    }
}

/// The pre-filled attendance workbook a farm fills in and sends back as it is: one row per planned
/// participant-day, the status as a dropdown, the identifying columns locked, instructions in Norwegian.
public struct AttendanceTemplate: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// The data sheet's name; the importer reads this sheet when it is present.
    public static let sheetName = AttendanceFile.sheetName
    public static let headers = ["Organisasjonsnummer", "Deltaker", "Dato", "Ukedag", "Status", "Timer", "Turer", "Ekstra"]
    /// Blank, unlocked rows below the planned days, for extra days the agreement allows.
    public static let extraRows = 20

    public func write(provider: String, month: String, to path: String) throws -> AttendanceTemplateReport {
        let number = try ProviderRegistry.parseNumber(provider)
        let period = try AttendanceReports.month(month)
        try OutputPath.check(path, database: context.database.path)
        let (farm, days) = try context.read { reader -> (Provider, [(Placement, LocalDate)]) in
            let farm = try ProviderRegistry.existing(number, in: reader)
            var days: [(Placement, LocalDate)] = []
            for placement in try reader.placements(provider: number) where !placement.isCancelled
                && placement.start <= period.lastDay && placement.end >= period.firstDay {
                let holidays = try reader.schoolHolidays(municipality: placement.municipalityNumber)
                for day in PlacementPlanner.plannedDays(weekdays: placement.weekdays, from: max(placement.start, period.firstDay),
                                                        to: min(placement.end, period.lastDay), kind: placement.kind, schoolHolidays: holidays) {
                    days.append((placement, day))
                }
            }
            return (farm, days.sorted { ($0.1, $0.0.participant) < ($1.1, $1.0.participant) })
        }
        let workbook = try XLSXWorkbook(path: path)
        try writeInstructions(workbook, farm: farm, month: period)
        let sheet = try workbook.addSheet(Self.sheetName)
        let editable = XLSXStyle(background: 0xFFF2CC, unlocked: true)
        let editableDate = XLSXStyle(numberFormat: "dd.mm.yyyy", background: 0xFFF2CC, unlocked: true)
        try sheet.write(row: 0, Self.headers.map { .text($0) }, style: .header)
        for (index, (placement, day)) in days.enumerated() {
            let row = index + 1
            try sheet.write(row: row, [.text(farm.organisationNumber.digits), .text(placement.participant.text), .date(day), .text(day.weekday.norwegianShort)])
            for column in 4...7 { try sheet.write(row, column, .blank, style: editable) }
        }
        let lastPlanned = days.count
        for row in (lastPlanned + 1)...(lastPlanned + Self.extraRows) {
            try sheet.write(row, 0, .blank, style: editable)
            try sheet.write(row, 1, .blank, style: editable)
            try sheet.write(row, 2, .blank, style: editableDate)
            try sheet.write(row, 3, .blank, style: editable)
            for column in 4...7 { try sheet.write(row, column, .blank, style: editable) }
        }
        let lastRow = lastPlanned + Self.extraRows
        try sheet.dropdown(rows: 1...lastRow, column: 4, values: AttendanceStatus.allCases.map(\.code), title: "Status",
                           message: "M = møtt, FM = fravær meldt, FU = fravær umeldt, AT = avlyst av tilbyder",
                           error: "Velg en verdi fra listen: \(AttendanceStatus.allCases.map(\.code).joined(separator: ", "))")
        try sheet.dropdown(rows: 1...lastRow, column: 7, values: ["ja", "nei"], title: "Ekstra dag",
                           message: "ja for en dag utenom de planlagte (bare hvis avtalen tillater ekstra dager)",
                           error: "Velg en verdi fra listen: ja, nei")
        try sheet.setColumns(0, 0, width: 20)
        try sheet.setColumns(1, 1, width: 15)
        try sheet.setColumns(2, 2, width: 12)
        try sheet.setColumns(3, 7, width: 10)
        sheet.freezePanes(row: 1, column: 0)
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: lastRow, lastColumn: 7)
        sheet.protect()
        try workbook.close()
        return AttendanceTemplateReport(file: path, provider: number, month: period.iso, rows: days.count)
    }

    private func writeInstructions(_ workbook: XLSXWorkbook, farm: Provider, month: YearMonth) throws {
        let sheet = try workbook.addSheet("Veiledning")
        let lines = [
            "Oppmøteliste for \(farm.name) (\(farm.organisationNumber.formatted)), \(month.iso)",
            "",
            "Slik fyller du ut arket «\(Self.sheetName)»:",
            "1. Hver rad er en planlagt dag for en deltaker. Deltaker, dato og organisasjonsnummer er låst og skal ikke endres.",
            "2. Velg status i kolonnen Status: M = møtt, FM = fravær meldt, FU = fravær umeldt, AT = avlyst av tilbyder.",
            "3. Timer (valgfritt): antall timer, 0–12, gjerne med én desimal (4,5).",
            "4. Turer (valgfritt): antall skyssturer den dagen (0–4). Står feltet tomt, regnes to turer på dager deltakeren møtte, hvis avtalen har skyss.",
            "5. Ekstra dager: bruk de gule tomme radene nederst, skriv organisasjonsnummer, deltaker og dato, og velg «ja» i kolonnen Ekstra.",
            "   Ekstra dager godtas bare når avtalen tillater det.",
            "6. Lagre filen som den er (xlsx) og send den tilbake. Samme fil to ganger endrer ingenting; en ny fil for samme dager erstatter de tidligere verdiene.",
            "7. Du kan sende en delvis utfylt liste. En rad uten status, der heller ikke timer, turer eller ekstra er fylt ut, regnes som ikke rapportert:",
            "   de utfylte radene lagres, og de tomme dagene står som manglende til du sender dem. Tunet sier hvor mange rader som var tomme.",
            "   En rad med timer, turer eller ekstra, men uten status, er en feil. En fil der alle radene er tomme, blir avvist.",
            "",
            "Ingen navn eller personnummer: deltakerne er bare kjent ved koden.",
        ]
        for (row, line) in lines.enumerated() { try sheet.write(row, 0, .text(line), style: row == 0 ? .title : nil) }
        try sheet.setColumns(0, 0, width: 120)
    }
}
