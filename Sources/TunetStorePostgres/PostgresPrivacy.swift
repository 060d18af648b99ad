import PostgresNIO
import TunetDomain
import TunetStorage

extension PostgresReader {
    /// What personal data is held and how old it is.
    public func personalDataInventory() throws -> [PersonalDataCategory] {
        func category(_ name: PersonalDataCategory.Kind, _ query: PostgresQuery) throws -> PersonalDataCategory {
            guard let row = try rows(query).first else { return PersonalDataCategory(category: name, count: 0, oldest: nil, newest: nil) }
            let cells = row.cells
            // Days as SQLite keeps them (ISO text), whatever the server's date style.
            return PersonalDataCategory(category: name, count: Int(try cells(0, as: Int64.self)), oldest: try cells(1, as: LocalDate?.self)?.iso,
                                        newest: try cells(2, as: LocalDate?.self)?.iso)
        }
        // Erased text is not held: an erased field reads `PersonalDataPolicy.erased`.
        let erased = PersonalDataPolicy.erased
        return [
            try category(.participantCodes, "SELECT COUNT(DISTINCT participant_code), MIN(start_date), MAX(start_date) FROM placement"),
            try category(.participantNames, "SELECT COUNT(*), NULL::date, NULL::date FROM participant_name"),
            try category(.followUpTexts, "SELECT COUNT(*), MIN(date), MAX(date) FROM follow_up WHERE wishes_and_needs <> \(erased)"),
            try category(.pupilLearningGoals, """
                SELECT COUNT(*), MIN(start_date), MAX(start_date) FROM placement
                WHERE document #>> '{pupil,learning_goals}' IS NOT NULL AND document #>> '{pupil,learning_goals}' <> \(erased)
                """),
            try category(.dementiaDecisionReferences, """
                SELECT COUNT(*), MIN(start_date), MAX(start_date) FROM placement
                WHERE document #>> '{dementia,decision_reference}' IS NOT NULL AND document #>> '{dementia,decision_reference}' <> \(erased)
                """),
            try category(.journeyTexts, """
                SELECT COUNT(*), MIN((document #>> '{referral,date}')::date), MAX((document #>> '{referral,date}')::date)
                FROM participant_journey WHERE document #>> '{referral,referred_by}' <> \(erased)
                """),
        ]
    }

    /// Participants whose last day with Tunet came before `cutoff`: every placement ended, and every
    /// journey's latest step (a new referral after a placement ended counts) taken before it; in the
    /// order of their codes.
    public func participantsEnded(before cutoff: LocalDate) throws -> [ParticipantCode] {
        try rows("""
            SELECT code FROM (
                SELECT participant_code AS code, end_date AS last FROM placement
                UNION ALL
                SELECT participant_code, COALESCE(document #>> '{network,date}', document #>> '{need,date}',
                                                  document #>> '{conversation,date}', document #>> '{referral,date}')::date
                FROM participant_journey
            ) AS days GROUP BY code HAVING MAX(last) < \(cutoff)
            ORDER BY code COLLATE "C"
            """).map { row in try row.cells(0, as: String.self) }.compactMap { try? ParticipantCode.parse($0).get() }
    }
}

