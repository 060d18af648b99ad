import TunetDomain
import TunetSpreadsheet
import TunetText

/// The invoice basis as a workbook: the farm and month on top, one row per placement, totals as
/// formulas with their values cached (readers that do not recalculate still show them); a second
/// sheet with the price periods, which days were billed at which price. Written in the reader's language.
public enum InvoiceBasisWorkbook {
    static let columns = ["placement", "participant", "agreement", "planned", "reported", "present", "absent_with_notice", "absent_without_notice",
                          "cancelled", "billable", "day_amount", "trips", "transport_amount", "total", "missing", "above_ceiling"]

    public static func write(_ basis: InvoiceBasis, to path: String, language: Language) throws {
        try OutputPath.check(path)
        let texts = Texts(language)
        let heading: [String: MessageValue] = ["month": YearMonth.name(basis.month), "name": .text(basis.providerName), "provider": .text(basis.provider.formatted)]
        let workbook = try XLSXWorkbook(path: path)
        let sheet = try workbook.addSheet(texts("invoice.workbook.sheet"))
        try sheet.write(0, 0, .text(texts("invoice.workbook.title", heading)), style: .title)
        try sheet.write(1, 0, .text(texts(basis.complete ? "invoice.workbook.complete" : "invoice.workbook.incomplete")))
        let headerRow = 3
        try sheet.write(row: headerRow, columns.map { .text(texts("invoice.workbook.column.\($0)")) }, style: .header)
        for (index, line) in basis.lines.enumerated() {
            let row = headerRow + 1 + index
            try sheet.write(row: row, [
                .integer(Int(line.placementId)), .text(line.participant.text), .text(line.agreement), .integer(line.plannedDays),
                .integer(line.reportedDays), .integer(line.days[AttendanceStatus.present.rawValue] ?? 0),
                .integer(line.days[AttendanceStatus.absentWithNotice.rawValue] ?? 0),
                .integer(line.days[AttendanceStatus.absentWithoutNotice.rawValue] ?? 0),
                .integer(line.days[AttendanceStatus.cancelledByProvider.rawValue] ?? 0), .integer(line.billableDays),
                .money(line.dayAmount), .integer(line.transportTrips), .money(line.transportAmount), .money(line.total),
                .integer(line.missingDates.count), .text(line.ceilingOverride ? texts("invoice.workbook.yes") : ""),
            ])
        }
        let first = headerRow + 2, last = headerRow + 1 + basis.lines.count
        let totalRow = last + 1
        try sheet.write(totalRow, 0, .text(texts("invoice.workbook.sum")), style: .title)
        for (column, letter, amount) in [(10, "K", basis.dayAmount), (12, "M", basis.transportAmount), (13, "N", basis.total)] {
            let formula = basis.lines.isEmpty ? "=0" : "=SUM(\(letter)\(first):\(letter)\(last))"
            try sheet.write(totalRow, column, .formula(formula, cachedValue: Double(amount.ore) / 100), style: XLSXStyle(bold: true, numberFormat: XLSXStyle.nokFormat))
        }
        try sheet.setColumns(0, 2, width: 14)
        try sheet.setColumns(3, 15, width: 12)
        sheet.freezePanes(row: headerRow + 1, column: 2)
        try sheet.autofilter(firstRow: headerRow, firstColumn: 0, lastRow: max(last, headerRow + 1), lastColumn: columns.count - 1)
        try writePricePeriods(basis, to: workbook, texts: texts, heading: heading)
        try workbook.close()
    }

    static let periodColumns = ["price_line", "from", "to", "days", "quantity", "unit", "unit_price", "amount", "dates"]

    /// Which days were billed at which price: one row per price period, with the sum of the amounts,
    /// which is the invoice basis's total.
    private static func writePricePeriods(_ basis: InvoiceBasis, to workbook: XLSXWorkbook, texts: Texts,
                                          heading: [String: MessageValue]) throws {
        let sheet = try workbook.addSheet(texts("invoice.workbook.periods.sheet"))
        try sheet.write(0, 0, .text(texts("invoice.workbook.periods.title", heading)), style: .title)
        try sheet.write(1, 0, .text(texts("invoice.workbook.periods.note")))
        let headerRow = 3
        let headers = ["placement", "participant", "agreement"].map { texts("invoice.workbook.column.\($0)") }
            + periodColumns.map { texts("invoice.workbook.periods.column.\($0)") }
        try sheet.write(row: headerRow, headers.map { .text($0) }, style: .header)
        var row = headerRow
        for line in basis.lines {
            for period in line.pricePeriods {
                row += 1
                try sheet.write(row: row, [
                    .integer(Int(line.placementId)), .text(line.participant.text), .text(line.agreement), .text(period.line), .date(period.from),
                    .date(period.to), .integer(period.days), .integer(period.quantity), .text(texts.render(period.unit.label)),
                    .money(period.unitPrice), .money(period.amount), .text(period.dates.map { texts.format(.date($0)) }.joined(separator: ", ")),
                ])
            }
        }
        let totalRow = row + 1
        try sheet.write(totalRow, 0, .text(texts("invoice.workbook.sum")), style: .title)
        let formula = row == headerRow ? "=0" : "=SUM(K\(headerRow + 2):K\(row + 1))"
        try sheet.write(totalRow, 10, .formula(formula, cachedValue: Double(basis.total.ore) / 100), style: XLSXStyle(bold: true, numberFormat: XLSXStyle.nokFormat))
        try sheet.setColumns(0, 3, width: 14)
        try sheet.setColumns(4, 5, width: 12)
        try sheet.setColumns(6, 8, width: 8)
        try sheet.setColumns(9, 10, width: 16)
        try sheet.setColumns(11, 11, width: 60)
        sheet.freezePanes(row: headerRow + 1, column: 2)
        try sheet.autofilter(firstRow: headerRow, firstColumn: 0, lastRow: max(row, headerRow + 1), lastColumn: headers.count - 1)
    }
}
