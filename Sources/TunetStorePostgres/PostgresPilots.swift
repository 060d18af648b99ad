import PostgresNIO
import TunetDomain
import TunetStorage

/// A pilot is kept whole as a document; its measures, which are added one by one and listed by
/// municipality and period, are rows of their own.
extension PostgresReader {
    public func pilots() throws -> [Pilot] {
        try rows("SELECT document::text FROM pilot ORDER BY id").map(Self.pilot)
    }

    public func pilot(_ id: Int64) throws -> Pilot? {
        try value("SELECT document::text FROM pilot WHERE id = \(id)", as: String.self).map(Self.decodePilot)
    }

    /// Ordered as SQLite orders them: names by their bytes, whatever the database's locale.
    public func measures(pilot: Int64) throws -> [PilotMeasure] {
        try rows("""
            SELECT id, pilot_id, municipality_number, from_date, to_date, name, value_tenths, unit, n, source, setting
            FROM pilot_measure WHERE pilot_id = \(pilot)
            ORDER BY municipality_number COLLATE "C", from_date, name COLLATE "C", setting COLLATE "C", id
            """).map { row in
            let cells = row.cells
            return PilotMeasure(id: try cells(0), pilotId: try cells(1), municipalityNumber: try cells(2), from: try cells(3), to: try cells(4),
                                name: try cells(5), valueTenths: Int64(try cells(6, as: Int32.self)),
                                unit: MeasureUnit(rawValue: try cells(7)) ?? .percent, n: Int(try cells(8, as: Int32.self)), source: try cells(9),
                                setting: MeasureSetting(rawValue: try cells(10)) ?? .farm)
        }
    }

    /// A pilot from a row whose first column is its document.
    static func pilot(_ row: PostgresRow) throws -> Pilot {
        try decodePilot(try row.cells(0))
    }

    static func decodePilot(_ document: String) throws -> Pilot {
        try PostgresDocument.decode(document, as: Pilot.self, kind: "entity.pilot")
    }
}

extension PostgresTransaction {
    /// Creates a pilot; `make` receives the id the database assigns (and is asked first for the name,
    /// which the row needs before the number exists).
    public func insertPilot(_ make: (Int64) -> Pilot) throws -> Pilot {
        let draft = make(0)
        guard let id = try value("INSERT INTO pilot (name, document) VALUES (\(draft.name), '{}'::jsonb) RETURNING id", as: Int64.self) else {
            throw TunetError.internalFault("PostgreSQL gave the pilot no number")
        }
        let pilot = make(id)
        let document = try PostgresDocument.encode(pilot)
        try rows("UPDATE pilot SET document = \(document)::jsonb WHERE id = \(pilot.id)")
        try audit("create", entity: "pilot", id: String(pilot.id), before: Pilot?.none, after: pilot)
        return pilot
    }

    public func update(_ pilot: Pilot, action: String) throws {
        let before = try self.pilot(pilot.id)
        let document = try PostgresDocument.encode(pilot)
        try rows("UPDATE pilot SET name = \(pilot.name), document = \(document)::jsonb WHERE id = \(pilot.id)")
        try audit(action, entity: "pilot", id: String(pilot.id), before: before, after: pilot)
    }

    public func insert(_ measure: PilotMeasure) throws -> PilotMeasure {
        guard let id = try value("""
            INSERT INTO pilot_measure (pilot_id, municipality_number, from_date, to_date, name, value_tenths, unit, n, source, setting)
            VALUES (\(measure.pilotId), \(measure.municipalityNumber), \(measure.from), \(measure.to), \(measure.name), \(measure.valueTenths),
                    \(measure.unit.rawValue), \(measure.n), \(measure.source), \(measure.setting.rawValue))
            RETURNING id
            """, as: Int64.self) else { throw TunetError.internalFault("PostgreSQL gave the measure no number") }
        var stored = measure
        stored.id = id
        try audit("create", entity: "pilot_measure", id: String(stored.id), before: PilotMeasure?.none, after: stored)
        return stored
    }
}
