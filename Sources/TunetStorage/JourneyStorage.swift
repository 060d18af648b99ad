import TunetDomain

public protocol JourneyReading {
    func journey(_ id: Int64) throws -> ParticipantJourney?
    /// The journeys of the municipalities in `scope`, in the order they began.
    func journeys(in scope: MunicipalityScope) throws -> [ParticipantJourney]
}

public protocol JourneyWriting {
    /// Stores a new journey made from the number the store gives it.
    func insertJourney(_ make: (Int64) -> ParticipantJourney) throws -> ParticipantJourney
    /// Stores the journey's new state; `action` names the step in the audit log.
    func update(_ journey: ParticipantJourney, action: String) throws
}
