import Foundation
import TunetDomain
import TunetFiles
import TunetSpreadsheet
import TunetText

/// The submitted sheet with an error column added, ready to fix and send again.
public enum AttendanceErrorReport {
    public static func write(file url: URL, problems: [FieldProblem], to path: String, language: Language = .nb) throws {
        let texts = Texts(language)
        try OutputPath.check(path)
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        var byRow: [Int: [String]] = [:]
        for problem in problems {
            // The row is the sheet's own row; the cell says which field and why.
            byRow[problem.row ?? 1, default: []].append(texts("problem.field", ["field": problem.fieldValue, "reason": .message(problem.reason)]))
        }
        let workbook = try XLSXWorkbook(path: path)
        let sheet = try workbook.addSheet("Feil")
        let flagged = XLSXStyle(background: 0xF8CBAD, wrap: true)
        var width = 0
        var written = 0
        try AttendanceFile.records(in: data, fileName: url.lastPathComponent) { record in
            width = max(width, record.fields.count)
            let style: XLSXStyle? = record.row == 1 ? .header : nil
            try sheet.write(row: written, record.fields.map { .text($0) }, style: style)
            if record.row == 1 {
                try sheet.write(written, max(width, record.fields.count), .text("Feil"), style: .header)
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
