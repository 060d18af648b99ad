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
                             fields: FieldNames = .identifiers, database: String? = nil, force: Bool = false, now: Date = Date()) throws {
        try OutputPath.check(path, database: database, force: force)
        let texts = Texts(language, fields: fields)
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        var byRow: [Int: [String]] = [:]
        for problem in problems {
            let column = AttendanceTemplateDesk.columnName(problem.field, texts)
            byRow[problem.row ?? 1, default: []].append(texts("problem.field", ["field": .text(column), "reason": .message(problem.reason)]))
        }
        let name = texts("attendance.errors.name", ["file": .text(url.lastPathComponent)])
        let workbook = try XLSXWorkbook(path: path, footer: WorkbookFooter.make(name: name, texts: texts, now: now))
        let sheet = try workbook.addSheet(texts("attendance.errors.sheet"))
        let flagged = XLSXStyle(background: 0xF8CBAD, wrap: true)
        var width = 0
        var written = 0
        try AttendanceFile.records(in: data, fileName: url.lastPathComponent) { record in
            width = max(width, record.fields.count)
            if record.row == 1 {
                // Widths before the texts: the headers and the reasons wrap, each row made tall enough for them.
                try sheet.setColumns(0, max(width - 1, 0), width: 14)
                try sheet.setColumns(width, width, width: 80)
                try sheet.writeHeader(row: written, record.fields + [texts("attendance.errors.column")])
            } else {
                try sheet.write(row: written, record.fields.map { .text($0) })
                if let messages = byRow[record.row] {
                    let column = max(width, record.fields.count)
                    try sheet.setColumns(column, column, width: 80)
                    try sheet.writeParagraph(written, columns: column...column, messages.joined(separator: "; "), style: flagged)
                }
            }
            written += 1
        }
        try sheet.setColumns(0, max(width - 1, 0), width: 14)
        try sheet.setColumns(width, width, width: 80)
        sheet.freezePanes(row: 1, column: 0)
        try workbook.close()
    }
}
