import TunetDomain
import TunetStorage

extension TaskRuleDesk {
    /// One task per journey and step for a person who has waited longer than `journeyWaitingDays` in a
    /// step before follow-up: the waiting time the pilots want to shorten.
    func journeyFindings(in reader: StoreReader) throws -> [Finding] {
        let desk = JourneyDesk(context)
        return try reader.journeys(in: .every).compactMap { journey -> Finding? in
            let view = try desk.view(journey, in: reader)
            guard let waiting = view.waitingDays, waiting > thresholds.journeyWaitingDays else { return nil }
            let municipality = Municipality.named(journey.municipalityNumber)?.description ?? journey.municipalityNumber
            return Finding(key: "journey:\(journey.id):\(view.step.rawValue)",
                           title: Message("task.title.journey_waiting", [
                               "participant": .text(journey.participant.text), "days": .integer(waiting),
                               "step": .message(Message("journey.step.\(view.step.rawValue)")), "municipality": .text(municipality),
                           ]),
                           kind: .journeyWaiting, sectors: journey.kind == .pupil ? [.education] : [.healthAndCare],
                           due: context.today.adding(days: 7), link: TaskLink(kind: .journey, key: String(journey.id)),
                           municipalities: [journey.municipalityNumber])
        }
    }
}
