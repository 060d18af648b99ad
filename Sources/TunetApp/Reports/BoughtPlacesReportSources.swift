import TunetDomain
import TunetStorage

/// The bought places report: one row per day, agreement, farm and target group with the places bought
/// and booked, over the period asked for (the month of `--from`, or this month, when none is given).
extension ReportSources {
    func boughtPlaces(_ reader: StoreReader) throws -> [ReportRow] {
        let month = filters.month(today: context.today)
        let first = filters.from ?? month.firstDay
        let last = filters.to ?? (filters.from.map { _ in month.lastDay } ?? month.lastDay)
        if last.dayNumber - first.dayNumber >= BoughtPlacesUse.longestSpan {
            throw TunetError.invalid("to", last.iso, Message("agreement.places.span", ["days": .integer(Int64(BoughtPlacesUse.longestSpan))]))
        }
        var rows: [ReportRow] = []
        for agreement in try reader.agreements(in: filters.covered) where !agreement.boughtPlaces.isEmpty && filters.overlaps(agreement.start, agreement.currentEnd) {
            let view = try BoughtPlacesDesk.view(agreement, from: first, to: last, in: reader)
            for day in view.days where filters.provider.map({ $0 == day.provider }) ?? true {
                rows.append([
                    "date": .date(day.date), "weekday": .label(day.date.weekday.label, code: day.date.weekday.code),
                    "reference": .text(agreement.reference), "provider": .text(day.provider.digits),
                    "provider_name": .text(view.providerNames[day.provider] ?? ""), "target_group": label(day.targetGroup),
                    "bought": .integer(day.bought), "booked": .integer(day.booked),
                    "share": day.share.map { .percent($0.ratio) } ?? .none,
                    "beyond": .integer(max(0, day.booked - day.bought)),
                ])
            }
        }
        return rows
    }
}
