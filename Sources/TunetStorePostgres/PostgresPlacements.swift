import PostgresNIO
import TunetDomain
import TunetStorage

extension PostgresReader {
    public func placement(_ id: Int64) throws -> Placement? {
        try value("SELECT document::text FROM placement WHERE id = \(id)", as: String.self).map(Self.decodePlacement)
    }

    /// Placements, oldest first, optionally only those of one agreement or provider.
    public func placements(agreement: String? = nil, provider: OrganisationNumber? = nil) throws -> [Placement] {
        // Each condition holds when its value is absent, so one statement serves every filter.
        try rows("""
            SELECT pl.document::text FROM placement pl
            JOIN agreement a ON a.id = pl.agreement_id JOIN provider p ON p.id = pl.provider_id
            WHERE (\(agreement)::text IS NULL OR a.reference = \(agreement))
              AND (\(provider?.digits)::text IS NULL OR p.organisation_number = \(provider?.digits))
            ORDER BY pl.id
            """).map { row in try Self.decodePlacement(try row.cells(0)) }
    }

    /// Every participant code that has a placement, without decoding the placements.
    public func placedParticipants() throws -> Set<ParticipantCode> {
        Set(try rows("SELECT DISTINCT participant_code FROM placement").map { row in ParticipantCode(stored: try row.cells(0)) })
    }

    /// Placements with any of these farms that overlap the period (they share the farms' places): farm
    /// by farm, each farm's by period, as SQLite reads them through the farm's period index.
    public func placementsOverlapping(providers: [OrganisationNumber], from: LocalDate, to: LocalDate) throws -> [Placement] {
        guard !providers.isEmpty else { return [] }
        return try rows("""
            SELECT pl.document::text FROM placement pl JOIN provider p ON p.id = pl.provider_id
            WHERE NOT pl.cancelled AND pl.start_date <= \(to) AND pl.end_date >= \(from)
              AND p.organisation_number = ANY(\(providers.map(\.digits)))
            ORDER BY p.organisation_number COLLATE "C", pl.start_date, pl.end_date, pl.id
            """).map { row in try Self.decodePlacement(try row.cells(0)) }
    }

    /// The projected cost of an agreement's placements that are not cancelled: what is committed against its ceiling.
    public func committedValue(agreement reference: String) throws -> (money: Money, participantDays: Int) {
        guard let row = try rows("""
            SELECT COALESCE(SUM(pl.projected_cost_ore), 0)::bigint, COALESCE(SUM(pl.planned_days), 0)::bigint
            FROM placement pl JOIN agreement a ON a.id = pl.agreement_id WHERE a.reference = \(reference) AND NOT pl.cancelled
            """).first else { return (.zero, 0) }
        let cells = row.cells
        return (Money(ore: try cells(0, as: Int64.self)), Int(try cells(1, as: Int64.self)))
    }

    /// The highest generated sequence number used for a year's participant codes.
    public func lastParticipantSequence(year: Int) throws -> Int {
        // ILIKE: SQLite's LIKE ignores the case of A–Z, and both stores must find the same codes.
        let prefix = "P-\(year)-"
        // A referral gives a person a code before any placement: both tables hold codes given.
        let codes = try rows("""
            SELECT participant_code FROM placement WHERE participant_code ILIKE \(prefix + "%")
            UNION SELECT participant_code FROM participant_journey WHERE participant_code ILIKE \(prefix + "%")
            """)
            .map { row throws(TunetError) -> String in try row.cells(0) }
        return codes.compactMap { Int($0.dropFirst(prefix.count)) }.max() ?? 0
    }

    public func followUps(placement id: Int64) throws -> [FollowUp] {
        try rows("""
            SELECT id, placement_id, date, roles, wishes_and_needs, next_date FROM follow_up WHERE placement_id = \(id) ORDER BY date, id
            """).map { row in
            let cells = row.cells
            return FollowUp(id: try cells(0), placementId: try cells(1), date: try cells(2),
                            roles: try cells(3, as: String.self).split(separator: ",").map(String.init), wishesAndNeeds: try cells(4),
                            nextDate: try cells(5))
        }
    }

    public func schoolHolidays(municipality: String? = nil) throws -> [SchoolHoliday] {
        // A municipality's holidays are unique by period: the end day orders two starting the same day, as SQLite's index does.
        try rows("""
            SELECT municipality_number, from_date, to_date, name FROM school_holiday
            WHERE \(municipality)::text IS NULL OR municipality_number = \(municipality)
            ORDER BY municipality_number, from_date, to_date
            """).map { row in
            let cells = row.cells
            return SchoolHoliday(municipalityNumber: try cells(0), from: try cells(1), to: try cells(2), name: try cells(3))
        }
    }

    static func decodePlacement(_ document: String) throws -> Placement {
        try PostgresDocument.decode(document, as: Placement.self, kind: "entity.placement")
    }

    /// The store's own number of the agreement a placement names, which its row refers to.
    fileprivate func placementAgreementId(_ reference: String) throws -> Int64 {
        guard let id = try value("SELECT id FROM agreement WHERE reference = \(reference)", as: Int64.self) else {
            throw TunetError.notFound(kind: "agreement", key: reference)
        }
        return id
    }
}

