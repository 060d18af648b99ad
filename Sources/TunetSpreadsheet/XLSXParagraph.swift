import CXLSXWriter
import TunetDomain

/// A text longer than its cell, written so that it wraps within its columns and its row is tall enough for
/// every line: on screen and on paper it overlaps nothing, whichever program opens it. Neither Excel nor
/// LibreOffice fits a merged cell's row, and a reader with other fonts sets wider text, so the lines are
/// counted here, on the generous side.
public enum XLSXParagraph {
    /// How many characters of running text a line of a column `width` characters wide is counted to hold:
    /// a column's width is in digits of Calibri, whose running text is a little narrower than its digits, and
    /// a program without Calibri sets the text in a wider font (LibreOffice falls back on DejaVu Sans, about
    /// 12 % wider, though it widens its columns more than that). Bold counts a tenth wider again.
    public static func lineCapacity(width: Double, bold: Bool = false) -> Int { max(Int(width * (bold ? 0.765 : 0.85)), 1) }

    /// The lines `text` takes at `capacity` characters a line, wrapped at spaces as a spreadsheet wraps it
    /// (a word longer than a line is broken).
    public static func lines(_ text: String, capacity: Int) -> Int {
        var total = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var lines = 1, used = 0
            for word in paragraph.split(separator: " ") {
                var length = word.count
                let needed = used == 0 ? length : used + 1 + length
                if needed <= capacity {
                    used = needed
                    continue
                }
                if used > 0 { lines += 1 }
                while length > capacity {
                    length -= capacity
                    lines += 1
                }
                used = length
            }
            total += lines
        }
        return total
    }

    /// The width of a column that holds the longest word of a bold `text` on one line: a word runs to a space
    /// or a dash, where a spreadsheet may break a line. A bold word of n letters takes some n digits of the
    /// column in Excel and in LibreOffice; a tenth more and one for wide letters and the cell's padding.
    public static func widthHolding(longestWordOf text: String) -> Double {
        var longest = 0, length = 0
        for character in text {
            if character == " " {
                length = 0
                continue
            }
            length += 1
            longest = max(longest, length)
            if "-–—/".contains(character) { length = 0 }
        }
        return longest == 0 ? 0 : Double(longest) * 1.1 + 1
    }

    /// The height of a row of `lines` lines of 11-point text, in points: a line of the default row's 15 and
    /// a little room.
    public static func height(lines: Int) -> Double { Double(max(lines, 1)) * 15 + (lines > 1 ? 3 : 0) }
}

extension XLSXSheet {
    /// Writes `text` at `row` across `columns` (merged when more than one, where the workbook allows merging),
    /// wrapped, top-aligned, and sets the row's height for its lines. Set the columns' widths first: they
    /// decide the lines. In constant-memory mode, where cells cannot be merged, a text over several columns
    /// is left unwrapped in the first cell, to run on over the empty ones beside it.
    public func writeParagraph(_ row: Int, columns: ClosedRange<Int>, _ text: String, style: XLSXStyle = XLSXStyle()) throws(TunetError) {
        let width = columns.reduce(0) { $0 + shape.width(of: $1) } + Double(columns.count - 1) * 0.7
        let fitted = XLSXCell.fitted(text)
        let lines = XLSXParagraph.lines(fitted, capacity: XLSXParagraph.lineCapacity(width: width, bold: style.bold))
        // Before the cells: a streamed sheet flushes a row once a later one is written.
        try XLSXWorkbook.check(worksheet_set_row(pointer, lxw_row_t(row), XLSXParagraph.height(lines: lines), nil), path: workbook.path)
        var wrapped = style
        wrapped.top = true
        if columns.count == 1 {
            wrapped.wrap = true
            try write(row, columns.lowerBound, .text(fitted), style: wrapped)
        } else if workbook.constantMemory {
            try write(row, columns.lowerBound, .text(fitted), style: wrapped)
        } else {
            wrapped.wrap = true
            let format = workbook.format(wrapped)
            let result = fitted.withCString {
                worksheet_merge_range(pointer, lxw_row_t(row), lxw_col_t(columns.lowerBound), lxw_row_t(row), lxw_col_t(columns.upperBound), $0, format)
            }
            try XLSXWorkbook.check(result, path: workbook.path)
            shape.cover(row, columns.upperBound)
        }
    }
}

extension XLSXSheet {
    /// Writes a header row from `column` on: each header wrapped within its column, top-aligned, the row as
    /// tall as the longest, so that no header is cut by the next when printed. Set the columns' widths first;
    /// a column narrower than its header's longest word is widened to hold it, so no word is broken in two.
    public func writeHeader(row: Int, from column: Int = 0, _ headers: [String], style: XLSXStyle = .header) throws(TunetError) {
        var wrapped = style
        wrapped.wrap = true
        wrapped.top = true
        for (offset, header) in headers.enumerated() {
            let needed = XLSXParagraph.widthHolding(longestWordOf: header)
            if needed > shape.width(of: column + offset) { try setColumns(column + offset, column + offset, width: needed) }
        }
        let lines = headers.enumerated().map { offset, header in
            XLSXParagraph.lines(header, capacity: XLSXParagraph.lineCapacity(width: shape.width(of: column + offset), bold: style.bold))
        }
        try XLSXWorkbook.check(worksheet_set_row(pointer, lxw_row_t(row), XLSXParagraph.height(lines: lines.max() ?? 1), nil), path: workbook.path)
        for (offset, header) in headers.enumerated() { try write(row, column + offset, .text(header), style: wrapped) }
    }
}
