import Foundation
import TunetDomain

/// Reads a farm's attendance file (Contracts/attendance-file.md) as rows of text, CSV and xlsx through
/// the same columns, one row at a time; checking the rows against placements is `AttendanceValidator`'s.
public enum AttendanceFile {
    /// The sheet of the pre-filled template; a workbook without it is read from its first sheet.
    public static let sheetName = "Oppmøte"

    public enum Column: String, Sendable {
        case organisationNumber = "organisation_number", participant, date, status, hours, transportTrips = "transport_trips", extraDay = "extra_day"
        /// Shown in the template for people; not read.
        case weekday
    }

    public static let columnNames: [Column: [String]] = [
        .organisationNumber: ["organisation_number", "orgnr", "organisasjonsnummer", "tilbyder"],
        .participant: ["participant", "participant_code", "deltaker", "deltakerkode", "kode"],
        .date: ["date", "dato", "dag"],
        .status: ["status", "oppmøte", "fremmøte"],
        .hours: ["hours", "timer"],
        .transportTrips: ["transport_trips", "transport", "turer", "skyss"],
        .extraDay: ["extra_day", "ekstra", "ekstradag"],
        .weekday: ["weekday", "ukedag"],
    ]

    /// The file's records: an xlsx workbook's «Oppmøte» sheet (or its first sheet), or CSV.
    public static func records(in data: Data, fileName: String, _ body: (TableRow) throws -> Void) throws {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let workbook = try XLSXReader(data: data, name: fileName)
            let sheet = workbook.sheetNames.contains(sheetName) ? sheetName : workbook.sheetNames.first
            for record in try workbook.records(sheet: sheet) { try body(record) }
        } else {
            try CSVReader(data: data, name: fileName).forEachRecord(body)
        }
    }

    /// Where each column is, looked up once: a column lookup per field hashed its name, a million rows over.
    struct Positions {
        let organisationNumber: Int?, participant: Int, date: Int, status: Int, hours: Int?, transportTrips: Int?, extraDay: Int?

        init(_ map: ColumnMap<Column>) {
            organisationNumber = map.indexes[.organisationNumber]
            // Required columns: the map refuses a header without them.
            participant = map.indexes[.participant]!
            date = map.indexes[.date]!
            status = map.indexes[.status]!
            hours = map.indexes[.hours]
            transportTrips = map.indexes[.transportTrips]
            extraDay = map.indexes[.extraDay]
        }

        /// A record's fields as an attendance row.
        func row(_ record: TableRow) -> AttendanceRow {
            AttendanceRow(row: record.row, organisationNumber: organisationNumber.map { record[$0] },
                          participant: record[participant], date: record[date], status: record[status],
                          hours: hours.map { record[$0] }, transportTrips: transportTrips.map { record[$0] },
                          extraDay: extraDay.map { record[$0] })
        }
    }

    /// Whether the file is text (CSV), whose rows are its lines, rather than a workbook.
    public static func isText(_ data: Data) -> Bool { !data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    /// Calls `body` with each non-blank row below the header; refuses a file without a header, without
    /// rows, or with a value in a column that has no heading. With `order` (`AttendanceRowOrder`), a CSV
    /// file's rows come in that order, each with its own row number.
    public static func rows(in data: Data, fileName: String, order: AttendanceRowOrder? = nil,
                            _ body: (AttendanceRow) throws -> Void) throws {
        var header: TableRow?
        var columns: Positions?
        var count = 0
        let records: ((TableRow) throws -> Void) throws -> Void = { each in
            if let order {
                try order.forEachRecord(CSVReader(data: data, name: fileName), each)
            } else {
                try Self.records(in: data, fileName: fileName, each)
            }
        }
        try records { record in
            guard let columns, let header else {
                header = record
                columns = Positions(try ColumnMap(header: record, names: columnNames, required: [.participant, .date, .status], fieldName: \.rawValue))
                return
            }
            if record.isBlank { return }
            if let extra = record.fields.indices.dropFirst(header.fields.count).first(where: { !record.fields[$0].trimmingWhitespace().isEmpty }) {
                throw TunetError.invalidInput([FieldProblem(row: record.row, field: FieldProblem.column(extra + 1), value: record.fields[extra],
                                                            reason: Message("files.cell_without_heading"))])
            }
            count += 1
            try body(columns.row(record))
        }
        if columns == nil { throw TunetError.unreadableFile(path: fileName, reason: Message("files.empty")) }
        if count == 0 { throw TunetError.unreadableFile(path: fileName, reason: Message("files.attendance.no_rows")) }
    }
}
