import Foundation
import PostgresNIO
import TunetDomain
import TunetStorage

extension PostgresStore {
    /// Copies a municipality's rows into this database in one transaction, keeping every record's
    /// number so that its audit history reads as it did; `produce` hands over the rows, table by table
    /// (`SQLiteStore.copyOut`). Refused, with nothing written, when this database already holds one of
    /// its farms, agreements, participants or record numbers. The copy is itself audited.
    public func copyIn(from source: String, actor: AuditActor, _ produce: ((StoredRows) throws -> Void) throws -> Void) throws -> CopySummary {
        try writePostgres(actor: actor) { tx in
            let types = try tx.columnTypes()
            var summary = CopySummary(source: source, target: location)
            var position = 0
            try produce { batch in
                guard let order = CopiedTables.inOrder.firstIndex(of: batch.table), order >= position, let known = types[batch.table] else {
                    throw TunetError.incompatibleDatabase(Message("files.copy.unknown_table", ["table": .text(batch.table), "path": .text(source)]))
                }
                position = order
                try tx.refuseTaken(batch, source: source)
                try tx.insertCopied(batch, types: known, source: source)
                summary.count(batch.rows.count, in: batch.table)
            }
            try tx.continueNumbering(after: types)
            try tx.audit("copy", entity: "database", id: source, before: CopySummary?.none, after: summary)
            return summary
        }
    }
}

extension PostgresTransaction {
    /// Each table's columns and the type each is declared with (a domain's name for `moment`).
    func columnTypes() throws -> [String: [String: String]] {
        var types: [String: [String: String]] = [:]
        for row in try rows("""
            SELECT table_name::text, column_name::text, COALESCE(domain_name::text, data_type::text)
            FROM information_schema.columns WHERE table_schema = current_schema()
            """) {
            let cells = row.cells
            types[try cells(0, as: String.self), default: [:]][try cells(1, as: String.self)] = try cells(2, as: String.self)
        }
        return types
    }

    /// Refuses rows this database already has: the same farm, agreement or participant, or a record number in use.
    func refuseTaken(_ batch: StoredRows, source: String) throws {
        let keys: [String] = switch batch.table {
        case "provider": ["organisation_number", "id"]
        case "agreement": ["reference", "id"]
        case "placement": ["participant_code", "id"]
        case "participant_name": ["participant_code"]
        case "team": ["name", "id"]
        case "pilot": ["name", "id"]
        case "team_municipality": ["municipality_number"]
        case "access_token": ["token_hash", "id"]
        default: batch.columns.contains("id") ? ["id"] : []
        }
        for key in keys {
            guard let column = batch.columns.firstIndex(of: key) else { continue }
            let values = Array(Set(batch.rows.compactMap { $0[column] }))
            guard !values.isEmpty else { continue }
            let taken = try rows("""
                SELECT \(unescaped: key)::text FROM \(unescaped: batch.table) WHERE \(unescaped: key)::text = ANY(\(values)) ORDER BY 1 LIMIT 5
                """).map { try $0.cells(0, as: String.self) }
            if !taken.isEmpty {
                throw TunetError.conflict(Message("files.copy.taken", [
                    "table": .text(batch.table), "column": .text(key), "values": .text(taken.joined(separator: ", ")), "source": .text(source)]))
            }
        }
    }

    /// Inserts a batch, each value cast from its text to the column's type (SQLite keeps days as ISO
    /// text, truth as 0 and 1, and an agreement's municipalities comma-separated).
    func insertCopied(_ batch: StoredRows, types: [String: String], source: String) throws {
        // The team's single municipality gave way to team_municipality in SQLite too; nothing reads it.
        let superseded: Set = batch.table == "team" ? ["municipality_number"] : []
        let copied = batch.columns.enumerated().filter { !superseded.contains($0.element) }
        guard !batch.rows.isEmpty else { return }
        var casts: [String] = []
        for (_, column) in copied {
            guard let type = types[column] else {
                throw TunetError.incompatibleDatabase(Message("files.copy.unknown_column", ["table": .text(batch.table), "column": .text(column), "path": .text(source)]))
            }
            let cast = switch type {
            case "date": "%@::date"
            case "boolean": "(%@::integer <> 0)"
            case "jsonb": "%@::jsonb"
            case "ARRAY": "string_to_array(%@::text, ',')"
            case "bigint": "%@::bigint"
            case "integer": "%@::integer"
            default: "%@::text"
            }
            casts.append(cast)
        }
        let names = copied.map { "\"\($0.element)\"" }.joined(separator: ", ")
        // PostgreSQL takes at most 65,535 values in one statement.
        let perStatement = max(1, 30_000 / max(1, copied.count))
        var start = 0
        while start < batch.rows.count {
            let end = min(batch.rows.count, start + perStatement)
            var bindings = PostgresBindings(capacity: (end - start) * copied.count)
            var tuples: [String] = []
            tuples.reserveCapacity(end - start)
            for row in batch.rows[start..<end] {
                var values: [String] = []
                for (position, (index, _)) in copied.enumerated() {
                    if let value = row[index] { bindings.append(value) } else { bindings.appendNull() }
                    values.append(casts[position].replacingOccurrences(of: "%@", with: "$\(bindings.count)"))
                }
                tuples.append("(" + values.joined(separator: ", ") + ")")
            }
            try rows(PostgresQuery(unsafeSQL: "INSERT INTO \(batch.table) (\(names)) VALUES " + tuples.joined(separator: ", "), binds: bindings))
            start = end
        }
    }

    /// New records are numbered after the copied ones.
    func continueNumbering(after types: [String: [String: String]]) throws {
        for table in PostgresSchema.numberedTables + PostgresSchema.numberedLater where types[table]?["id"] != nil {
            try rows("""
                INSERT INTO tunet_number AS n (name, last) SELECT \(table), COALESCE(MAX(id), 0) FROM \(unescaped: table)
                ON CONFLICT (name) DO UPDATE SET last = GREATEST(n.last, excluded.last)
                """)
        }
    }
}
