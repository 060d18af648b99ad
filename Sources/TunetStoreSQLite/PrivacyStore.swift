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
        ]
    }

    /// Participants all of whose placements ended before `cutoff`.
    public func participantsEnded(before cutoff: LocalDate) throws -> [ParticipantCode] {
        try String.fetchAll(db, sql: """
            SELECT participant_code FROM placement GROUP BY participant_code HAVING MAX(end_date) < ?
            """, arguments: [cutoff.iso]).compactMap { try? ParticipantCode.parse($0).get() }
    }
}

extension SQLiteTransaction {
    /// Removes a participant's name and free text, here and in earlier audit snapshots; attendance and
    /// money stay for the accounts. The erasure is audited without the erased content.
    public func erase(_ participant: ParticipantCode) throws -> ErasureResult {
        let placements = try self.placements().filter { $0.participant == participant }
        guard !placements.isEmpty else { throw TunetError.notFound(kind: "participant", key: participant.text) }
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
        // Earlier snapshots of these placements and follow-ups carry the same text: scrub it there too.
        let followUpIds = try Int64.fetchAll(db, sql: "SELECT id FROM follow_up WHERE placement_id IN (\(idMarks))", arguments: StatementArguments(ids))
            .map(String.init)
        var scrubbed = 0
        let events = try Row.fetchAll(db, sql: """
            SELECT id, before_json, after_json FROM audit_event
            WHERE (entity = 'placement' AND entity_id IN (\(idMarks)))
               OR (entity = 'follow_up' AND entity_id IN (\(Self.marks(max(followUpIds.count, 1)))))
            """, arguments: StatementArguments(ids.map(String.init) + (followUpIds.isEmpty ? [""] : followUpIds)))
        for event in events {
            let before = (event["before_json"] as String?).map(Self.scrub)
            let after = (event["after_json"] as String?).map(Self.scrub)
            if before != event["before_json"] || after != event["after_json"] {
                try db.execute(sql: "UPDATE audit_event SET before_json = ?, after_json = ? WHERE id = ?", arguments: [before, after, event["id"] as Int64])
                scrubbed += 1
            }
        }
        let result = ErasureResult(participant: participant.text, placements: placements.count, namesErased: names, followUpsErased: followUps,
                                   auditSnapshotsScrubbed: scrubbed)
        try audit("erase", entity: "participant", id: participant.text, before: String?.none, after: result)
        return result
    }

    /// Replaces the personal free-text fields of a JSON snapshot, wherever they are nested.
    static func scrub(_ json: String) -> String {
        guard let data = json.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) else { return json }
        func walk(_ value: Any) -> Any {
            if let dictionary = value as? [String: Any] {
                var copy: [String: Any] = [:]
                for (key, item) in dictionary {
                    copy[key] = PersonalDataPolicy.freeTextFields.contains(key) && !(item is NSNull) ? PersonalDataPolicy.erased : walk(item)
                }
                return copy
            }
            if let array = value as? [Any] { return array.map(walk) }
            return value
        }
        guard let output = try? JSONSerialization.data(withJSONObject: walk(object), options: [.sortedKeys, .withoutEscapingSlashes]) else { return json }
        return String(decoding: output, as: UTF8.self)
    }
}
