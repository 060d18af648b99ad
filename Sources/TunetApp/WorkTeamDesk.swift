import TunetDomain
import TunetStore

public struct TeamView: Sendable, Encodable {
    public let team: Team
    public let members: [TeamMember]
}

/// The interdisciplinary work team (arbeidslag): its members and their sectors.
public struct WorkTeamDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public func addTeam(name: String, municipality: String, owner: String) throws -> TeamView {
        var problems = ProblemCollector()
        let cleanName = name.trimmingWhitespace(), cleanOwner = owner.trimmingWhitespace()
        if cleanName.isEmpty { problems.add("name", nil, .verbatim("the team needs a name")) }
        if let reason = FreeText.check(cleanName, maximumLength: 120) { problems.add("name", cleanName, reason.message) }
        if cleanOwner.isEmpty { problems.add("owner", nil, .verbatim("name the team's owner, who evaluates it yearly (for example kommunedirektør)")) }
        if let reason = FreeText.check(cleanOwner, maximumLength: 120) { problems.add("owner", cleanOwner, reason.message) }
        let number = problems.take("municipality", municipality, Municipality.parse(municipality))?.number
        try problems.check()
        let team = try context.write { tx in
            if try tx.teams().contains(where: { $0.name.lowercased() == cleanName.lowercased() }) {
                throw TunetError.conflict(.verbatim("A team named '\(cleanName)' already exists."))
            }
            return try tx.insert(Team(id: 0, name: cleanName, municipalityNumber: number!, owner: cleanOwner))
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
        if cleanName.isEmpty { problems.add("name", nil, .verbatim("the member needs a name")) }
        if let reason = FreeText.check(cleanName, maximumLength: 120) { problems.add("name", cleanName, reason.message) }
        if cleanRole.isEmpty { problems.add("role", nil, .verbatim("give the member's role (leder, koordinator, saksbehandler)")) }
        let parsedSector = Sector(name: sector)
        if parsedSector == nil { problems.add("sector", sector, .verbatim("use \(Sector.allCases.map(\.rawValue).joined(separator: ", "))")) }
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
            guard member.active else { throw TunetError.conflict(.verbatim("\(member.name) has already left the team.")) }
            let open = try tx.tasks().filter { $0.ownerId == id && !$0.status.isClosed }
            if !open.isEmpty {
                throw TunetError.conflict(.verbatim("\(member.name) still owns \(open.count) open task(s) (\(open.map { "#\($0.id)" }.joined(separator: ", "))); hand them over with `tunet task assign` first."))
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
            throw TunetError.invalid("team", nil, .verbatim(teams.isEmpty ? "no team is registered; create one with `tunet team add`"
                                                                : "there are \(teams.count) teams; say which with --team"))
        }
        return teams[0]
    }
}
