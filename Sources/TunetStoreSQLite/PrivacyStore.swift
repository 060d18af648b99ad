import Foundation
import GRDB
import TunetDomain
import TunetStorage

extension SQLiteReader {
    /// What personal data is held and how old it is.
    public func personalDataInventory() throws -> [PersonalDataCategory] {
        func category(_ name: PersonalDataCategory.Kind, _ sql: String, _ arguments: StatementArguments = []) throws -> PersonalDataCategory {
            let row = try Row.fetchOne(db, sql: sql, arguments: arguments)
            return PersonalDataCategory(category: name, count: row?[0] ?? 0, oldest: row?[1], newest: row?[2])
        }
        // Erased text is not held: each `?` is the text an erased field reads.
        let erased: StatementArguments = [PersonalDataPolicy.erased]
        return [
            try category(.participantCodes, "SELECT COUNT(DISTINCT participant_code), MIN(start_date), MAX(start_date) FROM placement"),
            try category(.participantNames, "SELECT COUNT(*), NULL, NULL FROM participant_name"),
            try category(.followUpTexts, "SELECT COUNT(*), MIN(date), MAX(date) FROM follow_up WHERE wishes_and_needs <> ?", erased),
            try category(.pupilLearningGoals, """
                SELECT COUNT(*), MIN(start_date), MAX(start_date) FROM placement
                WHERE json_extract(document, '$.pupil.learning_goals') IS NOT NULL AND json_extract(document, '$.pupil.learning_goals') <> ?
                """, erased),
            try category(.dementiaDecisionReferences, """
                SELECT COUNT(*), MIN(start_date), MAX(start_date) FROM placement
                WHERE json_extract(document, '$.dementia.decision_reference') IS NOT NULL
                  AND json_extract(document, '$.dementia.decision_reference') <> ?
                """, erased),
            try category(.journeyTexts, """
                SELECT COUNT(*), MIN(json_extract(document, '$.referral.date')), MAX(json_extract(document, '$.referral.date'))
                FROM participant_journey WHERE json_extract(document, '$.referral.referred_by') <> ?
                """, erased),
        ]
    }

    /// Participants whose last day with Tunet came before `cutoff`: every placement ended, and every
    /// journey's latest step (a new referral after a placement ended counts) taken before it.
    public func participantsEnded(before cutoff: LocalDate) throws -> [ParticipantCode] {
        try String.fetchAll(db, sql: """
            SELECT code FROM (
                SELECT participant_code AS code, end_date AS last FROM placement
                UNION ALL
                SELECT participant_code, COALESCE(json_extract(document, '$.network.date'), json_extract(document, '$.need.date'),
                                                  json_extract(document, '$.conversation.date'), json_extract(document, '$.referral.date'))
                FROM participant_journey
            ) GROUP BY code HAVING MAX(last) < ? ORDER BY code
            """, arguments: [cutoff.iso]).compactMap { try? ParticipantCode.parse($0).get() }
    }
}

extension SQLiteTransaction {
    /// Removes a participant's name and free text, here and in earlier audit snapshots; attendance and
    /// money stay for the accounts. The erasure is audited without the erased content.
    public func erase(_ participant: ParticipantCode) throws -> ErasureResult {
        let placements = try self.placements().filter { $0.participant == participant }
        let journeys = try journeys(in: .every).filter { $0.participant == participant }
        guard !placements.isEmpty || !journeys.isEmpty else { throw TunetError.notFound(kind: "participant", key: participant.text) }
        for journey in journeys.map(PersonalDataPolicy.erasingFreeText) {
            try db.execute(sql: "UPDATE participant_journey SET document = ? WHERE id = ?", arguments: [try AuditJSON.encode(journey), journey.id])
        }
        let names = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participant_name WHERE participant_code = ?", arguments: [participant.text]) ?? 0
        try db.execute(sql: "DELETE FROM participant_name WHERE participant_code = ?", arguments: [participant.text])
        let ids = placements.map(\.id)
        let idMarks = Self.marks(ids.count)
        var erasing: StatementArguments = [PersonalDataPolicy.erased]
        erasing += StatementArguments(ids)
        erasing += [PersonalDataPolicy.erased]
        try db.execute(sql: "UPDATE follow_up SET wishes_and_needs = ? WHERE placement_id IN (\(idMarks)) AND wishes_and_needs <> ?",
                       arguments: erasing)
        let followUps = db.changesCount
        for placement in placements.map(PersonalDataPolicy.erasingFreeText) {
            try db.execute(sql: "UPDATE placement SET document = ? WHERE id = ?", arguments: [try AuditJSON.encode(placement), placement.id])
        }
        let tasks = try linkedTasks(kind: "placement", ids) + linkedTasks(kind: "journey", journeys.map(\.id))
        for task in tasks.map(PersonalDataPolicy.erasingTypedText) {
            try db.execute(sql: "UPDATE work_task SET document = ? WHERE id = ?", arguments: [try AuditJSON.encode(task), task.id])
        }
        // Earlier snapshots of these placements, follow-ups and tasks carry the same text: scrub it there too.
        let followUpIds = try Int64.fetchAll(db, sql: "SELECT id FROM follow_up WHERE placement_id IN (\(idMarks))", arguments: StatementArguments(ids))
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

    /// The tasks linked to these placements or journeys (`kind`).
    private func linkedTasks(kind: String, _ ids: [Int64]) throws -> [WorkTask] {
        guard !ids.isEmpty else { return [] }
        return try String.fetchAll(db, sql: """
            SELECT document FROM work_task
            WHERE json_extract(document, '$.link.kind') = ? AND json_extract(document, '$.link.key') IN (\(Self.marks(ids.count)))
            """, arguments: StatementArguments([kind] + ids.map(String.init))).map(Self.decodeTask)
    }

    /// Scrubs the audit events of these records: the typed text of `fields` in their snapshots, and a
    /// typed note (a reason given for a change). Returns how many events changed.
    private func scrubAudit(entity: String, ids: [Int64], fields: Set<String>) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        var scrubbed = 0
        let events = try Row.fetchAll(db, sql: "SELECT id, before_json, after_json, note FROM audit_event WHERE entity = ? AND entity_id IN (\(Self.marks(ids.count)))",
                                      arguments: StatementArguments([entity] + ids.map(String.init)))
        for event in events {
            let storedBefore = try StoredSnapshot.json(event["before_json"], column: "before_json")
            let storedAfter = try StoredSnapshot.json(event["after_json"], column: "after_json")
            let before = storedBefore.map { AuditSnapshotScrub.scrub($0, fields: fields) }
            let after = storedAfter.map { AuditSnapshotScrub.scrub($0, fields: fields) }
            let note = (event["note"] as String?).map { RecordedText(stored: $0).typed == nil ? $0 : RecordedText.typed(PersonalDataPolicy.erased).stored }
            if before != storedBefore || after != storedAfter || note != event["note"] {
                try db.execute(sql: "UPDATE audit_event SET before_json = ?, after_json = ?, note = ? WHERE id = ?",
                               arguments: [StoredSnapshot.value(before), StoredSnapshot.value(after), note, event["id"] as Int64])
                scrubbed += 1
            }
        }
        return scrubbed
    }
}
