import TunetDomain
import TunetStorage

/// The invoice basis of a farm in one municipality over an invoice's period, as the units an invoice's
/// lines are set against: the same lines the invoice basis shows (`AttendanceOverviewDesk`), month by
/// month, cut to the period's days.
enum InvoiceBasisUnitsReading {
    /// `agreement` narrows the basis to one agreement's placements (an invoice that names its contract).
    static func units(provider: OrganisationNumber, municipality: String, period: DateSpan, agreement: Agreement?, today: LocalDate,
                      in reader: StoreReader) throws -> InvoiceBasisUnits {
        var billed: [String: [BilledUnits]] = [:]
        var missing: [LocalDate] = []
        var references = Set<String>()
        var month = YearMonth(period.from)
        while month.firstDay <= period.to {
            let lines = try AttendanceOverviewDesk.lines(provider: provider, month: month, today: today, municipalities: .only([municipality]), in: reader)
            for line in lines where agreement == nil || line.agreement == agreement?.reference {
                references.insert(line.agreement)
                for pricePeriod in line.pricePeriods { billed[pricePeriod.line, default: []] += pricePeriod.billed }
                missing += line.missingDates
            }
            month = month.adding(months: 1)
        }
        var agreements = try references.sorted().compactMap { try reader.agreement($0) }
        if let agreement, !agreements.contains(where: { $0.reference == agreement.reference }) { agreements.append(agreement) }
        if agreements.isEmpty {
            // No placement in the period: the farm's agreements in force then, for its prices.
            agreements = try reader.allAgreements().filter {
                $0.municipalities.contains(municipality) && $0.start <= period.to && $0.currentEnd >= period.from
                    && $0.prices.versions.contains { $0.provider == provider }
            }
        }
        var prices = PriceList()
        for agreement in agreements {
            for version in agreement.prices.only(provider: provider).versions { prices.add(version) }
        }
        return InvoiceBasisUnits(provider: provider, period: period, billed: billed, missingDates: missing, prices: prices,
                                 transportLine: PlacementRules.standard.transportLine, today: today)
    }
}
