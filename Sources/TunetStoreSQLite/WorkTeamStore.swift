import Foundation
import GRDB
import TunetDomain
import TunetStorage
import TunetJSON

extension SQLiteReader {
    public func teams() throws -> [Team] {
        var municipalities: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT team_id, municipality_number FROM team_municipality ORDER BY team_id, position") {
            municipalities[row["team_id"], default: []].append(row["municipality_number"])
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM team ORDER BY id").map {
            Team(id: $0["id"], name: $0["name"], municipalities: municipalities[$0["id"]] ?? [$0["municipality_number"]], owner: $0["owner"])
        }
    }

    public func members(team: Int64? = nil) throws -> [TeamMember] {
        let sql = "SELECT * FROM team_member" + (team == nil ? "" : " WHERE team_id = ?") + " ORDER BY id"
        return try Row.fetchAll(db, sql: sql, arguments: team.map { [$0] } ?? []).map {
            TeamMember(id: $0["id"], teamId: $0["team_id"], name: $0["name"], sector: Sector(rawValue: $0["sector"]) ?? .education,
                       role: $0["role"], email: $0["email"], active: $0["active"])
        }
    }

    public func task(_ id: Int64) throws -> WorkTask? {
        try String.fetchOne(db, sql: "SELECT document FROM work_task WHERE id = ?", arguments: [id]).map(Self.decodeTask)
    }

    public func task(ruleKey: String) throws -> WorkTask? {
        try String.fetchOne(db, sql: "SELECT document FROM work_task WHERE rule_key = ?", arguments: [ruleKey]).map(Self.decodeTask)
    }

    public func tasks() throws -> [WorkTask] {
        try String.fetchAll(db, sql: "SELECT document FROM work_task ORDER BY due_date IS NULL, due_date, id").map(Self.decodeTask)
    }

    static func decodeTask(_ document: String) throws -> WorkTask {
        do {
            return try JSONDocumentDecoder().decode(WorkTask.self, from: document)
        } catch {
            throw TunetError.incompatibleDatabase(Message("files.store.unreadable_document", ["kind": .label("entity.task"), "detail": .text(String(describing: error))]))
        }
    }
}

extension SQLiteTransaction {
    public func insert(_ team: Team) throws -> Team {
        try db.execute(sql: "INSERT INTO team (name, municipality_number, owner) VALUES (?, ?, ?)",
                       arguments: [team.name, team.municipalityNumber, team.owner])
        var stored = team
        stored.id = db.lastInsertedRowID
        for (position, number) in team.municipalities.enumerated() {
            try db.execute(sql: "INSERT INTO team_municipality (team_id, municipality_number, position) VALUES (?, ?, ?)",
                           arguments: [stored.id, number, position])
        }
        try audit("create", entity: "team", id: String(stored.id), before: Team?.none, after: stored)
        return stored
    }

    public func insert(_ member: TeamMember) throws -> TeamMember {
        try db.execute(sql: "INSERT INTO team_member (team_id, name, sector, role, email, active) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [member.teamId, member.name, member.sector.rawValue, member.role, member.email, member.active])
        var stored = member
        stored.id = db.lastInsertedRowID
        try audit("create", entity: "team_member", id: String(stored.id), before: TeamMember?.none, after: stored)
        return stored
    }

    public func update(_ member: TeamMember, action: String) throws {
        let before = try members().first { $0.id == member.id }
        try db.execute(sql: "UPDATE team_member SET name = ?, sector = ?, role = ?, email = ?, active = ? WHERE id = ?",
                       arguments: [member.name, member.sector.rawValue, member.role, member.email, member.active, member.id])
        try audit(action, entity: "team_member", id: String(member.id), before: before, after: member)
    }

    /// Creates a task; `make` receives the id the database assigns.
    public func insertTask(_ make: (Int64) -> WorkTask) throws -> WorkTask {
        let draft = make(0)
        try db.execute(sql: "INSERT INTO work_task (team_id, status, document) VALUES (?, 'open', '{}')", arguments: [draft.teamId])
        let task = make(db.lastInsertedRowID)
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
        try db.execute(sql: "UPDATE work_task SET team_id = ?, status = ?, due_date = ?, owner_id = ?, rule_key = ?, document = ? WHERE id = ?",
                       arguments: [task.teamId, task.status.rawValue, task.due?.iso, task.ownerId, task.ruleKey, try AuditJSON.encode(task), task.id])
    }
}
