import Foundation
import TunetDomain
import TunetFiles
import TunetStore

public struct IndexEntry: Sendable, Encodable {
    public let month: String
    public let index: IndexValue
}

public struct IndexImportReport: Sendable, Encodable {
    public let file: String
    public let months: Int
    public let new: [String]
    public let changed: [String]
    public let unchanged: Int
    /// Rows without a published value (`..`) or for another consumer group, left out on purpose.
    public let skipped: Int
    public let dryRun: Bool

    enum CodingKeys: String, CodingKey {
        case file, months, new, changed, unchanged, skipped
        case dryRun = "dry_run"
    }
}

/// Statistics Norway's consumer price index (KPI, table 03013, 2015 = 100), as used by the price
/// adjustment clauses of agreements.
public struct ConsumerPriceIndexRegistry: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public func set(_ month: String, _ value: String) throws -> IndexEntry {
        var problems = ProblemCollector()
        let parsedMonth = problems.take("month", month, YearMonth.parse(month))
        let parsedValue = problems.take("index", value, IndexValue.parse(value))
        try problems.check()
        guard let parsedMonth, let parsedValue else { throw TunetError.internalFault("unparsed KPI") }
        try context.write { tx in _ = try tx.setConsumerPriceIndex(parsedMonth, parsedValue) }
        return IndexEntry(month: parsedMonth.ssb, index: parsedValue)
    }

    public func list() throws -> [IndexEntry] {
        try context.read { try $0.allConsumerPriceIndexes() }.map { IndexEntry(month: $0.0.ssb, index: $0.1) }
    }

    /// Reads table 03013 as downloaded from Statistics Norway's statistics bank (format: Contracts/kpi-03013.md).
    public func importFile(_ url: URL, dryRun: Bool = false) throws -> IndexImportReport {
        let parsed = try KPIFile.read(url)
        let file = url.lastPathComponent
        let apply = { (reader: StoreReader, tx: StoreTransaction?) throws -> IndexImportReport in
            var new: [String] = [], changed: [String] = []
            var unchanged = 0
            for (month, value) in parsed.values {
                let stored = try reader.consumerPriceIndex(month)
                if stored == nil { new.append(month.ssb) } else if stored != value { changed.append(month.ssb) } else { unchanged += 1 }
                try tx?.setConsumerPriceIndex(month, value, note: "import of \(file)")
            }
            return IndexImportReport(file: file, months: parsed.values.count, new: new, changed: changed, unchanged: unchanged,
                                     skipped: parsed.skipped, dryRun: dryRun)
        }
        if dryRun { return try context.read { try apply($0, nil) } }
        return try context.write { try apply($0, $0) }
    }
}

/// Table 03013 in either layout Statistics Norway offers: one row per month (long), or one column
/// per month (wide). Title lines before the header row are skipped; `..` marks a month not yet published.
enum KPIFile {
    struct Parsed {
        var values: [(YearMonth, IndexValue)] = []
        var skipped = 0
    }

    static func read(_ url: URL) throws -> Parsed {
        let records = try CSVReader(contentsOf: url).allRecords().filter { !$0.isBlank }
        let monthPattern = { (text: String) -> YearMonth? in
            // A header like "Konsumprisindeks (2015=100) 2024M01" or a cell "2024M01".
            let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\"" })
            for token in tokens.reversed() {
                if token.count == 7, token.dropFirst(4).first == "M", case .success(let month) = YearMonth.parse(String(token)) {
                    return month
                }
            }
            return nil
        }
        guard let headerIndex = records.firstIndex(where: { record in
            record.fields.contains { ["maned", "month"].contains(ColumnMap<String>.normalise($0)) }
                || record.fields.contains { monthPattern($0) != nil }
        }) else {
            throw TunetError.unreadableFile(path: url.path, reason: "no header row with a 'måned' (month) column or month columns like 2024M01 was found; is this table 03013?")
        }
        let header = records[headerIndex]
        let normalised = header.fields.map { ColumnMap<String>.normalise($0) }
        let groupColumn = normalised.firstIndex { $0.contains("konsumgruppe") || $0.contains("group") }
        var parsed = Parsed()
        var problems: [FieldProblem] = []
        var seen: [YearMonth: Int] = [:]

        func accept(_ month: YearMonth, _ text: String, row: Int, column: String) {
            let value = text.trimmingWhitespace()
            if value.isEmpty || value.allSatisfy({ $0 == "." }) {
                parsed.skipped += 1
                return
            }
            switch IndexValue.parse(value) {
            case .success(let index):
                if let earlier = seen[month] {
                    problems.append(FieldProblem(row: row, field: column, value: value, reason: "\(month.ssb) is also given on row \(earlier)"))
                } else {
                    seen[month] = row
                    parsed.values.append((month, index))
                }
            case .failure(let reason):
                problems.append(FieldProblem(row: row, field: column, value: value, reason: reason.text))
            }
        }
        func isTotal(_ record: CSVRecord) -> Bool {
            guard let groupColumn else { return true }
            let group = ColumnMap<String>.normalise(record[groupColumn])
            return group.contains("totalindeks") || group.contains("allitem") || group == "00" || group.hasPrefix("00")
        }

        let wideColumns = header.fields.enumerated().compactMap { index, text in monthPattern(text).map { (index, $0) } }
        if !wideColumns.isEmpty {
            for record in records[(headerIndex + 1)...] {
                guard isTotal(record) else { parsed.skipped += 1; continue }
                for (index, month) in wideColumns { accept(month, record[index], row: record.row, column: header.fields[index]) }
            }
        } else {
            guard let monthColumn = normalised.firstIndex(where: { $0 == "maned" || $0 == "month" }),
                  let valueColumn = normalised.indices.first(where: {
                      $0 != monthColumn && $0 != groupColumn && (normalised[$0].contains("indeks") || normalised[$0].contains("index"))
                  }) else {
                throw TunetError.unreadableFile(path: url.path, reason: "the header has a month column but no index column (like 'Konsumprisindeks (2015=100)')")
            }
            for record in records[(headerIndex + 1)...] {
                guard isTotal(record) else { parsed.skipped += 1; continue }
                switch YearMonth.parse(record[monthColumn]) {
                case .success(let month): accept(month, record[valueColumn], row: record.row, column: header.fields[valueColumn])
                case .failure(let reason):
                    problems.append(FieldProblem(row: record.row, field: header.fields[monthColumn], value: record[monthColumn], reason: reason.text))
                }
            }
        }
        if !problems.isEmpty { throw TunetError.invalidInput(problems) }
        if parsed.values.isEmpty {
            throw TunetError.unreadableFile(path: url.path, reason: "the file holds no published index values")
        }
        return parsed
    }
}