extension PostgresTransaction {
    /// Removes a participant's name and free text, here and in earlier audit snapshots; attendance and
    /// money stay for the accounts. The erasure is audited without the erased content.
    public func erase(_ participant: ParticipantCode) throws -> ErasureResult {
        let placements = try self.placements().filter { $0.participant == participant }
        let journeys = try journeys(in: .every).filter { $0.participant == participant }
        guard !placements.isEmpty || !journeys.isEmpty else { throw TunetError.notFound(kind: "participant", key: participant.text) }
        for journey in journeys.map(PersonalDataPolicy.erasingFreeText) {
            try rows("UPDATE participant_journey SET document = \(try PostgresDocument.encode(journey))::jsonb WHERE id = \(journey.id)")
        }
        let names = try rows("DELETE FROM participant_name WHERE participant_code = \(participant.text) RETURNING 1").count
        let ids = placements.map(\.id)
        let erased = PersonalDataPolicy.erased
        let followUps = try rows("""
            UPDATE follow_up SET wishes_and_needs = \(erased) WHERE placement_id = ANY(\(ids)) AND wishes_and_needs <> \(erased) RETURNING id
            """).count
        for placement in placements.map(PersonalDataPolicy.erasingFreeText) {
            try rows("UPDATE placement SET document = \(try PostgresDocument.encode(placement))::jsonb WHERE id = \(placement.id)")
        }
        let tasks = try linkedTasks(kind: "placement", ids) + linkedTasks(kind: "journey", journeys.map(\.id))
        for task in tasks.map(PersonalDataPolicy.erasingTypedText) {
            try rows("UPDATE work_task SET document = \(try PostgresDocument.encode(task))::jsonb WHERE id = \(task.id)")
        }
        // Earlier snapshots of these placements, follow-ups and tasks carry the same text: scrub it there too.
        let followUpIds = try rows("SELECT id FROM follow_up WHERE placement_id = ANY(\(ids)) ORDER BY id").map { row in try row.cells(0, as: Int64.self) }
        let scrubbed = try scrubAudit(entity: "placement", ids: ids, fields: PersonalDataPolicy.freeTextFields)
            + (try scrubAudit(entity: "follow_up", ids: followUpIds, fields: PersonalDataPolicy.freeTextFields))
            + (try scrubAudit(entity: "task", ids: tasks.map(\.id), fields: PersonalDataPolicy.taskTextFields))
            + (try scrubAudit(entity: "journey", ids: journeys.map(\.id), fields: PersonalDataPolicy.journeyTextFields))
        var result = ErasureResult(participant: participant.text, placements: placements.count, namesErased: names, followUpsErased: followUps,
                                   auditSnapshotsScrubbed: scrubbed, tasksErased: tasks.count)
        result.journeysErased = journeys.count
        try audit("erase", entity: "participant", id: participant.text, before: String?.none, after: result)
        return result
    }

    /// The tasks linked to these placements or journeys (`kind`). Decoded here rather than through the
    /// work teams' reader: erasure needs only their documents.
    private func linkedTasks(kind: String, _ ids: [Int64]) throws -> [WorkTask] {
        try rows("""
            SELECT document::text FROM work_task
            WHERE document #>> '{link,kind}' = \(kind) AND document #>> '{link,key}' = ANY(\(ids.map(String.init)))
            ORDER BY id
            """).map { row in try PostgresDocument.decode(try row.cells(0, as: String.self), as: WorkTask.self, kind: "entity.task") }
    }

    /// Scrubs the audit events of these records: the typed text of `fields` in their snapshots, and a
    /// typed note (a reason given for a change). Returns how many events changed.
    private func scrubAudit(entity: String, ids: [Int64], fields: Set<String>) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        var scrubbed = 0
        let events = try rows("""
            SELECT id, before_json, after_json, note FROM audit_event WHERE entity = \(entity) AND entity_id = ANY(\(ids.map(String.init))) ORDER BY id
            """)
        for event in events {
            let cells = event.cells
            let id: Int64 = try cells(0)
            let storedBefore: String? = try cells(1), storedAfter: String? = try cells(2), storedNote: String? = try cells(3)
            let before = storedBefore.map { AuditSnapshotScrub.scrub($0, fields: fields) }
            let after = storedAfter.map { AuditSnapshotScrub.scrub($0, fields: fields) }
            let note = storedNote.map { RecordedText(stored: $0).typed == nil ? $0 : RecordedText.typed(PersonalDataPolicy.erased).stored }
            if before != storedBefore || after != storedAfter || note != storedNote {
                try rows("UPDATE audit_event SET before_json = \(before), after_json = \(after), note = \(note) WHERE id = \(id)")
                scrubbed += 1
            }
        }
        return scrubbed
    }
}
