import Foundation
import TunetDomain
import TunetFiles
import TunetSpreadsheet
import TunetStorage
import TunetText

public struct AttendanceTemplateView: Sendable, Encodable {
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
/// participant-day, the status as a dropdown, the identifying columns locked, instructions in the reader's
/// language (bokmål or English; the status codes M, FM, FU and AT are the same in both).
public struct AttendanceTemplateDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// The data sheet's name in bokmål; the importer reads this sheet when it is present, else the first.
    public static let sheetName = AttendanceFile.sheetName
    /// The columns, each a name the importer knows in either language (Contracts/attendance-file.md).
    static let columns = ["organisation_number", "participant", "date", "weekday", "status", "hours", "trips", "extra"]
    /// A problem's field as the template names its column in the reader's language ("Dato" for `date`), so
    /// that a farm finds it in its sheet; any other field as it is.
    public static func columnName(_ field: String, _ texts: Texts) -> String {
        let column = field == "transport_trips" ? "trips" : field == "extra_day" ? "extra" : field
        return columns.contains(column) ? texts("attendance.template.column.\(column)") : field
    }

    /// Blank, unlocked rows below the planned days, for extra days the agreement allows.
    public static let extraRows = 20

    public func write(provider: String, month: String, to path: String, language: Language, force: Bool = false) throws -> AttendanceTemplateView {
        let texts = Texts(language)
        let number = try ProviderDesk.parseNumber(provider)
        let period = try AttendanceOverviewDesk.month(month)
        try OutputPath.check(path, database: context.store.location, force: force)
        let (farm, days) = try context.read { reader -> (Provider, [(Placement, LocalDate)]) in
            let farm = try ProviderDesk.existing(number, in: reader)
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
        let name = texts("attendance.template.title", ["name": .text(farm.name), "provider": .text(farm.organisationNumber.formatted),
                                                       "month": .message(period.name)])
        let workbook = try XLSXWorkbook(path: path, footer: WorkbookFooter.make(name: name, texts: texts, now: context.now()))
        let dataSheet = texts("attendance.template.sheet.data")
        // The importer finds the bokmål sheet by its name, and any other as the workbook's first.
        let instructionsFirst = dataSheet == Self.sheetName
        if instructionsFirst { try writeInstructions(workbook, farm: farm, month: period, sheet: dataSheet, texts: texts) }
        let sheet = try workbook.addSheet(dataSheet)
        let editable = XLSXStyle(background: 0xFFF2CC, unlocked: true)
        let editableDate = XLSXStyle(numberFormat: "dd.mm.yyyy", background: 0xFFF2CC, unlocked: true)
        try sheet.setColumns(0, 0, width: 20)
        try sheet.setColumns(1, 1, width: 15)
        try sheet.setColumns(2, 2, width: 12)
        try sheet.setColumns(3, 7, width: 10)
        try sheet.writeHeader(row: 0, Self.columns.map { texts("attendance.template.column.\($0)") })
        for (index, (placement, day)) in days.enumerated() {
            let row = index + 1
            let weekday = language == .nb ? day.weekday.norwegianShort : day.weekday.code
            try sheet.write(row: row, [.text(farm.organisationNumber.digits), .text(placement.participant.text), .date(day), .text(weekday)])
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
        try sheet.dropdown(rows: 1...lastRow, column: 4, values: AttendanceStatus.allCases.map(\.code), title: texts("attendance.template.status_title"),
                           message: texts("attendance.template.status_help"),
                           error: texts("attendance.template.choose_from_list", ["values": .text(AttendanceStatus.allCases.map(\.code).joined(separator: ", "))]))
        try sheet.dropdown(rows: 1...lastRow, column: 7, values: [texts("attendance.template.yes"), texts("attendance.template.no")],
                           title: texts("attendance.template.extra_title"), message: texts("attendance.template.extra_help"),
                           error: texts("attendance.template.choose_from_list",
                                        ["values": .text([texts("attendance.template.yes"), texts("attendance.template.no")].joined(separator: ", "))]))
        sheet.freezePanes(row: 1, column: 0)
        try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: lastRow, lastColumn: 7)
        sheet.protect()
        if !instructionsFirst { try writeInstructions(workbook, farm: farm, month: period, sheet: dataSheet, texts: texts) }
        try workbook.close()
        return AttendanceTemplateView(file: path, provider: number, month: period.iso, rows: days.count)
    }

    private func writeInstructions(_ workbook: XLSXWorkbook, farm: Provider, month: YearMonth, sheet dataSheet: String, texts: Texts) throws {
        let sheet = try workbook.addSheet(texts("attendance.template.sheet.instructions"))
        let title = texts("attendance.template.title", ["name": .text(farm.name), "provider": .text(farm.organisationNumber.formatted),
                                                        "month": .message(month.name)])
        let lines = [title, ""] + texts("attendance.template.instructions", ["sheet": .text(dataSheet)]).components(separatedBy: "\n")
        // Each line wraps within a standing page's width, its row as tall as its lines. (LibreOffice does not
        // scale one column wider than the page to fit: it cuts it. Without Calibri its columns are wider, some
        // 7.5 points a character: 64 of them fill 480 of the page's 523.)
        try sheet.setColumns(0, 0, width: 64)
        for (row, line) in lines.enumerated() where !line.isEmpty {
            try sheet.writeParagraph(row, columns: 0...0, line, style: row == 0 ? .title : XLSXStyle())
        }
    }
}
