import GRDB
import TunetDomain
import TunetStorage

extension SQLiteStore {
    /// Hands every table's rows to `body` in batches of at most `batchSize`, in `CopiedTables` order,
    /// from one consistent snapshot. A table Tunet does not know is refused: it would be left behind.
    public func copyOut(batchSize: Int = 2_000, _ body: (StoredRows) throws -> Void) throws {
        do {
            try pool.read { db in
                let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'"))
                if let unknown = tables.subtracting(CopiedTables.inOrder).subtracting(CopiedTables.leftBehind).sorted().first {
                    throw TunetError.incompatibleDatabase(Message("files.copy.unknown_table", ["table": .text(unknown), "path": .text(path)]))
                }
                for table in CopiedTables.inOrder where tables.contains(table) {
                    let info = try Row.fetchAll(db, sql: "SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                    let columns = info.map { $0["name"] as String }
                    // A deflated snapshot is read as the blob it is and handed over as its JSON.
                    let snapshots = table == "audit_event" ? Set(["before_json", "after_json"]) : []
                    let selection = columns.map { snapshots.contains($0) ? "\"\($0)\"" : "CAST(\"\($0)\" AS TEXT)" }.joined(separator: ", ")
                    // In the order of the primary key (some tables have no rowid), so that a row comes after those it refers to.
                    let key = info.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { "\"\($0["name"] as String)\"" }
                    let order = key.isEmpty ? columns.map { "\"\($0)\"" }.joined(separator: ", ") : key.joined(separator: ", ")
                    let cursor = try Row.fetchCursor(db, sql: "SELECT \(selection) FROM \"\(table)\" ORDER BY \(order)")
                    var batch = StoredRows(table: table, columns: columns, rows: [])
                    batch.rows.reserveCapacity(batchSize)
                    while let row = try cursor.next() {
                        batch.rows.append(try columns.indices.map { index in
                            snapshots.contains(columns[index]) ? try StoredSnapshot.json(row[index], column: columns[index]) : row[index] as String?
                        })
                        if batch.rows.count == batchSize {
                            try body(batch)
                            batch.rows.removeAll(keepingCapacity: true)
                        }
                    }
                    try body(batch)
                }
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }
}
