import Foundation
import GRDB
import TunetDomain
import TunetStorage
import TunetJSON

extension SQLiteReader {
    public func placement(_ id: Int64) throws -> Placement? {
        try String.fetchOne(db, sql: "SELECT document FROM placement WHERE id = ?", arguments: [id]).map { try Self.decodePlacement($0) }
    }

    /// Placements, oldest first, optionally only those of one agreement or provider.
    public func placements(agreement: String? = nil, provider: OrganisationNumber? = nil) throws -> [Placement] {
        var sql = "SELECT pl.document FROM placement pl"
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let agreement {
            sql += " JOIN agreement a ON a.id = pl.agreement_id"
            conditions.append("a.reference = ?")
            arguments += [agreement]
        }
        if let provider {
            sql += " JOIN provider p ON p.id = pl.provider_id"
            conditions.append("p.organisation_number = ?")
            arguments += [provider.digits]
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY pl.id"
        return try PlacementDocuments.decode(try String.fetchAll(try cached(sql), arguments: arguments))
    }

    /// Every participant code that has a placement, without decoding the placements.
    public func placedParticipants() throws -> Set<ParticipantCode> {
        Set(try String.fetchAll(db, sql: "SELECT DISTINCT participant_code FROM placement").map(ParticipantCode.init(stored:)))
    }

    /// Placements with any of these farms that overlap the period (they share the farms' places).
    public func placementsOverlapping(providers: [OrganisationNumber], from: LocalDate, to: LocalDate) throws -> [Placement] {
        guard !providers.isEmpty else { return [] }
        return try String.fetchAll(db, sql: """
            SELECT pl.document FROM placement pl JOIN provider p ON p.id = pl.provider_id
            WHERE pl.cancelled = 0 AND pl.start_date <= ? AND pl.end_date >= ?
              AND p.organisation_number IN (\(Self.marks(providers.count)))
            """, arguments: StatementArguments([to.iso, from.iso] + providers.map(\.digits))).map(Self.decodePlacement)
    }

    /// The projected cost of an agreement's placements that are not cancelled: what is committed against its ceiling.
    public func committedValue(agreement reference: String) throws -> (money: Money, participantDays: Int) {
        let row = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(pl.projected_cost_ore), 0) AS money, COALESCE(SUM(pl.planned_days), 0) AS days
            FROM placement pl JOIN agreement a ON a.id = pl.agreement_id WHERE a.reference = ? AND pl.cancelled = 0
            """, arguments: [reference])
        return (Money(ore: row?["money"] ?? 0), row?["days"] ?? 0)
    }

    /// The highest generated sequence number used for a year's participant codes.
    public func lastParticipantSequence(year: Int) throws -> Int {
        // A referral gives a person a code before any placement: both tables hold codes given.
        let codes = try String.fetchAll(db, sql: """
            SELECT participant_code FROM placement WHERE participant_code LIKE ?
            UNION SELECT participant_code FROM participant_journey WHERE participant_code LIKE ?
            """, arguments: ["P-\(year)-%", "P-\(year)-%"])
        return codes.compactMap { Int($0.dropFirst("P-\(year)-".count)) }.max() ?? 0
    }

    public func followUps(placement id: Int64) throws -> [FollowUp] {
        try Row.fetchAll(db, sql: "SELECT * FROM follow_up WHERE placement_id = ? ORDER BY date, id", arguments: [id]).map { row in
            FollowUp(id: row["id"], placementId: row["placement_id"], date: try StoredValue.date(row["date"], column: "follow_up.date"),
                     roles: (row["roles"] as String).split(separator: ",").map(String.init), wishesAndNeeds: row["wishes_and_needs"],
                     nextDate: try (row["next_date"] as String?).map { try StoredValue.date($0, column: "follow_up.next_date") })
        }
    }

    public func schoolHolidays(municipality: String? = nil) throws -> [SchoolHoliday] {
        var sql = "SELECT * FROM school_holiday"
        var arguments: StatementArguments = []
        if let municipality {
            sql += " WHERE municipality_number = ?"
            arguments += [municipality]
        }
        return try Row.fetchAll(try cached(sql + " ORDER BY municipality_number, from_date"), arguments: arguments).map { row in
            SchoolHoliday(municipalityNumber: row["municipality_number"],
                          from: try StoredValue.date(row["from_date"], column: "school_holiday.from_date"),
                          to: try StoredValue.date(row["to_date"], column: "school_holiday.to_date"), name: row["name"])
        }
    }

    static func decodePlacement(_ document: String) throws -> Placement {
        do {
            return try JSONDocumentDecoder().decode(Placement.self, from: document)
        } catch {
            throw TunetError.incompatibleDatabase(Message("files.store.unreadable_document", ["kind": .label("entity.placement"), "detail": .text(String(describing: error))]))
        }
    }
}

extension SQLiteTransaction {
    /// Creates a placement; `make` receives the id the database assigns.
    public func insertPlacement(_ make: (Int64) -> Placement) throws -> Placement {
        let draft = make(0)
        guard let agreementId = try agreementId(draft.agreementReference) else {
            throw TunetError.notFound(kind: "agreement", key: draft.agreementReference)
        }
        try db.execute(sql: """
            INSERT INTO placement (participant_code, kind, agreement_id, provider_id, municipality_number, start_date, end_date,
                                   planned_days, projected_cost_ore, document)
            VALUES ('', '', ?, ?, '', '', '', 0, 0, '{}')
            """, arguments: [agreementId, try providerId(draft.provider)])
        let placement = make(db.lastInsertedRowID)
        try write(placement)
        try audit("create", entity: "placement", id: String(placement.id), before: Placement?.none, after: placement,
                  note: placement.ceilingOverrideReason.map { .written(Message("audit.note.ceiling_override", ["reason": .text($0)])) })
        return placement
    }

    public func update(_ placement: Placement, action: String, note: RecordedText? = nil) throws {
        guard let before = try self.placement(placement.id) else {
            throw TunetError.notFound(kind: "placement", key: String(placement.id))
        }
        guard before != placement else { return }
        try write(placement)
        try audit(action, entity: "placement", id: String(placement.id), before: before, after: placement, note: note)
    }

    private func write(_ placement: Placement) throws {
        guard let agreementId = try agreementId(placement.agreementReference) else {
            throw TunetError.notFound(kind: "agreement", key: placement.agreementReference)
        }
        try db.execute(sql: """
            UPDATE placement SET participant_code = ?, kind = ?, agreement_id = ?, provider_id = ?, municipality_number = ?,
                start_date = ?, end_date = ?, cancelled = ?, planned_days = ?, projected_cost_ore = ?, ceiling_override = ?, document = ?
            WHERE id = ?
            """, arguments: [placement.participant.text, placement.kind.rawValue, agreementId, try providerId(placement.provider),
                             placement.municipalityNumber, placement.start.iso, placement.end.iso, placement.isCancelled,
                             placement.plannedDays, placement.projectedCost.ore, placement.ceilingOverrideReason != nil,
                             try AuditJSON.encode(placement), placement.id])
    }

    public func insert(_ followUp: FollowUp) throws -> FollowUp {
        try db.execute(sql: "INSERT INTO follow_up (placement_id, date, roles, wishes_and_needs, next_date) VALUES (?, ?, ?, ?, ?)",
                       arguments: [followUp.placementId, followUp.date.iso, followUp.roles.joined(separator: ","),
                                   followUp.wishesAndNeeds, followUp.nextDate?.iso])
        var stored = followUp
        stored.id = db.lastInsertedRowID
        try audit("create", entity: "follow_up", id: String(stored.id), before: FollowUp?.none, after: stored,
                  note: .written(Message("audit.note.follow_up", ["placement": .integer(followUp.placementId)])))
        return stored
    }

    /// Replaces a municipality's school holidays from `from` to `to` with `holidays`.
    public func replaceSchoolHolidays(municipality: String, _ holidays: [SchoolHoliday], note: RecordedText? = nil) throws {
        let before = try schoolHolidays(municipality: municipality)
        guard Set(before) != Set(holidays) else { return }
        try db.execute(sql: "DELETE FROM school_holiday WHERE municipality_number = ?", arguments: [municipality])
        for holiday in holidays {
            try db.execute(sql: "INSERT INTO school_holiday (municipality_number, from_date, to_date, name) VALUES (?, ?, ?, ?)",
                           arguments: [holiday.municipalityNumber, holiday.from.iso, holiday.to.iso, holiday.name])
        }
        try audit("update", entity: "school_calendar", id: municipality, before: before, after: holidays, note: note)
    }

    public func setParticipantName(_ code: ParticipantCode, name: String) throws {
        let existed = try Bool.fetchOne(db, sql: "SELECT 1 FROM participant_name WHERE participant_code = ?", arguments: [code.text]) ?? false
        try db.execute(sql: "INSERT INTO participant_name (participant_code, name) VALUES (?, ?) ON CONFLICT(participant_code) DO UPDATE SET name = excluded.name",
                       arguments: [code.text, name])
        // The name itself is never written to the audit log.
        try audit(existed ? "update-name" : "create-name", entity: "participant", id: code.text, before: String?.none, after: String?.none)
    }

    /// Reads names and records who read them; names are personal data and every read is audited.
    public func readParticipantNames(_ codes: [ParticipantCode], purpose: Message) throws -> [ParticipantCode: String] {
        var names: [ParticipantCode: String] = [:]
        for code in codes {
            if let name = try String.fetchOne(db, sql: "SELECT name FROM participant_name WHERE participant_code = ?", arguments: [code.text]) {
                names[code] = name
                try audit("read-name", entity: "participant", id: code.text, before: String?.none, after: String?.none, note: .written(purpose))
            }
        }
        return names
    }
}
