import TunetDomain

public protocol WorkTeamReading {
    func teams() throws -> [Team]
    func members(team: Int64?) throws -> [TeamMember]
    func task(_ id: Int64) throws -> WorkTask?
    func task(ruleKey: String) throws -> WorkTask?
    func tasks() throws -> [WorkTask]
}

extension WorkTeamReading {
    public func members() throws -> [TeamMember] { try members(team: nil) }
}

public protocol WorkTeamWriting {
    func insert(_ team: Team) throws -> Team
    func insert(_ member: TeamMember) throws -> TeamMember
    func update(_ member: TeamMember, action: String) throws
    /// Stores a new task made from the number the store gives it.
    func insertTask(_ make: (Int64) -> WorkTask) throws -> WorkTask
    func update(_ task: WorkTask, action: String, note: RecordedText?) throws
}

extension WorkTeamWriting {
    public func update(_ task: WorkTask, action: String) throws { try update(task, action: action, note: nil) }
}
