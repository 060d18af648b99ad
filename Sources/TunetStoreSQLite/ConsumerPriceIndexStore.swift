import GRDB
import TunetDomain
import TunetStorage

extension SQLiteReader {
    public func consumerPriceIndex(_ month: YearMonth) throws -> IndexValue? {
        try Int64.fetchOne(db, sql: "SELECT tenths FROM kpi_index WHERE month = ?", arguments: [month.ssb]).map(IndexValue.init)
    }

    public func allConsumerPriceIndexes() throws -> [(YearMonth, IndexValue)] {
        try Row.fetchAll(db, sql: "SELECT month, tenths FROM kpi_index ORDER BY month").compactMap { row in
            guard case .success(let month) = YearMonth.parse(row["month"]) else { return nil }
            return (month, IndexValue(tenths: row["tenths"]))
        }
    }
}

extension SQLiteTransaction {
    /// Stores an index value; returns false when the same value was already stored (nothing is audited then).
    @discardableResult
    public func setConsumerPriceIndex(_ month: YearMonth, _ value: IndexValue, note: RecordedText? = nil) throws -> Bool {
        let before = try consumerPriceIndex(month)
        guard before != value else { return false }
        try db.execute(sql: "INSERT INTO kpi_index (month, tenths) VALUES (?, ?) ON CONFLICT(month) DO UPDATE SET tenths = excluded.tenths",
                       arguments: [month.ssb, value.tenths])
        try audit(before == nil ? "create" : "update", entity: "kpi", id: month.ssb, before: before, after: value, note: note)
        return true
    }
}
