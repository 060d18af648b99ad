import Foundation
import TunetDomain

/// The order in which to read a CSV attendance file farm by farm: each farm's rows together, the farms
/// in the order the file first names them, each farm's participants together and their days in date
/// order; rows the same in all three keep the file's order. A year exported from another system comes
/// sorted by date, by participant or not at all; read in this order, it is imported as the farms'
/// own files are, one farm at a time, without holding every row (`PipelinedImport`). Each row keeps
/// its row number, so every message still names the row of the file.
public struct AttendanceRowOrder: Sendable {
    /// The header's, then every other record's.
    public let positions: [RecordPosition]

    /// The file's rows farm by farm; nil for a workbook, or a file without an organisation number
    /// column (one farm's, whose rows are all that farm's).
    public static func farmByFarm(in data: Data, fileName: String) throws -> AttendanceRowOrder? {
        guard AttendanceFile.isText(data) else { return nil }
        var header: RecordPosition?
        var columns: AttendanceFile.Positions?
        var records: [RecordPosition] = []
        var keys = Keys()
        try CSVReader(data: data, name: fileName).forEachRecordWithPosition { record, position in
            guard let columns else {
                header = position
                columns = AttendanceFile.Positions(try ColumnMap(header: record, names: AttendanceFile.columnNames,
                                                                 required: [.participant, .date, .status], fieldName: \.rawValue))
                return
            }
            records.append(position)
            keys.add(farm: columns.organisationNumber.map { record[$0] } ?? "", participant: record[columns.participant],
                     date: record[columns.date])
        }
        guard let header, columns?.organisationNumber != nil else { return nil }
        return AttendanceRowOrder(positions: [header] + keys.farmByFarm().map { records[Int($0)] })
    }

    /// Each record's farm and participant, numbered as the file first names them, and its day.
    private struct Keys {
        private var farmNumbers: [String: Int32] = [:]
        private var participantNumbers: [String: Int32] = [:]
        private var farms: [Int32] = []
        private var participants: [Int32] = []
        private var days: [Int32] = []

        mutating func add(farm: String, participant: String, date: String) {
            farms.append(Self.number(farm.trimmingWhitespace(), in: &farmNumbers))
            participants.append(Self.number(participant.trimmingWhitespace(), in: &participantNumbers))
            // A date that does not read sorts first; the row is refused by the import's own checks.
            switch LocalDate.parse(date) {
            case .success(let day): days.append(Int32(clamping: day.dayNumber))
            case .failure: days.append(.min)
            }
        }

        private static func number(_ key: String, in numbers: inout [String: Int32]) -> Int32 {
            if let known = numbers[key] { return known }
            let next = Int32(numbers.count)
            numbers[key] = next
            return next
        }

        /// The records' indexes farm by farm: counted into each farm's place (keeping the file's order),
        /// then each farm's rows sorted by participant and day where they are not in that order already.
        func farmByFarm() -> [Int32] {
            var firstOfFarm = [Int](repeating: 0, count: farmNumbers.count + 1)
            for farm in farms { firstOfFarm[Int(farm) + 1] += 1 }
            for farm in 0..<farmNumbers.count { firstOfFarm[farm + 1] += firstOfFarm[farm] }
            var next = firstOfFarm
            var order = [Int32](repeating: 0, count: farms.count)
            for (record, farm) in farms.enumerated() {
                order[next[Int(farm)]] = Int32(record)
                next[Int(farm)] += 1
            }
            let inOrder = { (left: Int32, right: Int32) -> Bool in
                let (l, r) = (Int(left), Int(right))
                return (participants[l], days[l], left) < (participants[r], days[r], right)
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