extension PostgresTransaction {
    /// Creates a placement; `make` receives the id the database assigns. The number is taken from the
    /// table's counter first, so the placement is written whole, once.
    public func insertPlacement(_ make: (Int64) -> Placement) throws -> Placement {
        let draft = make(0)
        _ = try placementAgreementId(draft.agreementReference)
        _ = try providerId(draft.provider)
        guard let id = try value("SELECT tunet_next_number('placement')", as: Int64.self) else {
            throw TunetError.internalFault("PostgreSQL gave the placement no number")
        }
        let placement = make(id)
        try rows("""
            INSERT INTO placement (id, participant_code, kind, agreement_id, provider_id, municipality_number, start_date, end_date, cancelled,
                                   planned_days, projected_cost_ore, ceiling_override, document)
            VALUES (\(id), \(placement.participant.text), \(placement.kind.rawValue), \(try placementAgreementId(placement.agreementReference)),
                    \(try providerId(placement.provider)), \(placement.municipalityNumber), \(placement.start), \(placement.end),
                    \(placement.isCancelled), \(placement.plannedDays), \(placement.projectedCost.ore), \(placement.ceilingOverrideReason != nil),
                    \(try PostgresDocument.encode(placement))::jsonb)
            """)
        try audit("create", entity: "placement", id: String(placement.id), before: Placement?.none, after: placement,
                  note: placement.ceilingOverrideReason.map { .written(Message("audit.note.ceiling_override", ["reason": .text($0)])) })
        return placement
    }

    public func update(_ placement: Placement, action: String, note: RecordedText? = nil) throws {
        guard let before = try self.placement(placement.id) else {
            throw TunetError.notFound(kind: "placement", key: String(placement.id))
        }
        guard before != placement else { return }
        try rows("""
            UPDATE placement SET participant_code = \(placement.participant.text), kind = \(placement.kind.rawValue),
                agreement_id = \(try placementAgreementId(placement.agreementReference)), provider_id = \(try providerId(placement.provider)),
                municipality_number = \(placement.municipalityNumber), start_date = \(placement.start), end_date = \(placement.end),
                cancelled = \(placement.isCancelled), planned_days = \(placement.plannedDays), projected_cost_ore = \(placement.projectedCost.ore),
                ceiling_override = \(placement.ceilingOverrideReason != nil), document = \(try PostgresDocument.encode(placement))::jsonb
            WHERE id = \(placement.id)
            """)
        try audit(action, entity: "placement", id: String(placement.id), before: before, after: placement, note: note)
    }

    public func insert(_ followUp: FollowUp) throws -> FollowUp {
        guard let id = try value("""
            INSERT INTO follow_up (placement_id, date, roles, wishes_and_needs, next_date)
            VALUES (\(followUp.placementId), \(followUp.date), \(followUp.roles.joined(separator: ",")), \(followUp.wishesAndNeeds), \(followUp.nextDate))
            RETURNING id
            """, as: Int64.self) else { throw TunetError.internalFault("PostgreSQL gave the follow-up no number") }
        var stored = followUp
        stored.id = id
        try audit("create", entity: "follow_up", id: String(stored.id), before: FollowUp?.none, after: stored,
                  note: .written(Message("audit.note.follow_up", ["placement": .integer(followUp.placementId)])))
        return stored
    }

    /// Replaces a municipality's school holidays with `holidays`.
    public func replaceSchoolHolidays(municipality: String, _ holidays: [SchoolHoliday], note: RecordedText? = nil) throws {
        let before = try schoolHolidays(municipality: municipality)
        guard Set(before) != Set(holidays) else { return }
        try rows("DELETE FROM school_holiday WHERE municipality_number = \(municipality)")
        for holiday in holidays {
            try rows("""
                INSERT INTO school_holiday (municipality_number, from_date, to_date, name)
                VALUES (\(holiday.municipalityNumber), \(holiday.from), \(holiday.to), \(holiday.name))
                """)
        }
        try audit("update", entity: "school_calendar", id: municipality, before: before, after: holidays, note: note)
    }

    public func setParticipantName(_ code: ParticipantCode, name: String) throws {
        let existed = try value("SELECT EXISTS (SELECT 1 FROM participant_name WHERE participant_code = \(code.text))", as: Bool.self) ?? false
        try rows("""
            INSERT INTO participant_name (participant_code, name) VALUES (\(code.text), \(name))
            ON CONFLICT (participant_code) DO UPDATE SET name = excluded.name
            """)
        // The name itself is never written to the audit log.
        try audit(existed ? "update-name" : "create-name", entity: "participant", id: code.text, before: String?.none, after: String?.none)
    }

    /// Reads names and records who read them; names are personal data and every read is audited.
    public func readParticipantNames(_ codes: [ParticipantCode], purpose: Message) throws -> [ParticipantCode: String] {
        guard !codes.isEmpty else { return [:] }
        let held = Dictionary(try rows("SELECT participant_code, name FROM participant_name WHERE participant_code = ANY(\(codes.map(\.text)))")
            .map { row throws(TunetError) -> (String, String) in (try row.cells(0), try row.cells(1)) }, uniquingKeysWith: { first, _ in first })
        var names: [ParticipantCode: String] = [:]
        // One event per code asked for and held, in the order asked, as the SQLite store records them.
        for code in codes {
            if let name = held[code.text] {
                names[code] = name
                try audit("read-name", entity: "participant", id: code.text, before: String?.none, after: String?.none, note: .written(purpose))
            }
        }
        return names
    }
}
