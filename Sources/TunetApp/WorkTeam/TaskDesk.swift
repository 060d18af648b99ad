import Foundation
import TunetDomain
import TunetStorage
import TunetText

public struct TaskFilter: Sendable {
    /// Only tasks owned by the member whose name or e-mail is the acting user.
    public var mine = false
    public var overdue = false
    public var sector: Sector?
    public var dueBefore: LocalDate?
    public var includeClosed = false
    /// The team whose tasks are listed (its number); needed when there are several teams, unless
    /// `everyTeam` or `mine` is set.
    public var team: String?
    public var everyTeam = false

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
    /// The language the title, the history's notes and the routing's reason are read in (also in JSON).
    public let texts: Texts

    init(task: WorkTask, members: [TeamMember], teams: [Team], today: LocalDate, routing: TaskOwnerChoice? = nil, language: Language) {
        self.task = task
        owner = members.first { $0.id == task.ownerId }
        ownerName = owner?.name ?? teams.first { $0.id == task.teamId }?.owner ?? ""
        overdue = task.isOverdue(on: today)
        self.routing = routing
        texts = Texts(language)
    }

    /// The title as typed, or in the reader's language when a rule wrote it.
    public var title: String { texts.render(task.title) }

    enum CodingKeys: String, CodingKey {
        case id, title, kind, sectors, due, link, status, history, owner, overdue, routing
        case teamId = "team_id"
        case ownerId = "owner_id"
        case ruleKey = "rule_key"
        case conditionGone = "condition_gone"
        case createdOn = "created_on"
        case ownerName = "owner_name"
    }

    /// A history entry as stored, its note in the reader's language; absent values as null.
    struct HistoryEntry: Encodable {
        let event: TaskEvent
        let text: String?

        enum CodingKeys: String, CodingKey {
            case at, actor, action, text
            case fromMember = "from_member"
            case toMember = "to_member"
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(event.at, forKey: .at)
            try c.encode(event.actor, forKey: .actor)
            try c.encode(event.action, forKey: .action)
            try c.encode(event.fromMember, forKey: .fromMember)
            try c.encode(event.toMember, forKey: .toMember)
            try c.encode(text, forKey: .text)
        }
    }

    /// How the owner was chosen, the reason in the reader's language; a null member for the team's owner.
    struct Routing: Encodable {
        let choice: TaskOwnerChoice
        let reason: String

        enum CodingKeys: String, CodingKey {
            case route, reason
            case memberId = "member_id"
            case ownerName = "owner_name"
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(choice.route, forKey: .route)
            try c.encode(reason, forKey: .reason)
            try c.encode(choice.memberId, forKey: .memberId)
            try c.encode(choice.ownerName, forKey: .ownerName)
        }
    }

    /// The task's fields as stored, with the texts a person reads (title, history, routing reason) in
    /// the reader's language; codes stay codes.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(task.id, forKey: .id)
        try c.encode(task.teamId, forKey: .teamId)
        try c.encode(title, forKey: .title)
        try c.encode(task.kind, forKey: .kind)
        try c.encode(task.sectors, forKey: .sectors)
        try c.encode(task.ownerId, forKey: .ownerId)
        try c.encode(task.due, forKey: .due)
        try c.encode(task.link, forKey: .link)
        try c.encode(task.status, forKey: .status)
        try c.encode(task.ruleKey, forKey: .ruleKey)
        try c.encode(task.conditionGone, forKey: .conditionGone)
        try c.encode(task.createdOn, forKey: .createdOn)
        try c.encode(task.history.map { HistoryEntry(event: $0, text: $0.text.map(texts.render)) }, forKey: .history)
        try c.encode(owner, forKey: .owner)
        try c.encode(ownerName, forKey: .ownerName)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(routing.map { Routing(choice: $0, reason: texts.render($0.reason)) }, forKey: .routing)
    }
}

/// The work team's tasks: owned by a member, across sectors, with a history that survives hand-overs.
public struct TaskDesk: Sendable {
    let context: TunetContext
    /// The language of the views' texts (titles written by rules, history notes, owners' reasons).
    let language: Language

    public init(_ context: TunetContext, language: Language = .standard) {
        self.context = context
        self.language = language
    }

