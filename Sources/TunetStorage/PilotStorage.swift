import TunetDomain

public protocol PilotReading {
    func pilots() throws -> [Pilot]
    func pilot(_ id: Int64) throws -> Pilot?
    func measures(pilot: Int64) throws -> [PilotMeasure]
}

public protocol PilotWriting {
    /// Stores a new pilot made from the number the store gives it.
    func insertPilot(_ make: (Int64) -> Pilot) throws -> Pilot
    func update(_ pilot: Pilot, action: String) throws
    func insert(_ measure: PilotMeasure) throws -> PilotMeasure
}
