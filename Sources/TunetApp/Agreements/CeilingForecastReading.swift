import TunetDomain
import TunetStorage

/// The day-by-day costs a `CeilingForecast` is made from, read for one agreement: for each of the 90 days
/// before today, what attendance billed that day and the planned cost of the planned days nobody has
/// reported yet; for each day from today on, the planned cost the placements already commit. Cancelled
/// placements plan nothing, but what their reported days billed was spent and counts.
enum CeilingForecastReading {
    /// The forecast of an agreement that still runs; nil for one terminated or ended.
    static func forecast(of agreement: Agreement, consumption: Consumption, today: LocalDate, in reader: StoreReader) throws -> CeilingForecast? {
        guard agreement.terminatedOn == nil, agreement.currentEnd >= today else { return nil }
        let windowStart = today.adding(days: -CeilingForecast.windowDays)
        let placements = try reader.placements(agreement: agreement.reference, provider: nil).filter { $0.end >= windowStart }
        var history: [Int: Money] = [:]
        var reported = Set<ReportedDay>()
        let lastDay = placements.map(\.end).max() ?? today
        for row in try reader.attendance(placements: placements.map(\.id), from: windowStart, to: max(lastDay, today)) {
            let day = row.entry.date.dayNumber
            reported.insert(ReportedDay(placement: row.entry.placementId, day: day))
            if day < today.dayNumber { history[day, default: .zero] += row.billed }
        }
        var ahead: [Int: Money] = [:]
        var holidays: [String: [SchoolHoliday]] = [:]
        for placement in placements where !placement.isCancelled {
            let from = max(placement.start, windowStart)
            guard from <= placement.end else { continue }
            if holidays[placement.municipalityNumber] == nil {
                holidays[placement.municipalityNumber] = try reader.schoolHolidays(municipality: placement.municipalityNumber)
            }
            let cost = PlannedDayCost(prices: agreement.prices, provider: placement.provider, priceLine: placement.priceLine,
                                      tripsPerDay: placement.transportTripsPerDay)
            let days = PlacementPlanner.plannedDayNumbers(weekdays: placement.weekdays, from: from, to: placement.end, kind: placement.kind,
                                                          schoolHolidays: holidays[placement.municipalityNumber] ?? [])
            for day in days where !reported.contains(ReportedDay(placement: placement.id, day: day)) {
                // A day without a price cannot have been committed either (the planner refuses it).
                guard case .success(let amount) = cost.cost(on: LocalDate(dayNumber: day)) else { continue }
                if day < today.dayNumber { history[day, default: .zero] += amount } else { ahead[day, default: .zero] += amount }
            }
        }
        return CeilingForecast(maximum: consumption.maximum, used: consumption.used, today: today, agreementEnd: agreement.currentEnd,
                               history: history, committedAhead: ahead, firstDay: agreement.start, latestEnd: agreement.latestPossibleEnd)
    }

    private struct ReportedDay: Hashable {
        let placement: Int64
        let day: Int
    }
}
