import TunetDomain
import TunetSpreadsheet

/// The invoice basis as a workbook: the farm and month on top, one row per placement, totals as
/// formulas with their values cached (readers that do not recalculate still show them); a second
/// sheet with the price periods, which days were billed at which price.
public enum InvoiceBasisWorkbook {
    static let headers = ["Plassering", "Deltaker", "Avtale", "Planlagt", "Rapportert", "Møtt", "Fravær meldt", "Fravær umeldt",
                          "Avlyst av tilbyder", "Fakturerbare dager", "Dager (NOK)", "Turer", "Skyss (NOK)", "Sum (NOK)", "Mangler rapport",
                          "Over taket"]

    public static func write(_ basis: InvoiceBasis, to path: String) throws {
        try OutputPath.check(path)
        let workbook = try XLSXWorkbook(path: path)
        let sheet = try workbook.addSheet("Fakturagrunnlag")
        try sheet.write(0, 0, .text("Fakturagrunnlag \(basis.month): \(basis.providerName) (\(basis.provider.formatted))"), style: .title)
        try sheet.write(1, 0, .text(basis.complete ? "Komplett: alle planlagte dager er rapportert."
                                                    : "UFULLSTENDIG: planlagte dager mangler rapport."))
        let headerRow = 3
        try sheet.write(row: headerRow, headers.map { .text($0) }, style: .header)
        for (index, line) in basis.lines.enumerated() {
            let row = headerRow + 1 + index
            try sheet.write(row: row, [
                .integer(Int(line.placementId)), .text(line.participant.text), .text(line.agreement), .integer(line.plannedDays),
                .integer(line.reportedDays), .integer(line.days[AttendanceStatus.present.rawValue] ?? 0),
                .integer(line.days[AttendanceStatus.absentWithNotice.rawValue] ?? 0),
                .integer(line.days[AttendanceStatus.absentWithoutNotice.rawValue] ?? 0),
                .integer(line.days[AttendanceStatus.cancelledByProvider.rawValue] ?? 0), .integer(line.billableDays),
                .money(line.dayAmount), .integer(line.transportTrips), .money(line.transportAmount), .money(line.total),
                .integer(line.missingDates.count), .text(line.ceilingOverride ? "ja" : ""),
            ])
        }
        let first = headerRow + 2, last = headerRow + 1 + basis.lines.count
        let totalRow = last + 1
        try sheet.write(totalRow, 0, .text("Sum"), style: .title)
        for (column, letter, amount) in [(10, "K", basis.dayAmount), (12, "M", basis.transportAmount), (13, "N", basis.total)] {
            let formula = basis.lines.isEmpty ? "=0" : "=SUM(\(letter)\(first):\(letter)\(last))"
            try sheet.write(totalRow, column, .formula(formula, cachedValue: Double(amount.ore) / 100), style: XLSXStyle(bold: true, numberFormat: XLSXStyle.nokFormat))
        }
        try sheet.setColumns(0, 2, width: 14)
        try sheet.setColumns(3, 15, width: 12)
        sheet.freezePanes(row: headerRow + 1, column: 2)
        try sheet.autofilter(firstRow: headerRow, firstColumn: 0, lastRow: max(last, headerRow + 1), lastColumn: headers.count - 1)
        try writePricePeriods(basis, to: workbook)
        try workbook.close()
    }

    static let periodHeaders = ["Plassering", "Deltaker", "Avtale", "Prislinje", "Fra", "Til", "Dager", "Antall", "Enhet", "Enhetspris (NOK)",
                                "Beløp (NOK)", "Datoer"]

    /// Which days were billed at which price: one row per price period, with the sum of the amounts,
    /// which is the invoice basis's total.
    private static func writePricePeriods(_ basis: InvoiceBasis, to workbook: XLSXWorkbook) throws {
        let sheet = try workbook.addSheet("Prisperioder")
        try sheet.write(0, 0, .text("Priser per periode \(basis.month): \(basis.providerName) (\(basis.provider.formatted))"), style: .title)
        try sheet.write(1, 0, .text("Hver rad er fakturerte dager etter hverandre til samme enhetspris; en ny pris gir en ny rad."))
        let headerRow = 3
        try sheet.write(row: headerRow, periodHeaders.map { .text($0) }, style: .header)
        var row = headerRow
        for line in basis.lines {
            for period in line.pricePeriods {
                row += 1
                try sheet.write(row: row, [
                    .integer(Int(line.placementId)), .text(line.participant.text), .text(line.agreement), .text(period.line), .date(period.from),
                    .date(period.to), .integer(period.days), .integer(period.quantity), .text(period.unit == .trip ? "tur" : "dag"),
                    .money(period.unitPrice), .money(period.amount), .text(period.dates.map(\.norwegian).joined(separator: ", ")),
                ])
            }
        }
        let totalRow = row + 1
        try sheet.write(totalRow, 0, .text("Sum"), style: .title)
        let formula = row == headerRow ? "=0" : "=SUM(K\(headerRow + 2):K\(row + 1))"
        try sheet.write(totalRow, 10, .formula(formula, cachedValue: Double(basis.total.ore) / 100), style: XLSXStyle(bold: true, numberFormat: XLSXStyle.nokFormat))
        try sheet.setColumns(0, 3, width: 14)
        try sheet.setColumns(4, 5, width: 12)
        try sheet.setColumns(6, 8, width: 8)
        try sheet.setColumns(9, 10, width: 16)
        try sheet.setColumns(11, 11, width: 60)
        sheet.freezePanes(row: headerRow + 1, column: 2)
        try sheet.autofilter(firstRow: headerRow, firstColumn: 0, lastRow: max(row, headerRow + 1), lastColumn: periodHeaders.count - 1)
    }
}
