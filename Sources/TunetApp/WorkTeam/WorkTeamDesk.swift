import TunetDomain
import TunetStorage

public struct TeamView: Sendable, Encodable {
    public let team: Team
    public let members: [TeamMember]
}

/// The interdisciplinary work team (arbeidslag): its members and their sectors.
public struct WorkTeamDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// A team for one municipality, or for an inter-municipal cooperation when several are given; a
    /// municipality that already has a team is refused (its tasks go to one team).
    public func addTeam(name: String, municipalities: [String], owner: String) throws -> TeamView {
        var problems = ProblemCollector()
        let cleanName = name.trimmingWhitespace(), cleanOwner = owner.trimmingWhitespace()
        if cleanName.isEmpty { problems.add("name", nil, Message("team.error.name_missing")) }
        if let reason = FreeText.check(cleanName, maximumLength: 120) { problems.add("name", cleanName, reason.message) }
        if cleanOwner.isEmpty { problems.add("owner", nil, Message("team.error.owner_missing")) }
        if let reason = FreeText.check(cleanOwner, maximumLength: 120) { problems.add("owner", cleanOwner, reason.message) }
        let given = municipalities.flatMap { $0.split(separator: ",").map(String.init) }.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        if given.isEmpty { problems.add("municipality", nil, Message("team.error.municipality_missing")) }
        var numbers: [String] = []
        for text in given {
            guard let number = problems.take("municipality", text, Municipality.parse(text))?.number, !numbers.contains(number) else { continue }
            numbers.append(number)
        }
        try problems.check()
        let team = try context.write { tx in
            let teams = try tx.teams()
            if teams.contains(where: { $0.name.lowercased() == cleanName.lowercased() }) {
                throw TunetError.conflict(Message("team.error.exists", ["name": .text(cleanName)]))
            }
            for number in numbers {
                guard let other = teams.first(where: { $0.municipalities.contains(number) }) else { continue }
                throw TunetError.conflict(Message("team.error.municipality_taken", [
                    "municipality": .text(Municipality.named(number)?.description ?? number), "team": .text(other.name),
                ]))
            }
            return try tx.insert(Team(id: 0, name: cleanName, municipalities: numbers, owner: cleanOwner))
        }
        return TeamView(team: team, members: [])
    }

    public func teams() throws -> [TeamView] {
        try context.read { reader in
            let members = try reader.members()
            return try reader.teams().map { team in TeamView(team: team, members: members.filter { $0.teamId == team.id }) }
        }
    }

    public func show(_ id: String?) throws -> TeamView {
        let all = try teams()
        return try Self.pick(id, from: all)
    }

    public func addMember(team: String?, name: String, sector: String, role: String, email: String?) throws -> TeamMember {
        var problems = ProblemCollector()
        let cleanName = name.trimmingWhitespace(), cleanRole = role.trimmingWhitespace()
        if cleanName.isEmpty { problems.add("name", nil, Message("team.error.member_name_missing")) }
        if let reason = FreeText.check(cleanName, maximumLength: 120) { problems.add("name", cleanName, reason.message) }
        if cleanRole.isEmpty { problems.add("role", nil, Message("team.error.role_missing")) }
        if let reason = FreeText.check(cleanRole, maximumLength: 120) { problems.add("role", cleanRole, reason.message) }
        let parsedSector = Sector(name: sector)
        if parsedSector == nil { problems.add("sector", sector, Message("task.error.sector")) }
        let cleanEmail = email?.trimmingWhitespace().nilIfEmpty
        if let cleanEmail, let reason = ContactDetails.checkEmail(cleanEmail) { problems.add("email", cleanEmail, reason.message) }
        try problems.check()
        let view = try Self.pick(team, from: try teams())
        return try context.write { tx in
            try tx.insert(TeamMember(id: 0, teamId: view.team.id, name: cleanName, sector: parsedSector!, role: cleanRole, email: cleanEmail))
        }
    }

    public func removeMember(_ id: Int64) throws -> TeamMember {
        try context.write { tx in
            guard var member = try tx.members().first(where: { $0.id == id }) else {
                throw TunetError.notFound(kind: "member", key: String(id))
            }
            guard member.active else { throw TunetError.conflict(Message("team.error.already_left", ["name": .text(member.name)])) }
            let open = try tx.tasks().filter { $0.ownerId == id && !$0.status.isClosed }
            if !open.isEmpty {
                throw TunetError.conflict(Message("team.error.owns_open_tasks", [
                    "name": .text(member.name), "count": .integer(open.count), "tasks": .list(open.map { .text("#\($0.id)") }),
                ]))
            }
            member.active = false
            try tx.update(member, action: "remove")
            return member
        }
    }

    static func pick(_ id: String?, from teams: [TeamView]) throws -> TeamView {
        if let id {
            guard let number = Int64(id), let team = teams.first(where: { $0.team.id == number }) else {
                throw TunetError.notFound(kind: "team", key: id)
            }
            return team
        }
        guard teams.count == 1 else {
            throw TunetError.invalid("team", nil, teams.isEmpty ? Message("team.error.none")
                                                                 : Message("team.error.several", ["count": .integer(teams.count)], fields: ["team"]))
        }
        return teams[0]
    }
}
