import Foundation
import GRDB
import TunetDomain
import TunetStorage
import TunetJSON

extension SQLiteReader {
    public func pilots() throws -> [Pilot] {
        try String.fetchAll(db, sql: "SELECT document FROM pilot ORDER BY id").map(Self.decodePilot)
    }

    public func pilot(_ id: Int64) throws -> Pilot? {
        try String.fetchOne(db, sql: "SELECT document FROM pilot WHERE id = ?", arguments: [id]).map(Self.decodePilot)
    }

    public func measures(pilot: Int64) throws -> [PilotMeasure] {
        try Row.fetchAll(db, sql: "SELECT * FROM pilot_measure WHERE pilot_id = ? ORDER BY municipality_number, from_date, name, setting, id", arguments: [pilot]).map { row in
            PilotMeasure(id: row["id"], pilotId: row["pilot_id"], municipalityNumber: row["municipality_number"],
                         from: try StoredValue.date(row["from_date"], column: "pilot_measure.from_date"),
                         to: try StoredValue.date(row["to_date"], column: "pilot_measure.to_date"), name: row["name"],
                         valueTenths: row["value_tenths"], unit: MeasureUnit(rawValue: row["unit"]) ?? .percent, n: row["n"], source: row["source"],
                         setting: MeasureSetting(rawValue: row["setting"]) ?? .farm)
        }
    }

    static func decodePilot(_ document: String) throws -> Pilot {
        do { return try JSONDocumentDecoder().decode(Pilot.self, from: document) } catch {
            throw TunetError.incompatibleDatabase(Message("files.store.unreadable_document", ["kind": .label("entity.pilot"), "detail": .text(String(describing: error))]))
        }
    }
}

extension SQLiteTransaction {
    public func insertPilot(_ make: (Int64) -> Pilot) throws -> Pilot {
        let draft = make(0)
        try db.execute(sql: "INSERT INTO pilot (name, document) VALUES (?, '{}')", arguments: [draft.name])
        let pilot = make(db.lastInsertedRowID)
        try db.execute(sql: "UPDATE pilot SET document = ? WHERE id = ?", arguments: [try AuditJSON.encode(pilot), pilot.id])
        try audit("create", entity: "pilot", id: String(pilot.id), before: Pilot?.none, after: pilot)
        return pilot
    }

    public func update(_ pilot: Pilot, action: String) throws {
        let before = try self.pilot(pilot.id)
        try db.execute(sql: "UPDATE pilot SET name = ?, document = ? WHERE id = ?", arguments: [pilot.name, try AuditJSON.encode(pilot), pilot.id])
        try audit(action, entity: "pilot", id: String(pilot.id), before: before, after: pilot)
    }

    public func insert(_ measure: PilotMeasure) throws -> PilotMeasure {
        try db.execute(sql: """
            INSERT INTO pilot_measure (pilot_id, municipality_number, from_date, to_date, name, value_tenths, unit, n, source, setting)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [measure.pilotId, measure.municipalityNumber, measure.from.iso, measure.to.iso, measure.name, measure.valueTenths,
                             measure.unit.rawValue, measure.n, measure.source, measure.setting.rawValue])
        var stored = measure
        stored.id = db.lastInsertedRowID
        try audit("create", entity: "pilot_measure", id: String(stored.id), before: PilotMeasure?.none, after: stored)
        return stored
    }
}
