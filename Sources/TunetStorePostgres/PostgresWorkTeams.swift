import PostgresNIO
import TunetDomain
import TunetStorage

/// Teams with their municipalities in order (the first the home), members, and tasks kept whole as
/// documents with their history; the task's columns repeat what lists and rules look up.
extension PostgresReader {
    public func teams() throws -> [Team] {
        var municipalities: [Int64: [String]] = [:]
        for row in try rows("SELECT team_id, municipality_number FROM team_municipality ORDER BY team_id, position") {
            let cells = row.cells
            municipalities[try cells(0), default: []].append(try cells(1))
        }
        return try rows("SELECT id, name, owner FROM team ORDER BY id").map { row in
            let cells = row.cells
            let id: Int64 = try cells(0)
            return Team(id: id, name: try cells(1), municipalities: municipalities[id] ?? [], owner: try cells(2))
        }
    }

    public func members(team: Int64? = nil) throws -> [TeamMember] {
        try rows("""
            SELECT id, team_id, name, sector, role, email, active FROM team_member
            WHERE \(team)::bigint IS NULL OR team_id = \(team) ORDER BY id
            """).map { row in
            let cells = row.cells
            return TeamMember(id: try cells(0), teamId: try cells(1), name: try cells(2), sector: Sector(rawValue: try cells(3)) ?? .education,
                              role: try cells(4), email: try cells(5), active: try cells(6))
        }
    }

    public func task(_ id: Int64) throws -> WorkTask? {
        try value("SELECT document::text FROM work_task WHERE id = \(id)", as: String.self).map(Self.decodeTask)
    }

    public func task(ruleKey: String) throws -> WorkTask? {
        try value("SELECT document::text FROM work_task WHERE rule_key = \(ruleKey)", as: String.self).map(Self.decodeTask)
    }

    public func tasks() throws -> [WorkTask] {
        try rows("SELECT document::text FROM work_task ORDER BY due_date IS NULL, due_date, id").map(Self.task)
    }

    /// A task from a row whose first column is its document.
    static func task(_ row: PostgresRow) throws -> WorkTask {
        try decodeTask(try row.cells(0))
    }

    static func decodeTask(_ document: String) throws -> WorkTask {
        try PostgresDocument.decode(document, as: WorkTask.self, kind: "entity.task")
    }
}

extension PostgresTransaction {
    public func insert(_ team: Team) throws -> Team {
        guard let id = try value("INSERT INTO team (name, owner) VALUES (\(team.name), \(team.owner)) RETURNING id", as: Int64.self) else {
            throw TunetError.internalFault("PostgreSQL gave the team no number")
        }
        var stored = team
        stored.id = id
        for (position, number) in team.municipalities.enumerated() {
            try rows("INSERT INTO team_municipality (team_id, municipality_number, position) VALUES (\(id), \(number), \(position))")
        }
        try audit("create", entity: "team", id: String(stored.id), before: Team?.none, after: stored)
        return stored
    }

    public func insert(_ member: TeamMember) throws -> TeamMember {
        guard let id = try value("""
            INSERT INTO team_member (team_id, name, sector, role, email, active)
            VALUES (\(member.teamId), \(member.name), \(member.sector.rawValue), \(member.role), \(member.email), \(member.active))
            RETURNING id
            """, as: Int64.self) else { throw TunetError.internalFault("PostgreSQL gave the member no number") }
        var stored = member
        stored.id = id
        try audit("create", entity: "team_member", id: String(stored.id), before: TeamMember?.none, after: stored)
        return stored
    }

    public func update(_ member: TeamMember, action: String) throws {
        let before = try members().first { $0.id == member.id }
        try rows("""
            UPDATE team_member SET name = \(member.name), sector = \(member.sector.rawValue), role = \(member.role), email = \(member.email),
                active = \(member.active)
            WHERE id = \(member.id)
            """)
        try audit(action, entity: "team_member", id: String(member.id), before: before, after: member)
    }

    /// Creates a task; `make` receives the id the database assigns.
    public func insertTask(_ make: (Int64) -> WorkTask) throws -> WorkTask {
        let draft = make(0)
        guard let id = try value("INSERT INTO work_task (team_id, status, document) VALUES (\(draft.teamId), 'open', '{}'::jsonb) RETURNING id",
                                 as: Int64.self) else { throw TunetError.internalFault("PostgreSQL gave the task no number") }
        let task = make(id)
        try write(task)
        try audit("create", entity: "task", id: String(task.id), before: WorkTask?.none, after: task)
        return task
    }

    public func update(_ task: WorkTask, action: String, note: RecordedText? = nil) throws {
        guard let before = try self.task(task.id) else { throw TunetError.notFound(kind: "task", key: String(task.id)) }
        guard before != task else { return }
        try write(task)
        try audit(action, entity: "task", id: String(task.id), before: before, after: task, note: note)
    }

    private func write(_ task: WorkTask) throws {
        let document = try PostgresDocument.encode(task)
        try rows("""
            UPDATE work_task SET team_id = \(task.teamId), status = \(task.status.rawValue), due_date = \(task.due), owner_id = \(task.ownerId),
                rule_key = \(task.ruleKey), document = \(document)::jsonb
            WHERE id = \(task.id)
            """)
    }
}
