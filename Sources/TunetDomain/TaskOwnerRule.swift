/// How a task came to its owner.
public enum TaskOwnerRoute: String, Sendable, Codable, CaseIterable {
    /// The user named the owner.
    case named
    /// The first active member of the task's sectors.
    case sector
    /// No active member works in the task's sectors: the team's coordinating unit takes it.
    case coordinatingUnit = "coordinating_unit"
    /// Neither the task's sectors nor the coordinating unit has an active member: the team's owner holds it.
    case teamOwner = "team_owner"
}

/// Who owns a new task, and why.
public struct TaskOwnerChoice: Hashable, Sendable, Encodable {
    /// Nil when the team's owner holds the task: the owner is a role, not a member.
    public let memberId: Int64?
    public let ownerName: String
    public let route: TaskOwnerRoute
    /// Why this owner, in the reader's language when rendered.
    public let reason: Message

    public init(memberId: Int64?, ownerName: String, route: TaskOwnerRoute, reason: Message) {
        self.memberId = memberId
        self.ownerName = ownerName
        self.route = route
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case route, reason
        case memberId = "member_id"
        case ownerName = "owner_name"
    }
}

/// No task without an owner.
///
/// The rule (documented in README, "The work team's tasks"): a task nobody named an owner for goes
/// to the first active member of its sectors, taken in the task's order (by member number within a
/// sector); when none of its sectors has an active member, to the first active member of the
/// team's coordinating unit (sector `coordinating_unit`); when that has none either, to the team's
/// owner, who evaluates the team.
public enum TaskOwnerRule {
    public static func choose(sectors: [Sector], team: Team, members: [TeamMember]) -> TaskOwnerChoice {
        let active = members.filter { $0.teamId == team.id && $0.active }.sorted { $0.id < $1.id }
        for (index, sector) in sectors.enumerated() {
            guard let member = active.first(where: { $0.sector == sector }) else { continue }
            let skipped = sectors.prefix(index).map(\.labelValue)
            let reason = skipped.isEmpty
                ? Message("task.owner.first_in_sector", ["sector": sector.labelValue])
                : Message("task.owner.next_sector", ["skipped": .list(skipped), "sector": sector.labelValue])
            return TaskOwnerChoice(memberId: member.id, ownerName: member.name, route: .sector, reason: reason)
        }
        let empty = sectors.isEmpty ? Message("task.owner.no_sector") : Message("task.owner.nobody_in", ["sectors": .list(sectors.map(\.labelValue))])
        if let coordinator = active.first(where: { $0.sector == .coordinatingUnit }) {
            return TaskOwnerChoice(memberId: coordinator.id, ownerName: coordinator.name, route: .coordinatingUnit,
                                   reason: Message("task.owner.to_coordinating_unit", ["why": .message(empty)]))
        }
        let key = sectors.contains(.coordinatingUnit) ? "task.owner.to_team_owner" : "task.owner.to_team_owner_no_coordinator"
        return TaskOwnerChoice(memberId: nil, ownerName: team.owner, route: .teamOwner, reason: Message(key, ["why": .message(empty)]))
    }

    /// The owner the user named.
    public static func named(_ member: TeamMember) -> TaskOwnerChoice {
        TaskOwnerChoice(memberId: member.id, ownerName: member.name, route: .named, reason: Message("task.owner.named"))
    }
}
