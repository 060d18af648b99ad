import TunetDomain
import TunetSideBySide
import TunetStorage
import TunetText

/// The invoice basis's sheets, for every farm or the one asked for, in the export's month: a row per
/// placement, and a row per price period (which days were billed at which price). Each sheet's
/// heading names the month (and the farm) and says whether the month is complete.
extension ReportSources {
    func invoiceLines(_ reader: StoreReader) throws -> SheetRows {
        let bases = try invoiceBases(reader)
        // A national month has 10,000 lines: their rows are made side by side.
        let lines = bases.indices.flatMap { farm in bases[farm].lines.map { (farm: farm, line: $0) } }
        let rows = try SideBySide.map(lines) { item -> ReportRow in
            let (farm, line) = (bases[item.farm].farm, item.line)
            func days(_ status: AttendanceStatus) -> ReportValue { .integer(line.days[status.rawValue] ?? 0) }
            return [
                "provider": .text(farm.organisationNumber.digits), "provider_name": .text(farm.name),
                "placement": .integer(Int(line.placementId)), "participant": .text(line.participant.text), "agreement": .text(line.agreement),
                "planned_days": .integer(line.plannedDays), "reported_days": .integer(line.reportedDays), "present_days": days(.present),
                "absent_with_notice_days": days(.absentWithNotice), "absent_without_notice_days": days(.absentWithoutNotice),
                "cancelled_days": days(.cancelledByProvider), "billable_days": .integer(line.billableDays), "day_amount": .money(line.dayAmount),
                "transport_trips": .integer(line.transportTrips), "transport_amount": .money(line.transportAmount), "total": .money(line.total),
                "missing_days": .integer(line.missingDates.count), "ceiling_override": .flag(line.ceilingOverride),
            ]
        }
        let complete = lines.allSatisfy { $0.line.missingDates.isEmpty }
        return SheetRows(rows: rows, heading: [
            invoiceTitle("invoice.workbook.title"), Message(complete ? "invoice.workbook.complete" : "invoice.workbook.incomplete"),
        ])
    }

    /// One row per price period; the periods' amounts add up to the basis's total. (The catalogue
    /// shows this sheet for one farm only.)
    func invoicePeriods(_ reader: StoreReader) throws -> SheetRows {
        let texts = texts
        var rows: [ReportRow] = []
        for (farm, lines) in try invoiceBases(reader) {
            for line in lines {
                for period in line.pricePeriods {
                    rows.append([
                        "provider": .text(farm.organisationNumber.digits), "provider_name": .text(farm.name),
                        "placement": .integer(Int(line.placementId)), "participant": .text(line.participant.text), "agreement": .text(line.agreement),
                        "price_line": .text(period.line), "from": .date(period.from), "to": .date(period.to), "days": .integer(period.days),
                        "quantity": .integer(period.quantity), "unit": label(period.unit), "unit_price": .money(period.unitPrice),
                        "amount": .money(period.amount), "dates": .text(period.dates.map { texts.format(.date($0)) }.joined(separator: ", ")),
                    ])
                }
            }
        }
        return SheetRows(rows: rows, heading: [invoiceTitle("invoice.workbook.periods.title"), Message("invoice.workbook.periods.note")])
    }

    /// The farm asked for with its lines, or every farm with lines in the month; worked out once for
    /// both sheets (a national month is a second's work).
    private func invoiceBases(_ reader: StoreReader) throws -> [FarmInvoiceLines] {
        if let known = readings.invoiceBases { return known }
        let month = filters.month(today: context.today)
        let bases: [FarmInvoiceLines]
        if let number = filters.provider {
            let farm = try ProviderDesk.existing(number, in: reader)
            bases = [(farm, try AttendanceOverviewDesk.lines(provider: number, month: month, today: context.today,
                                                                     municipalities: filters.covered, in: reader))]
        } else {
            let byProvider = try AttendanceOverviewDesk.linesByProvider(month: month, today: context.today, municipalities: filters.covered,
                                                                        in: reader)
            bases = try reader.providers(in: filters.covered).compactMap { farm in byProvider[farm.organisationNumber].map { (farm, $0) } }
        }
        readings.invoiceBases = bases
        return bases
    }

    /// "Fakturagrunnlag mai 2026: Lia gård (974 760 673)", or for every farm "Fakturagrunnlag mai 2026: alle gårder"
    /// (a key of its own, `…_all`).
    private func invoiceTitle(_ key: String) -> Message {
        let month: MessageValue = .message(filters.month(today: context.today).name)
        guard let provider = filters.provider else { return Message("\(key)_all", ["month": month]) }
        return Message(key, ["month": month, "name": .text(filters.providerName ?? ""), "provider": .text(provider.formatted)])
    }
}

/// A farm and its invoice lines for the export's month.
typealias FarmInvoiceLines = (farm: Provider, lines: [InvoiceLine])

/// What several sheets of one export read alike, kept for the export's later sheets.
final class ReportReadings {
    var invoiceBases: [FarmInvoiceLines]?
}
