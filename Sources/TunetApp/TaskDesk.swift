import TunetDomain
import TunetStore
import TunetText

public struct TaskFilter: Sendable {
    /// Only tasks owned by the member whose name or e-mail is the acting user.
    public var mine = false
    public var overdue = false
    public var sector: Sector?
    public var dueBefore: LocalDate?
    public var includeClosed = false

    public init() {}
}

public struct TaskView: Sendable, Encodable {
    public let task: WorkTask
    /// The member who owns the task; nil when the team's owner holds it.
    public let owner: TeamMember?
    /// The member's name, or the team's owner (a role, not a member): no task is without an owner.
    public let ownerName: String
    public let overdue: Bool
    /// How a task just added or raised came to its owner, and why; nil when the task is only read.
    public let routing: TaskOwnerChoice?

    init(task: WorkTask, members: [TeamMember], teams: [Team], today: LocalDate, routing: TaskOwnerChoice? = nil) {
        self.task = task
        owner = members.first { $0.id == task.ownerId }
        ownerName = owner?.name ?? teams.first { $0.id == task.teamId }?.owner ?? ""
        overdue = task.isOverdue(on: today)
        self.routing = routing
    }

    enum DerivedKeys: String, CodingKey {
        case owner, overdue, routing
        case ownerName = "owner_name"
    }

    public func encode(to encoder: Encoder) throws {
        try task.encode(to: encoder)
        var derived = encoder.container(keyedBy: DerivedKeys.self)
        try derived.encode(owner, forKey: .owner)
        try derived.encode(ownerName, forKey: .ownerName)
        try derived.encode(overdue, forKey: .overdue)
        try derived.encode(routing, forKey: .routing)
    }
}

