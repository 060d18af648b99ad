import TunetApp
import TunetDomain

extension DemoScenario {
    /// Journeys at each step, as the Aktive sammen method follows a person: the first dementia
    /// participant all the way to follow-up, and three people still on their way (none waiting longer
    /// than the task rule's 30 days, so the demo's tasks are the rules' other findings).
    static func addJourneys(_ context: TunetContext) throws {
        let today = context.today
        let desk = JourneyDesk(context)
        func day(_ daysAgo: Int) -> String { today.adding(days: -daysAgo).iso }
        let first = try PlacementDesk(context).show(1).0.placement

        let placed = try desk.refer(participant: first.participant.text, kind: "dementia", municipality: first.municipalityNumber,
                                    referredBy: "fastlege", date: day(100))
        let id = String(placed.journey.id)
        _ = try desk.conversation(id, date: day(90), roles: ["deltaker", "datter", "demenskoordinator"],
                                  wishes: "Vil være ute og stelle dyr, slik hun gjorde på gården hun vokste opp på.")
        _ = try desk.need(id, date: day(80), goals: "Meningsfull aktivitet ute to dager i uka; avlastning for pårørende.",
                          weekdays: "tue,thu", transport: true, decisionReference: first.dementia?.decisionReference ?? "HO-\(today.year)/110",
                          school: nil, grade: nil)
        _ = try desk.network(id, placement: first.id, date: day(60), contactRole: first.dementia?.relativeRole ?? "datter",
                             firstVisit: day(55))

        let waitingForPlace = try desk.refer(participant: nil, kind: "dementia", municipality: "3303", referredBy: "hjemmetjenesten", date: day(25))
        let second = String(waitingForPlace.journey.id)
        _ = try desk.conversation(second, date: day(18), roles: ["deltaker", "ektefelle"], wishes: "Ønsker noe å gjøre med hendene; liker hester.")
        _ = try desk.need(second, date: day(10), goals: "Fast dagaktivitet, sosial kontakt", weekdays: "tue,thu", transport: true,
                          decisionReference: "HO-\(today.year)/131", school: nil, grade: nil)

        _ = try desk.refer(participant: nil, kind: "pupil", municipality: "3303", referredBy: "kontaktlærer", date: day(12))

        let oslo = try desk.refer(participant: nil, kind: "dementia", municipality: "0301", referredBy: "pårørende", date: day(28))
        _ = try desk.conversation(String(oslo.journey.id), date: day(21), roles: ["deltaker", "sønn"], wishes: "Savner hagearbeid.")
    }
}
