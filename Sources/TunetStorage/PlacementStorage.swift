import TunetDomain

public protocol PlacementReading {
    func placement(_ id: Int64) throws -> Placement?
    func placements(agreement: String?, provider: OrganisationNumber?) throws -> [Placement]
    func placedParticipants() throws -> Set<ParticipantCode>
    func placementsOverlapping(providers: [OrganisationNumber], from: LocalDate, to: LocalDate) throws -> [Placement]
    /// What the agreement's placements commit against its ceiling, and their participant-days.
    func committedValue(agreement reference: String) throws -> (money: Money, participantDays: Int)
    /// The highest sequence number of the participant codes Tunet made in `year` (0 when none).
    func lastParticipantSequence(year: Int) throws -> Int
    func followUps(placement id: Int64) throws -> [FollowUp]
    func schoolHolidays(municipality: String?) throws -> [SchoolHoliday]
}

extension PlacementReading {
    public func placements(agreement: String? = nil, provider: OrganisationNumber? = nil) throws -> [Placement] {
        try placements(agreement: agreement, provider: provider)
    }
    public func schoolHolidays() throws -> [SchoolHoliday] { try schoolHolidays(municipality: nil) }
}

public protocol PlacementWriting {
    /// Stores a new placement made from the number the store gives it.
    func insertPlacement(_ make: (Int64) -> Placement) throws -> Placement
    func update(_ placement: Placement, action: String, note: RecordedText?) throws
    func insert(_ followUp: FollowUp) throws -> FollowUp
    /// Replaces a municipality's school holidays with `holidays`.
    func replaceSchoolHolidays(municipality: String, _ holidays: [SchoolHoliday], note: RecordedText?) throws
    /// Keeps a participant's name beside the code; the name itself is never written to the audit log.
    func setParticipantName(_ code: ParticipantCode, name: String) throws
    /// Reads names and records each read with its purpose: names are personal data.
    func readParticipantNames(_ codes: [ParticipantCode], purpose: Message) throws -> [ParticipantCode: String]
}

extension PlacementWriting {
    public func update(_ placement: Placement, action: String) throws { try update(placement, action: action, note: nil) }
}
