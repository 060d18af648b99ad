import Foundation
import TunetDomain
import TunetSpreadsheet
import TunetText

/// A check as a workbook for the person who approves the invoice: the price lines side by side with the
/// basis, the totals and the result on one sheet, each difference on the next, amounts to the øre.
public enum InvoiceCheckWorkbook {
    public static func write(_ view: InvoiceCheckView, to path: String, language: Language, now: Date = Date()) throws {
        let texts = Texts(language)
        let invoice = view.invoice
        let name = texts("invoice.workbook.name", ["number": .text(invoice.number), "provider": .text(view.providerName)])
        let workbook = try XLSXWorkbook(path: path, footer: WorkbookFooter.make(name: name, texts: texts, now: now))
        let sheet = try workbook.addSheet(texts("invoice.workbook.sheet"))
        try sheet.setColumns(0, 0, width: 18)
        try sheet.setColumns(1, 3, width: 12)
        try sheet.setColumns(4, 6, width: 18)
        try sheet.writeParagraph(0, columns: 0...6, texts.render(InvoiceCheckText.title(view)), style: .title)
        try sheet.write(row: 1, [.text(texts.render(InvoiceCheckText.period(invoice)))])
        try sheet.write(row: 2, [.text(texts("invoice.workbook.status", ["status": .label("invoice.status.\(invoice.status.rawValue)")]))], style: .title)
        let header = ["invoice.check.price_line", "invoice.check.unit", "invoice.check.invoiced_quantity", "invoice.check.expected_quantity",
                      "invoice.check.invoiced_amount", "invoice.check.expected_amount", "invoice.check.difference"]
        try sheet.writeHeader(row: 4, header.map { texts($0) })
        var row = 5
        for line in invoice.lines {
            try sheet.write(row: row, [
                .text(line.priceLine), .text(texts("invoice.unit.\(line.unit.rawValue)")), quantity(line.invoicedQuantity),
                quantity(line.expectedQuantity), .money(line.invoicedAmount), .money(line.expectedAmount), .money(line.invoicedAmount - line.expectedAmount),
            ])
            row += 1
        }
        row += 1
        try sheet.writeParagraph(row, columns: 0...6, texts.render(InvoiceCheckText.totals(invoice)))
        // The title, the result and the header stay in view, and head every printed page.
        sheet.freezePanes(row: 5, column: 0)
        let differences = try workbook.addSheet(texts("invoice.workbook.differences_sheet"))
        let columns = ["invoice.workbook.kind", "invoice.workbook.line", "invoice.workbook.difference", "invoice.check.invoiced_amount",
                       "invoice.check.expected_amount", "invoice.check.difference"]
        try differences.setColumns(0, 1, width: 16)
        try differences.setColumns(2, 2, width: 90, style: XLSXStyle(wrap: true))
        try differences.setColumns(3, 5, width: 16)
        try differences.writeHeader(row: 0, columns.map { texts($0) })
        for (index, difference) in invoice.differences.enumerated() {
            try differences.writeParagraph(index + 1, columns: 2...2, texts.render(difference.message))
            try differences.write(row: index + 1, [.text(difference.kind.rawValue), difference.line.map { .text($0) } ?? .blank], style: XLSXStyle(top: true))
            try differences.write(row: index + 1, from: 3, [
                difference.invoicedAmount.map { .money($0) } ?? .blank, difference.expectedAmount.map { .money($0) } ?? .blank,
                difference.difference.map { .money($0) } ?? .blank,
            ])
        }
        differences.freezePanes(row: 1, column: 0)
        try workbook.close()
    }

    static func quantity(_ value: DecimalNumber) -> XLSXCell {
        if let whole = value.whole { return .integer(whole) }
        return .number(Double(value.millionths) / Double(DecimalNumber.scale))
    }
}

/// The sentences a check is told in, shared by the command line, the workbook and the service's pages.
public enum InvoiceCheckText {
    public static func title(_ view: InvoiceCheckView) -> Message {
        Message("invoice.check.title", [
            "kind": .label("invoice.kind.\(view.invoice.kind.rawValue)"), "number": .text(view.invoice.number), "provider": .text(view.providerName),
            "organisation_number": .text(view.invoice.provider.formatted), "date": .date(view.invoice.issueDate),
        ])
    }

    public static func period(_ invoice: CheckedInvoice) -> Message {
        let name = Municipality.named(invoice.municipalityNumber).map { "\($0.name) (\(invoice.municipalityNumber))" } ?? invoice.municipalityNumber
        return Message("invoice.check.period", ["from": .date(invoice.period.from), "to": .date(invoice.period.to), "municipality": .text(name)])
    }

    public static func totals(_ invoice: CheckedInvoice) -> Message {
        Message("invoice.check.totals", [
            "net": .money(invoice.totals.taxExclusive), "expected": .money(invoice.expectedTotal), "tax": .money(invoice.taxAmount),
            "payable": .money(invoice.totals.payable),
        ])
    }
}
