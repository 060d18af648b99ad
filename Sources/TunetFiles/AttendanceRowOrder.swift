import Foundation
import TunetDomain

/// The order in which to read a CSV attendance file farm by farm: each farm's rows together, the farms
/// in the order the file first reports a day of them, each farm's participants together and their days
/// in date order; rows the same in all three keep the file's order, and rows left unreported come last.
/// A year exported from another system comes sorted by date, by participant or not at all; read in this
/// order, it is imported as the farms' own files are, one farm at a time, without holding every row
/// (`PipelinedImport`). Each row keeps its row number, so every message still names the row of the file.
public struct AttendanceRowOrder: Sendable {
    /// Where each record to read starts in the reader's decoded content, and its row number; blank
    /// records, which are never read, have none.
    private let starts: [UInt32]
    private let rows: [UInt32]
    /// Places in `starts` in the order to read them, the header's first.
    private let order: [UInt32]

    /// The most records put in order (eight national years); a larger file is read in its own order.
    /// An order costs some 20 bytes a record while it is made, 12 once made.
    static let maximumRecords = 8_000_000

    /// Where to read each record, in order.
    var positions: LazyMapSequence<[UInt32], RecordPosition> {
        order.lazy.map { [starts, rows] place in RecordPosition(offset: Int(starts[Int(place)]), row: Int(rows[Int(place)])) }
    }

    /// The file is read in its own order: one farm's, or too large to put in order.
    private struct OwnOrder: Error {}

    /// The file's rows farm by farm; nil for a workbook, a file without an organisation number column
    /// (one farm's, whose rows are all that farm's), or one too large to put in order (`maximumRecords`,
    /// 4 GB of decoded text).
    public static func farmByFarm(in data: Data, fileName: String) throws -> AttendanceRowOrder? {
        guard AttendanceFile.isText(data) else { return nil }
        var columns: AttendanceFile.Positions?
        var starts: [UInt32] = []
        var rows: [UInt32] = []
        var keys = Keys()
        do {
            try CSVReader(data: data, name: fileName).forEachRecordWithPosition { record, position in
                guard let start = UInt32(exactly: position.offset), let row = UInt32(exactly: position.row),
                      starts.count < maximumRecords else { throw OwnOrder() }
                guard let columns else {
                    columns = AttendanceFile.Positions(try ColumnMap(header: record, names: AttendanceFile.columnNames,
                                                                     required: [.participant, .date, .status], fieldName: \.rawValue))
                    starts.append(start)
                    rows.append(row)
                    return
                }
                guard columns.organisationNumber != nil else { throw OwnOrder() }
                if record.isBlank { return }
                starts.append(start)
                rows.append(row)
                keys.add(columns.row(record))
            }
        } catch is OwnOrder {
            return nil
        }
        guard !starts.isEmpty, columns?.organisationNumber != nil else { return nil }
        return AttendanceRowOrder(starts: starts, rows: rows, order: keys.farmByFarm())
    }

    /// Each record's farm, numbered as the file first reports a day of it (by the organisation number
    /// it reads as, however it is written), and its participant (numbered the same way) and day, in
    /// one number that sorts as the two do.
    private struct Keys {
        /// Farms by the organisation number they read as; `farmTexts` remembers each way of writing one.
        private var farmNumbers: [String: Int32] = [:]
        private var farmTexts: [String: Int32] = [:]
        /// Participants as written: two ways of writing one only cost the sort within their farm.
        private var participantNumbers: [String: Int32] = [:]
        private var farms: [Int32] = []
        private var participantDays: [Int64] = []
        /// A row left unreported has no farm: the import only counts it.
        private static let unreported: Int32 = -1

        mutating func add(_ row: AttendanceRow) {
            if row.isLeftUnreported {
                farms.append(Self.unreported)
                participantDays.append(0)
                return
            }
            let text = row.organisationNumber ?? ""
            if let farm = farmTexts[text] {
                farms.append(farm)
            } else {
                let key: String
                if case .success(let number) = OrganisationNumber.parse(text) { key = number.digits } else { key = text.trimmingWhitespace() }
                let farm = Self.number(key, in: &farmNumbers)
                farmTexts[text] = farm
                farms.append(farm)
            }
            // A date that does not read sorts first; the row is refused by the import's own checks.
            let day: Int32
            switch LocalDate.parse(row.date) {
            case .success(let date): day = Int32(clamping: date.dayNumber)
            case .failure: day = .min
            }
            let participant = Self.number(row.participant, in: &participantNumbers)
            participantDays.append(Int64(participant) << 32 | Int64(UInt32(bitPattern: day &- .min)))
        }

        private static func number(_ key: String, in numbers: inout [String: Int32]) -> Int32 {
            if let known = numbers[key] { return known }
            let next = Int32(numbers.count)
            numbers[key] = next
            return next
        }

        /// The records' places farm by farm, the header's first and the rows left unreported last:
        /// counted into each farm's place (keeping the file's order), then each farm's rows sorted by
        /// participant and day where they are not in that order already.
        func farmByFarm() -> [UInt32] {
            let bucketCount = farmNumbers.count + 1
            let bucket = { (farm: Int32) in farm == Self.unreported ? bucketCount - 1 : Int(farm) }
            var firstOfBucket = [Int](repeating: 1, count: bucketCount + 1)
            for farm in farms { firstOfBucket[bucket(farm) + 1] += 1 }
            for index in 0..<bucketCount { firstOfBucket[index + 1] += firstOfBucket[index] - 1 }
            var next = firstOfBucket
            var order = [UInt32](repeating: 0, count: farms.count + 1)
            for (record, farm) in farms.enumerated() {
                order[next[bucket(farm)]] = UInt32(record + 1)
                next[bucket(farm)] += 1
            }
            let inOrder = { (left: UInt32, right: UInt32) -> Bool in
                (participantDays[Int(left) - 1], left) < (participantDays[Int(right) - 1], right)
            }
            for farm in 0..<farmNumbers.count {
                let rows = firstOfBucket[farm]..<firstOfBucket[farm + 1]
                if !zip(order[rows], order[rows].dropFirst()).allSatisfy({ inOrder($0, $1) }) {
                    order[rows].sort(by: inOrder)
                }
            }
            return order
        }
    }
}
