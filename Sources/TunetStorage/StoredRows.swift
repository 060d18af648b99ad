/// Rows of one table as a store holds them, every value as its text (numbers in decimal, NULL as nil):
/// what `tunet copy` carries from a municipality's SQLite file into a shared PostgreSQL database,
/// a batch at a time, so that a large file never sits in memory whole.
public struct StoredRows: Sendable {
    public let table: String
    public let columns: [String]
    public var rows: [[String?]]

    public init(table: String, columns: [String], rows: [[String?]]) {
        self.table = table
        self.columns = columns
        self.rows = rows
    }
}

/// What a copy carried: each table's rows, in the order they were copied.
public struct CopySummary: Sendable, Encodable, Equatable {
    public struct Table: Sendable, Encodable, Equatable {
        public let table: String
        public var rows: Int
    }

    public var source: String
    public var target: String
    public var tables: [Table]

    public init(source: String, target: String, tables: [Table] = []) {
        self.source = source
        self.target = target
        self.tables = tables
    }

    public mutating func count(_ rows: Int, in table: String) {
        if let index = tables.firstIndex(where: { $0.table == table }) {
            tables[index].rows += rows
        } else {
            tables.append(Table(table: table, rows: rows))
        }
    }
}

/// The tables Tunet keeps, each after the tables its rows refer to.
public enum CopiedTables {
    public static let inOrder = [
        "provider", "procurement", "agreement", "agreement_party", "agreement_option", "price_version", "kpi_index", "pilot",
        "placement", "participant_name", "follow_up", "school_holiday", "attendance_submission", "attendance", "team",
        "team_municipality", "team_member", "work_task", "pilot_measure", "participant_journey", "checked_invoice", "access_token", "audit_event",
    ]

    /// The tables Tunet keeps but never copies: a browser's session belongs to the service it signed in
    /// to, and signs in again at the new one.
    public static let leftBehind: Set<String> = ["web_session"]
}
