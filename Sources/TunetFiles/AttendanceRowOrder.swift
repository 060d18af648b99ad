import Foundation
import TunetDomain

/// The order in which to read a CSV attendance file farm by farm: each farm's rows together, the farms
/// in the order the file first reports a day of them, each farm's participants together and their days
/// in date order; rows the same in all three keep the file's order, and rows left unreported come last.
/// A year exported from another system comes sorted by date, by participant or not at all; read in this
/// order, it is imported as the farms' own files are, one farm at a time (`PipelinedImport`). The records
/// are sorted into farms in a temporary file as the file is read once (`FarmSpill`) and read back a farm
/// at a time, so that what is held is one farm's records, however long the file. Each row keeps its row
/// number, so every message still names the row of the file.
public struct AttendanceRowOrder: Sendable {
    /// The file's records sorted into farms, each farm's by participant and day.
    private let spill: FarmSpill

    /// The most farms put in order; a file naming more (most of them misspelt, surely) is read in its
    /// own order. The records waiting to be written cost up to `FarmSpill.pieceBytes` a farm.
    static let maximumFarms = 4_096

    /// The file is read in its own order: one farm's, or one that cannot be put in order.
    private struct OwnOrder: Error {}

    /// The file's rows farm by farm; nil for a workbook, a file without an organisation number column
    /// (one farm's, whose rows are all that farm's), one naming more than `maximumFarms` farms or more
    /// rows than a row number of four bytes counts, or when no temporary file can be written.
    public static func farmByFarm(in data: Data, fileName: String) throws -> AttendanceRowOrder? {
        guard AttendanceFile.isText(data), var spill = FarmSpill.Writer() else { return nil }
        var columns: AttendanceFile.Positions?
        var keys = Keys()
        do {
            try CSVReader(data: data, name: fileName).forEachRecordWithBytes { record, bytes in
                guard let columns else {
                    columns = AttendanceFile.Positions(try ColumnMap(header: record, names: AttendanceFile.columnNames,
                                                                     required: [.participant, .date, .status], fieldName: \.rawValue))
                    return
                }
                guard columns.organisationNumber != nil else { throw OwnOrder() }
                if record.isBlank { return }
                guard let row = UInt32(exactly: record.row) else { throw OwnOrder() }
                let (farm, key) = keys.place(columns.row(record))
                guard farm ?? 0 < maximumFarms else { throw OwnOrder() }
                try spill.add(bytes, row: row, key: key, farm: farm)
            }
        } catch is OwnOrder, is SpillFile.Failed {
            return nil
        }
        guard columns?.organisationNumber != nil, let spilled = try? spill.finish() else { return nil }
        return AttendanceRowOrder(spill: spilled)
    }

    /// Calls `body` with the header of the file `reader` reads, then with its records in this order.
    func forEachRecord(_ reader: CSVReader, _ body: (TableRow) throws -> Void) throws {
        guard let header = try reader.firstRecord() else { return }
        try body(header)
        try spill.forEachRecord(reader, body)
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

        /// The row's farm (nil for a row left unreported, which the import only counts) and its key.
        mutating func place(_ row: AttendanceRow) -> (farm: Int?, key: Int64) {
            if row.isLeftUnreported { return (nil, 0) }
            let text = row.organisationNumber ?? ""
            let farm: Int32
            if let known = farmTexts[text] {
                farm = known
            } else {
                let key: String
                if case .success(let number) = OrganisationNumber.parse(text) { key = number.digits } else { key = text.trimmingWhitespace() }
                farm = Self.number(key, in: &farmNumbers)
                farmTexts[text] = farm
            }
            // A date that does not read sorts first; the row is refused by the import's own checks.
            let day: Int32
            switch LocalDate.parse(row.date) {
            case .success(let date): day = Int32(clamping: date.dayNumber)
            case .failure: day = .min
            }
            let participant = Self.number(row.participant, in: &participantNumbers)
            return (Int(farm), Int64(participant) << 32 | Int64(UInt32(bitPattern: day &- .min)))
        }

        private static func number(_ key: String, in numbers: inout [String: Int32]) -> Int32 {
            if let known = numbers[key] { return known }
            let next = Int32(truncatingIfNeeded: numbers.count)
            numbers[key] = next
            return next
        }
    }
}