    public func add(team: String?, title: String, kind: String?, sectors: [String], owner: String?, due: String?, link: String?) throws -> TaskView {
        var problems = ProblemCollector()
        let cleanTitle = title.trimmingWhitespace()
        if cleanTitle.isEmpty { problems.add("title", nil, Message("task.error.title_missing")) }
        if let reason = FreeText.check(cleanTitle, maximumLength: 200) { problems.add("title", cleanTitle, reason.message) }
        var parsedKind = TaskKind.other
        if let kind {
            if let value = TaskKind(rawValue: kind.lowercased().replacingOccurrences(of: "-", with: "_")) { parsedKind = value } else {
                problems.add("kind", kind, Message("task.error.kind", ["kinds": .text(TaskKind.allCases.map(\.rawValue).joined(separator: ", "))]))
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
                var task = WorkTask(id: id, teamId: view.team.id, title: .typed(cleanTitle), kind: parsedKind, sectors: parsedSectors,
                                    ownerId: routing.memberId, due: dueDate, link: parsedLink, ruleKey: nil, createdOn: today)
                task.history = [TaskEvent(at: tx.timestamp, actor: tx.actor.name, action: "created", toMember: routing.memberId,
                                          text: routing.route == .named ? nil : .written(Message("task.history.routed", [
                                              "owner": .text(routing.ownerName), "reason": .message(routing.reason),
                                          ])))]
                return task
            }
        }
        return try self.view(task, routing: routing)
    }

    public func list(_ filter: TaskFilter = TaskFilter()) throws -> [TaskView] {
        let members = try context.read { try $0.members() }
        let actor = context.actor.name.lowercased()
        let me = members.filter { $0.name.lowercased() == actor || $0.email?.lowercased() == actor }.map(\.id)
        if filter.mine && me.isEmpty {
            throw TunetError.invalid("mine", context.actor.name, Message("task.error.not_a_member", ["actor": .text(context.actor.name), "act_as": .field("actor")]))
        }
        // Someone acting for some municipalities sees the teams that work only for them, and their tasks.
        let scope = context.actor.scope
        let teams = try context.read { try $0.teams(in: scope) }
        let team = try Self.listedTeam(filter, teams: teams, actorsTeams: Set(members.filter { me.contains($0.id) }.map(\.teamId)))
        return try context.read { try $0.tasks(in: scope) }.filter { task in
            (team.map { $0 == task.teamId } ?? true)
                && (filter.includeClosed || !task.status.isClosed)
                && (!filter.mine || task.ownerId.map(me.contains) == true)
                && (!filter.overdue || task.isOverdue(on: context.today))
                && (filter.sector.map(task.sectors.contains) ?? true)
                && (filter.dueBefore.map { day in task.due.map { $0 < day } ?? false } ?? true)
        }.map { task in TaskView(task: task, members: members, teams: teams, today: context.today, language: language) }
    }

    /// The one team a list is of: the one asked for, else the acting member's own; nil for every team
    /// (asked for, mine, or none or one team to choose from).
    static func listedTeam(_ filter: TaskFilter, teams: [Team], actorsTeams: Set<Int64>) throws -> Int64? {
        if let key = filter.team {
            guard let number = Int64(key.trimmingWhitespace()), teams.contains(where: { $0.id == number }) else {
                throw TunetError.notFound(kind: "team", key: key)
            }
            return number
        }
        if filter.everyTeam || filter.mine || teams.count <= 1 { return nil }
        if actorsTeams.count == 1 { return actorsTeams.first }
        throw TunetError.invalid("team", nil, Message("task.error.which_team", [
            "count": .integer(teams.count), "teams": .list(teams.map { .text("\($0.id) \($0.name)") }),
        ], fields: ["team", "every_team"]))
    }

    public func show(_ id: Int64) throws -> TaskView {
        try view(try context.read { try visibleTask(id, in: $0) })
    }

    /// The task by number, if the actor's municipalities cover its team's; one outside them is as one that does not exist.
    private func visibleTask(_ id: Int64, in reader: StoreReader) throws -> WorkTask {
        let scope = context.actor.scope
        guard let task = try reader.task(id) else { throw TunetError.notFound(kind: "task", key: String(id)) }
        if scope != .every, try !reader.teams(in: scope).contains(where: { $0.id == task.teamId }) {
            throw TunetError.notFound(kind: "task", key: String(id))
        }
        return task
    }

