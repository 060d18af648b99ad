import Foundation
import TunetDomain
import TunetFiles
import TunetSpreadsheet
import TunetText

/// The submitted sheet with an error column added, ready to fix and send again: each refused row's
/// reasons in the reader's language, with the column they are about.
public enum AttendanceErrorWorkbook {
    /// - Parameter fields: how the front end that asked names the fields a reason points at.
    public static func write(file url: URL, problems: [FieldProblem], to path: String, language: Language,
                             fields: FieldNames = .identifiers, database: String? = nil, force: Bool = false) throws {
        try OutputPath.check(path, database: database, force: force)
        let texts = Texts(language, fields: fields)
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        var byRow: [Int: [String]] = [:]
        for problem in problems {
            let column = AttendanceTemplateDesk.columnName(problem.field, texts)
            byRow[problem.row ?? 1, default: []].append(texts("problem.field", ["field": .text(column), "reason": .message(problem.reason)]))
        }
        let workbook = try XLSXWorkbook(path: path)
        let sheet = try workbook.addSheet(texts("attendance.errors.sheet"))
        let flagged = XLSXStyle(background: 0xF8CBAD, wrap: true)
        var width = 0
        var written = 0
        try AttendanceFile.records(in: data, fileName: url.lastPathComponent) { record in
            width = max(width, record.fields.count)
            let style: XLSXStyle? = record.row == 1 ? .header : nil
            try sheet.write(row: written, record.fields.map { .text($0) }, style: style)
            if record.row == 1 {
                try sheet.write(written, max(width, record.fields.count), .text(texts("attendance.errors.column")), style: .header)
            } else if let messages = byRow[record.row] {
                try sheet.write(written, max(width, record.fields.count), .text(messages.joined(separator: "; ")), style: flagged)
            }
            written += 1
        }
        try sheet.setColumns(0, max(width - 1, 0), width: 14)
        try sheet.setColumns(width, width, width: 80)
        sheet.freezePanes(row: 1, column: 0)
        try workbook.close()
    }
}
