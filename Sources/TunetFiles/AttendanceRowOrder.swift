import Foundation
import TunetDomain

/// The order in which to read a CSV attendance file farm by farm: each farm's rows together, the farms
/// in the order the file first names them, each farm's participants together and their days in date
/// order; rows the same in all three keep the file's order. A year exported from another system comes
/// sorted by date, by participant or not at all; read in this order, it is imported as the farms'
/// own files are, one farm at a time, without holding every row (`PipelinedImport`). Each row keeps
/// its row number, so every message still names the row of the file.
public struct AttendanceRowOrder: Sendable {
    /// Where each record starts in the reader's decoded content, by the record's place in the file (the
    /// header's first): four bytes a row, so that a national year's order is a few megabytes.
    private let starts: [UInt32]
    /// The records' places in the order to read them, the header's first.
    private let order: [UInt32]

    /// Where to read each record, in order; a record's row number is its place in the file, counted from 1.
    var positions: LazyMapSequence<[UInt32], RecordPosition> {
        order.lazy.map { [starts] place in RecordPosition(offset: Int(starts[Int(place)]), row: Int(place) + 1) }
    }

    /// The file's rows farm by farm; nil for a workbook, a file without an organisation number column
    /// (one farm's, whose rows are all that farm's), or one of 4 GB or more.
    public static func farmByFarm(in data: Data, fileName: String) throws -> AttendanceRowOrder? {
        guard AttendanceFile.isText(data), data.count < Int(UInt32.max) else { return nil }
        var columns: AttendanceFile.Positions?
        var starts: [UInt32] = []
        var keys = Keys()
        try CSVReader(data: data, name: fileName).forEachRecordWithPosition { record, position in
            starts.append(UInt32(position.offset))
            guard let columns else {
                columns = AttendanceFile.Positions(try ColumnMap(header: record, names: AttendanceFile.columnNames,
                                                                 required: [.participant, .date, .status], fieldName: \.rawValue))
                return
            }
            keys.add(farm: columns.organisationNumber.map { record[$0] } ?? "", participant: record[columns.participant],
                     date: record[columns.date])
        }
        guard !starts.isEmpty, columns?.organisationNumber != nil else { return nil }
        return AttendanceRowOrder(starts: starts, order: keys.farmByFarm())
    }

    /// Each record's farm, numbered as the file first names them, and its participant (numbered the
    /// same way) and day, in one number that sorts as the two do.
    private struct Keys {
        private var farmNumbers: [String: Int32] = [:]
        private var participantNumbers: [String: Int32] = [:]
        private var farms: [Int32] = []
        private var participantDays: [Int64] = []

        mutating func add(farm: String, participant: String, date: String) {
            farms.append(Self.number(farm.trimmingWhitespace(), in: &farmNumbers))
            // A date that does not read sorts first; the row is refused by the import's own checks.
            let day: Int32
            switch LocalDate.parse(date) {
            case .success(let date): day = Int32(clamping: date.dayNumber)
            case .failure: day = .min
            }
            let participant = Self.number(participant.trimmingWhitespace(), in: &participantNumbers)
            participantDays.append(Int64(participant) << 32 | Int64(UInt32(bitPattern: day &- .min)))
        }

        private static func number(_ key: String, in numbers: inout [String: Int32]) -> Int32 {
            if let known = numbers[key] { return known }
            let next = Int32(numbers.count)
            numbers[key] = next
            return next
        }

        /// The records' places farm by farm, the header's first: counted into each farm's place (keeping
        /// the file's order), then each farm's rows sorted by participant and day where they are not in
        /// that order already.
        func farmByFarm() -> [UInt32] {
            var firstOfFarm = [Int](repeating: 1, count: farmNumbers.count + 1)
            for farm in farms { firstOfFarm[Int(farm) + 1] += 1 }
            for farm in 0..<farmNumbers.count { firstOfFarm[farm + 1] += firstOfFarm[farm] - 1 }
            var next = firstOfFarm
            var order = [UInt32](repeating: 0, count: farms.count + 1)
            for (row, farm) in farms.enumerated() {
                order[next[Int(farm)]] = UInt32(row + 1)
                next[Int(farm)] += 1
            }
            let inOrder = { (left: UInt32, right: UInt32) -> Bool in
                (participantDays[Int(left) - 1], left) < (participantDays[Int(right) - 1], right)
            }
            for farm in 0..<farmNumbers.count {
                let rows = firstOfFarm[farm]..<firstOfFarm[farm + 1]
                if !zip(order[rows], order[rows].dropFirst()).allSatisfy({ inOrder($0, $1) }) {
                    order[rows].sort(by: inOrder)
                }
            }
            return order
        }
    }
}