/// The work team's tasks: owned by a member, across sectors, with a history that survives hand-overs.
public struct TaskDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public func add(team: String?, title: String, kind: String?, sectors: [String], owner: String?, due: String?, link: String?) throws -> TaskView {
        var problems = ProblemCollector()
        let cleanTitle = title.trimmingWhitespace()
        if cleanTitle.isEmpty { problems.add("title", nil, .verbatim("a task needs a title")) }
        if let reason = FreeText.check(cleanTitle, maximumLength: 200) { problems.add("title", cleanTitle, reason.message) }
        var parsedKind = TaskKind.other
        if let kind {
            if let value = TaskKind(rawValue: kind.lowercased().replacingOccurrences(of: "-", with: "_")) { parsedKind = value } else {
                problems.add("kind", kind, .verbatim("use \(TaskKind.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        let parsedSectors = problems.take("sector", sectors.joined(separator: ","), Sector.parseList(sectors)) ?? []
        var dueDate: LocalDate?
        if let due {
            dueDate = problems.date("due", due)
        }
        let parsedLink = link.flatMap { problems.take("link", $0, TaskLink.parse($0)) }
        try problems.check()
        let view = try WorkTeamDesk.pick(team, from: try WorkTeamDesk(context).teams())
        let routing = try owner.map { TaskOwnerRule.named(try Self.member($0, in: view.members)) }
            ?? TaskOwnerRule.choose(sectors: parsedSectors, team: view.team, members: view.members)
        let today = context.today
        let task = try context.write { tx -> WorkTask in
            if let parsedLink { try Self.requireExists(parsedLink, in: tx) }
            return try tx.insertTask { id in
                var task = WorkTask(id: id, teamId: view.team.id, title: cleanTitle, kind: parsedKind, sectors: parsedSectors,
                                    ownerId: routing.memberId, due: dueDate, link: parsedLink, ruleKey: nil, createdOn: today)
                task.history = [TaskEvent(at: tx.timestamp, actor: tx.actor, action: "created", toMember: routing.memberId,
                                          text: routing.route == .named ? nil : "owner \(routing.ownerName): \(Texts(.en).render(routing.reason))")]
                return task
            }
        }
        return try self.view(task, routing: routing)
    }

    public func list(_ filter: TaskFilter = TaskFilter()) throws -> [TaskView] {
        let members = try context.read { try $0.members() }
        let me = members.filter { $0.name.lowercased() == context.actor.lowercased() || $0.email?.lowercased() == context.actor.lowercased() }.map(\.id)
        if filter.mine && me.isEmpty {
            throw TunetError.invalid("mine", context.actor, .verbatim("no team member is named '\(context.actor)' or has that e-mail; act as a member with --as NAME"))
        }
        let teams = try context.read { try $0.teams() }
        return try context.read { try $0.tasks() }.filter { task in
            (filter.includeClosed || !task.status.isClosed)
                && (!filter.mine || task.ownerId.map(me.contains) == true)
                && (!filter.overdue || task.isOverdue(on: context.today))
                && (filter.sector.map(task.sectors.contains) ?? true)
                && (filter.dueBefore.map { day in task.due.map { $0 < day } ?? false } ?? true)
        }.map { task in TaskView(task: task, members: members, teams: teams, today: context.today) }
    }

    public func show(_ id: Int64) throws -> TaskView {
        guard let task = try context.read({ try $0.task(id) }) else { throw TunetError.notFound(kind: "task", key: String(id)) }
        return try view(task)
    }

    /// Hands the task to another member, possibly in another sector; the history keeps who, when and why.
    public func assign(_ id: Int64, to member: String, comment: String?) throws -> TaskView {
        try change(id, action: "assign") { task, members, tx in
            let target = try Self.member(member, in: members.filter { $0.teamId == task.teamId })
            guard target.active else { throw TunetError.conflict(.verbatim("\(target.name) has left the team and cannot take tasks.")) }
            if target.id == task.ownerId { throw TunetError.conflict(.verbatim("Task \(id) is already owned by \(target.name).")) }
            task.history.append(TaskEvent(at: tx.timestamp, actor: tx.actor, action: "assigned", fromMember: task.ownerId, toMember: target.id,
                                          text: comment?.trimmingWhitespace().nilIfEmpty))
            task.ownerId = target.id
            if !task.sectors.contains(target.sector) { task.sectors.append(target.sector) }
        }
    }

    public func start(_ id: Int64) throws -> TaskView {
        try change(id, action: "start") { task, _, tx in
            guard task.status == .open else { throw TunetError.conflict(.verbatim("Task \(id) is \(task.status.rawValue); only an open task can be started.")) }
            task.status = .inProgress
            task.history.append(TaskEvent(at: tx.timestamp, actor: tx.actor, action: "started"))
        }
    }

    public func done(_ id: Int64, comment: String? = nil) throws -> TaskView {
        try change(id, action: "done") { task, _, tx in
            guard !task.status.isClosed else { throw TunetError.conflict(.verbatim("Task \(id) is already \(task.status.rawValue).")) }
            task.status = .done
            task.history.append(TaskEvent(at: tx.timestamp, actor: tx.actor, action: "done", text: comment?.trimmingWhitespace().nilIfEmpty))
        }
    }

    public func cancel(_ id: Int64, reason: String) throws -> TaskView {
        let reason = try FreeText.requiredReason(reason, for: .cancellation)
        return try change(id, action: "cancel") { task, _, tx in
            guard !task.status.isClosed else { throw TunetError.conflict(.verbatim("Task \(id) is already \(task.status.rawValue).")) }
            task.status = .cancelled
            task.history.append(TaskEvent(at: tx.timestamp, actor: tx.actor, action: "cancelled", text: reason))
        }
    }

    public func comment(_ id: Int64, text: String) throws -> TaskView {
        let text = text.trimmingWhitespace()
        if text.isEmpty { throw TunetError.invalid("text", nil, .verbatim("the comment is empty")) }
        if text.count > 2000 { throw TunetError.invalid("text", nil, .verbatim("at most 2000 characters")) }
        return try change(id, action: "comment") { task, _, tx in
            task.history.append(TaskEvent(at: tx.timestamp, actor: tx.actor, action: "comment", text: text))
        }
    }

    func view(_ task: WorkTask, routing: TaskOwnerChoice? = nil) throws -> TaskView {
        let (members, teams) = try context.read { (try $0.members(), try $0.teams()) }
        return TaskView(task: task, members: members, teams: teams, today: context.today, routing: routing)
    }

    private func change(_ id: Int64, action: String, _ body: (inout WorkTask, [TeamMember], StoreTransaction) throws -> Void) throws -> TaskView {
        let task = try context.write { tx -> WorkTask in
            guard var task = try tx.task(id) else { throw TunetError.notFound(kind: "task", key: String(id)) }
            try body(&task, try tx.members(), tx)
            try tx.update(task, action: action, note: task.history.last?.text)
            return task
        }
        return try view(task)
    }

    /// A member by number, name or e-mail.
    static func member(_ key: String, in members: [TeamMember]) throws -> TeamMember {
        let text = key.trimmingWhitespace().lowercased()
        if let id = Int64(text), let member = members.first(where: { $0.id == id }) { return member }
        let matches = members.filter { $0.name.lowercased() == text || $0.email?.lowercased() == text }
        guard matches.count == 1 else {
            throw TunetError.invalid("member", key, .verbatim(matches.isEmpty ? "no team member '\(key)'; see `tunet team member list`"
                                                                   : "several members are called '\(key)'; use the member number"))
        }
        return matches[0]
    }

    static func requireExists(_ link: TaskLink, in reader: StoreReader) throws {
        var exists = false
        switch link.kind {
        case .provider:
            if case .success(let number) = OrganisationNumber.parse(link.key) { exists = try reader.provider(number) != nil }
        case .agreement: exists = try reader.agreement(link.key) != nil
        case .placement:
            if let id = Int64(link.key) { exists = try reader.placement(id) != nil }
        case .procurement:
            if let id = Int64(link.key) { exists = try reader.procurement(id) != nil }
        case .pilot:
            if let id = Int64(link.key) { exists = try reader.pilot(id) != nil }
        }
        if !exists { throw TunetError.invalid("link", link.description, .verbatim("there is no \(link.kind.rawValue) '\(link.key)'")) }
    }
}
