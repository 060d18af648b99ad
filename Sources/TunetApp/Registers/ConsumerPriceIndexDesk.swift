import Foundation
import TunetDomain
import TunetFiles
import TunetStorage

public struct IndexEntry: Sendable, Encodable {
    public let month: String
    public let index: IndexValue
    /// From `set`: false when the month already had this value (nothing was written). Not in `--json`.
    public var changed = true

    enum CodingKeys: String, CodingKey { case month, index }
}

public struct IndexImportView: Sendable, Encodable {
    public let file: String
    /// `long` (a month column) or `wide` (a column per month).
    public let layout: ConsumerPriceIndexTable.Layout
    /// Months of the all-item index read from the file.
    public let months: Int
    public let new: [String]
    public let changed: [String]
    public let unchanged: Int
    /// Rows (not cells) left out: other consumer groups, other statistic variables, missing figures.
    public let skipped: Int
    /// Which rows were left out and why, one entry per reason.
    public let leftOut: [ConsumerPriceIndexTable.LeftOutRows]
    /// The statistic variables beside the index (monthly change, 12-month change, ...), not read.
    public let otherVariables: [String]
    /// Months of the index the file has without a figure (`..` and the like).
    public let monthsWithoutValue: [String]
    public let dryRun: Bool

    enum CodingKeys: String, CodingKey {
        case file, layout, months, new, changed, unchanged, skipped
        case leftOut = "left_out"
        case otherVariables = "other_variables"
        case monthsWithoutValue = "months_without_value"
        case dryRun = "dry_run"
    }
}

/// Statistics Norway's consumer price index (KPI, table 03013, 2015 = 100), as used by the price
/// adjustment clauses of agreements.
public struct ConsumerPriceIndexDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public func set(_ month: String, _ value: String) throws -> IndexEntry {
        var problems = ProblemCollector()
        let parsedMonth = problems.take("month", month, YearMonth.parse(month))
        let parsedValue = problems.take("index", value, IndexValue.parse(value))
        try problems.check()
        guard let parsedMonth, let parsedValue else { throw TunetError.internalFault("unparsed KPI") }
        let changed = try context.write { tx in try tx.setConsumerPriceIndex(parsedMonth, parsedValue) }
        return IndexEntry(month: parsedMonth.ssb, index: parsedValue, changed: changed)
    }

    public func list() throws -> [IndexEntry] {
        try context.read { try $0.allConsumerPriceIndexes() }.map { IndexEntry(month: $0.0.ssb, index: $0.1) }
    }

    /// Reads table 03013 as downloaded from Statistics Norway's statistics bank (format: Contracts/kpi-03013.md).
    public func importFile(_ url: URL, dryRun: Bool = false) throws -> IndexImportView {
        let records = try CSVReader(contentsOf: url).allRecords()
        let table = try ConsumerPriceIndexTable.read(records.map { .init(number: $0.row, cells: $0.fields) }, source: url.path)
        let file = StoredText.fileName(url.lastPathComponent)
        let apply = { (reader: StoreReader, tx: StoreTransaction?) throws -> IndexImportView in
            var new: [String] = [], changed: [String] = []
            var unchanged = 0
            for entry in table.entries {
                let stored = try reader.consumerPriceIndex(entry.month)
                if stored == nil { new.append(entry.month.ssb) } else if stored != entry.index { changed.append(entry.month.ssb) } else { unchanged += 1 }
                try tx?.setConsumerPriceIndex(entry.month, entry.index, note: .written(Message("audit.note.imported_from", ["file": .text(file)])))
            }
            return IndexImportView(file: file, layout: table.layout, months: table.entries.count, new: new, changed: changed,
                                     unchanged: unchanged, skipped: table.rowsLeftOut, leftOut: table.leftOut,
                                     otherVariables: table.otherVariables, monthsWithoutValue: table.monthsWithoutValue.map(\.ssb),
                                     dryRun: dryRun)
        }
        if dryRun { return try context.read { try apply($0, nil) } }
        return try context.write { try apply($0, $0) }
    }
}
