import PostgresNIO
import TunetDomain
import TunetStorage

/// A journey is a small document read and written whole, beside the columns lists and erasure look up.
extension PostgresReader {
    public func journey(_ id: Int64) throws -> ParticipantJourney? {
        try value("SELECT document::text FROM participant_journey WHERE id = \(id)", as: String.self).map(Self.decodeJourney)
    }

    public func journeys(in scope: MunicipalityScope) throws -> [ParticipantJourney] {
        let numbers = scope.numbers
        return try rows("""
            SELECT document::text FROM participant_journey
            WHERE (\(numbers)::text[] IS NULL OR municipality_number = ANY(\(numbers)))
            ORDER BY id
            """).map { try Self.decodeJourney(try $0.cells(0)) }
    }

    static func decodeJourney(_ document: String) throws -> ParticipantJourney {
        try PostgresDocument.decode(document, as: ParticipantJourney.self, kind: "entity.journey")
    }
}

extension PostgresTransaction {
    public func insertJourney(_ make: (Int64) -> ParticipantJourney) throws -> ParticipantJourney {
        let draft = make(0)
        guard let id = try value("""
            INSERT INTO participant_journey (participant_code, municipality_number, document)
            VALUES (\(draft.participant.text), \(draft.municipalityNumber), '{}'::jsonb) RETURNING id
            """, as: Int64.self) else { throw TunetError.internalFault("PostgreSQL gave the journey no number") }
        let journey = make(id)
        try rows("UPDATE participant_journey SET document = \(try PostgresDocument.encode(journey))::jsonb WHERE id = \(journey.id)")
        try audit("create", entity: "journey", id: String(journey.id), before: ParticipantJourney?.none, after: journey)
        return journey
    }

    public func update(_ journey: ParticipantJourney, action: String) throws {
        guard let before = try self.journey(journey.id) else { throw TunetError.notFound(kind: "journey", key: String(journey.id)) }
        guard before != journey else { return }
        try rows("UPDATE participant_journey SET document = \(try PostgresDocument.encode(journey))::jsonb WHERE id = \(journey.id)")
        try audit(action, entity: "journey", id: String(journey.id), before: before, after: journey)
    }
}
