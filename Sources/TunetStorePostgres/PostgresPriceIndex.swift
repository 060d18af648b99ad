import PostgresNIO
import TunetDomain
import TunetStorage

extension PostgresReader {
    public func consumerPriceIndex(_ month: YearMonth) throws -> IndexValue? {
        try value("SELECT tenths FROM kpi_index WHERE month = \(month.ssb)", as: Int64.self).map(IndexValue.init)
    }

    public func allConsumerPriceIndexes() throws -> [(YearMonth, IndexValue)] {
        try rows("SELECT month, tenths FROM kpi_index ORDER BY month").compactMap { row in
            let cells = row.cells
            guard case .success(let month) = YearMonth.parse(try cells(0, as: String.self)) else { return nil }
            return (month, IndexValue(tenths: try cells(1, as: Int64.self)))
        }
    }
}

extension PostgresTransaction {
    /// Stores an index value; returns false when the same value was already stored (nothing is audited then).
    @discardableResult
    public func setConsumerPriceIndex(_ month: YearMonth, _ value: IndexValue, note: RecordedText? = nil) throws -> Bool {
        let before = try consumerPriceIndex(month)
        guard before != value else { return false }
        try rows("""
            INSERT INTO kpi_index (month, tenths) VALUES (\(month.ssb), \(value.tenths))
            ON CONFLICT (month) DO UPDATE SET tenths = excluded.tenths
            """)
        try audit(before == nil ? "create" : "update", entity: "kpi", id: month.ssb, before: before, after: value, note: note)
        return true
    }
}