    /// Hands the task to another member, possibly in another sector; the history keeps who, when and why.
    public func assign(_ id: Int64, to member: String, comment: String?) throws -> TaskView {
        let comment = try FreeText.typedIfGiven(comment, field: "comment", maximumLength: 2000)
        return try change(id, action: "assign") { task, members, tx in
            let target = try Self.member(member, in: members.filter { $0.teamId == task.teamId })
            guard target.active else { throw TunetError.conflict(Message("task.error.member_left", ["member": .text(target.name)])) }
            if target.id == task.ownerId { throw TunetError.conflict(Message("task.error.already_owner", ["task": .text(String(id)), "member": .text(target.name)])) }
            task.history.append(TaskEvent(at: tx.timestamp, actor: tx.actor.name, action: "assigned", fromMember: task.ownerId, toMember: target.id,
                                          text: comment.map(RecordedText.typed)))
            task.ownerId = target.id
            if !task.sectors.contains(target.sector) { task.sectors.append(target.sector) }
        }
    }

    public func start(_ id: Int64) throws -> TaskView {
        try change(id, action: "start") { task, _, tx in
            guard task.status == .open else {
                throw TunetError.conflict(Message("task.error.start_not_open", ["task": .text(String(id)), "status": task.status.labelValue]))
            }
            task.status = .inProgress
            task.history.append(TaskEvent(at: tx.timestamp, actor: tx.actor.name, action: "started"))
        }
    }

    public func done(_ id: Int64, comment: String? = nil) throws -> TaskView {
        let comment = try FreeText.typedIfGiven(comment, field: "comment", maximumLength: 2000)
        return try change(id, action: "done") { task, _, tx in
            guard !task.status.isClosed else { throw TunetError.conflict(Message("task.error.already_closed", ["task": .text(String(id)), "status": task.status.labelValue])) }
            task.status = .done
            task.history.append(TaskEvent(at: tx.timestamp, actor: tx.actor.name, action: "done", text: comment.map(RecordedText.typed)))
        }
    }

    public func cancel(_ id: Int64, reason: String) throws -> TaskView {
        let reason = try FreeText.requiredReason(reason, for: .cancellation)
        return try change(id, action: "cancel") { task, _, tx in
            guard !task.status.isClosed else { throw TunetError.conflict(Message("task.error.already_closed", ["task": .text(String(id)), "status": task.status.labelValue])) }
            task.status = .cancelled
            task.history.append(TaskEvent(at: tx.timestamp, actor: tx.actor.name, action: "cancelled", text: .typed(reason)))
        }
    }

    public func comment(_ id: Int64, text: String) throws -> TaskView {
        let text = text.trimmingWhitespace()
        if text.isEmpty { throw TunetError.invalid("text", nil, Message("task.error.comment_empty")) }
        if text.count > 2000 { throw TunetError.invalid("text", nil, Message("task.error.comment_too_long", ["maximum": 2000])) }
        _ = try FreeText.typed(text, field: "text", maximumLength: 2000)
        return try change(id, action: "comment") { task, _, tx in
            task.history.append(TaskEvent(at: tx.timestamp, actor: tx.actor.name, action: "comment", text: .typed(text)))
        }
    }

    func view(_ task: WorkTask, routing: TaskOwnerChoice? = nil) throws -> TaskView {
        let (members, teams) = try context.read { (try $0.members(), try $0.teams()) }
        return TaskView(task: task, members: members, teams: teams, today: context.today, routing: routing, language: language)
    }

    private func change(_ id: Int64, action: String, _ body: (inout WorkTask, [TeamMember], StoreTransaction) throws -> Void) throws -> TaskView {
        let task = try context.write { tx -> WorkTask in
            var task = try visibleTask(id, in: tx)
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
            throw TunetError.invalid("member", key, matches.isEmpty ? Message("task.error.no_member", ["member": .text(key)])
                                                                    : Message("task.error.several_members", ["member": .text(key)]))
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
        case .journey:
            if let id = Int64(link.key) { exists = try reader.journey(id) != nil }
        case .invoice:
            if let id = Int64(link.key) { exists = try reader.checkedInvoice(id) != nil }
        }
        if !exists { throw TunetError.invalid("link", link.description, Message("task.error.no_link_target", ["kind": link.kind.labelValue, "key": .text(link.key)])) }
    }
}
