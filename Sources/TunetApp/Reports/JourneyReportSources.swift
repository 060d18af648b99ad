import TunetDomain
import TunetStorage

/// The journeys report: per municipality, how many people are in each step and the median days between
/// steps; and each journey by its participant code with the day each step was reached. A journey is
/// counted when its referral falls in the period asked for.
extension ReportSources {
    func journeyViews(_ reader: StoreReader) throws -> [JourneyView] {
        let desk = JourneyDesk(context)
        return try reader.journeys(in: filters.covered)
            .filter { filters.includes($0.municipalityNumber) && filters.overlaps($0.referral.date, $0.referral.date) }
            .map { try desk.view($0, in: reader) }
    }

    func journeySteps(_ reader: StoreReader) throws -> [ReportRow] {
        let views = try journeyViews(reader)
        let byMunicipality = Dictionary(grouping: views, by: \.journey.municipalityNumber)
        return byMunicipality.keys.sorted().map { number in
            let statistics = JourneyStatistics(byMunicipality[number, default: []].map { ($0.step, $0.reached) })
            var row: ReportRow = [
                "municipality": .text(Municipality.named(number)?.description ?? number), "journeys": .integer(statistics.journeys),
                "days_to_place": statistics.medianDaysToPlace.map { .number($0) } ?? .none,
            ]
            for step in JourneyStep.allCases {
                row["in_\(step.rawValue)"] = .integer(statistics.inStep[step] ?? 0)
                row["days_after_\(step.rawValue)"] = statistics.medianDays[step].map { .number($0) } ?? ReportValue.none
            }
            return row
        }
    }

    func journeyRows(_ reader: StoreReader) throws -> [ReportRow] {
        try journeyViews(reader).map { view in
            var row: ReportRow = [
                "id": .integer(Int(view.journey.id)), "participant": .text(view.journey.participant.text),
                "municipality": .text(Municipality.named(view.journey.municipalityNumber)?.description ?? view.journey.municipalityNumber),
                "kind": label(view.journey.kind), "step": .label(Message("journey.step.\(view.step.rawValue)"), code: view.step.rawValue),
                "waiting_days": view.waitingDays.map { .integer($0) } ?? .none,
            ]
            for step in JourneyStep.allCases { row["reached_\(step.rawValue)"] = view.reached[step].map { .date($0) } ?? ReportValue.none }
            return row
        }
    }
}
