import Foundation
import GRDB
import TunetDomain
import TunetStorage
import TunetJSON

/// A journey is a small document read and written whole, beside the columns lists and erasure look up.
extension SQLiteReader {
    public func journey(_ id: Int64) throws -> ParticipantJourney? {
        try String.fetchOne(db, sql: "SELECT document FROM participant_journey WHERE id = ?", arguments: [id]).map(Self.decodeJourney)
    }

    public func journeys(in scope: MunicipalityScope) throws -> [ParticipantJourney] {
        guard let numbers = scope.numbers else {
            return try String.fetchAll(db, sql: "SELECT document FROM participant_journey ORDER BY id").map(Self.decodeJourney)
        }
        return try String.fetchAll(db, sql: "SELECT document FROM participant_journey WHERE municipality_number IN (\(Self.marks(numbers.count))) ORDER BY id",
                                   arguments: StatementArguments(Array(numbers))).map(Self.decodeJourney)
    }

    static func decodeJourney(_ document: String) throws -> ParticipantJourney {
        do { return try JSONDocumentDecoder().decode(ParticipantJourney.self, from: document) } catch {
            throw TunetError.incompatibleDatabase(Message("files.store.unreadable_document", ["kind": .label("entity.journey"), "detail": .text(String(describing: error))]))
        }
    }
}

extension SQLiteTransaction {
    public func insertJourney(_ make: (Int64) -> ParticipantJourney) throws -> ParticipantJourney {
        let draft = make(0)
        try db.execute(sql: "INSERT INTO participant_journey (participant_code, municipality_number, document) VALUES (?, ?, '{}')",
                       arguments: [draft.participant.text, draft.municipalityNumber])
        let journey = make(db.lastInsertedRowID)
        try db.execute(sql: "UPDATE participant_journey SET document = ? WHERE id = ?", arguments: [try AuditJSON.encode(journey), journey.id])
        try audit("create", entity: "journey", id: String(journey.id), before: ParticipantJourney?.none, after: journey)
        return journey
    }

    public func update(_ journey: ParticipantJourney, action: String) throws {
        guard let before = try self.journey(journey.id) else { throw TunetError.notFound(kind: "journey", key: String(journey.id)) }
        guard before != journey else { return }
        try db.execute(sql: "UPDATE participant_journey SET document = ? WHERE id = ?", arguments: [try AuditJSON.encode(journey), journey.id])
        try audit(action, entity: "journey", id: String(journey.id), before: before, after: journey)
    }
}
