import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TunetDomain

/// Reads the cells of an xlsx workbook as text rows, whatever wrote it (Tunet's template after Excel
/// or LibreOffice saved it, or a plain sheet). Sheets are found through workbook.xml and its
/// relationships; cells are placed by their `r="C5"` reference (empty cells are absent from the XML);
/// shared strings are resolved; numbers in date-formatted cells become `YYYY-MM-DD`.
public struct XLSXReader {
    public let sheetNames: [String]
    private let archive: ZipArchive
    private let name: String
    private let sheetPaths: [String: String]
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>

    /// Limits that keep a hostile file (a zip bomb, an enormous sheet) from exhausting memory.
    public static let maximumEntryBytes = 200 * 1024 * 1024
    public static let maximumCompressionRatio = 200
    public static let maximumSheets = 255

    public init(data: Data, name: String = "the file") throws(TunetError) {
        self.name = name
        do {
            archive = try ZipArchive(data)
        } catch {
            throw .unreadableFile(path: name, reason: Message("files.xlsx.not_zip"))
        }
        let workbook = try Self.parse(try Self.entry("xl/workbook.xml", in: archive, name: name), WorkbookHandler(), name: name)
        let relationships = try Self.parse(try Self.entry("xl/_rels/workbook.xml.rels", in: archive, name: name), RelationshipHandler(), name: name)
        guard !workbook.sheets.isEmpty, workbook.sheets.count <= Self.maximumSheets else {
            throw .unreadableFile(path: name, reason: workbook.sheets.isEmpty ? Message("files.xlsx.no_sheets") : Message("files.xlsx.too_many_sheets", ["maximum": .integer(Self.maximumSheets)]))
        }
        var paths: [String: String] = [:]
        for sheet in workbook.sheets {
            guard let target = relationships.targets[sheet.relationship] else { continue }
            paths[sheet.name] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        sheetNames = workbook.sheets.map(\.name).filter { paths[$0] != nil }
        sheetPaths = paths
        if archive["xl/sharedStrings.xml"] != nil {
            sharedStrings = try Self.parse(try Self.entry("xl/sharedStrings.xml", in: archive, name: name), SharedStringsHandler(), name: name).strings
        } else {
            sharedStrings = []
        }
        if archive["xl/styles.xml"] != nil {
            dateStyles = try Self.parse(try Self.entry("xl/styles.xml", in: archive, name: name), StylesHandler(), name: name).dateStyleIndexes
        } else {
            dateStyles = []
        }
    }

    /// The rows of a sheet (the first when `sheet` is nil), numbered as the spreadsheet numbers them.
    public func records(sheet: String? = nil) throws(TunetError) -> [TableRow] {
        guard let sheetName = sheet ?? sheetNames.first, let path = sheetPaths[sheetName] else {
            throw .unreadableFile(path: name, reason: Message("files.xlsx.no_such_sheet", ["sheet": .text(sheet ?? "")]))
        }
        let handler = SheetHandler(sharedStrings: sharedStrings, dateStyles: dateStyles)
        let parsed = try Self.parse(try Self.entry(path, in: archive, name: name), handler, name: name)
        if let problem = parsed.problem { throw .unreadableFile(path: name, reason: problem) }
        // Sparse cells far to the right would otherwise become millions of empty fields.
        let spanned = parsed.rows.values.reduce(0) { $0 + ($1.keys.max() ?? -1) + 1 }
        guard spanned <= SheetHandler.maximumCells else {
            throw .unreadableFile(path: name, reason: Message("files.xlsx.span_too_wide", ["maximum": .integer(SheetHandler.maximumCells)]))
        }
        if let row = parsed.rows.filter({ ($0.value.keys.max() ?? -1) >= TableRow.maximumColumns }).keys.min() {
            throw TableRow.tooManyColumns(row: row)
        }
        return parsed.rows.keys.sorted().map { row in
            let cells = parsed.rows[row]!
            let width = (cells.keys.max() ?? -1) + 1
            return TableRow(row: row, fields: (0..<width).map { cells[$0] ?? "" })
        }
    }

    static func entry(_ path: String, in archive: ZipArchive, name: String) throws(TunetError) -> Data {
        guard let entry = archive[path] else {
            throw .unreadableFile(path: name, reason: Message("files.xlsx.part_missing", ["part": .text(path)]))
        }
        let bomb = TunetError.unreadableFile(path: name, reason: Message("files.xlsx.zip_bomb", ["part": .text(path), "megabytes": .integer(entry.uncompressedSize / 1_048_576)]))
        if entry.uncompressedSize > maximumEntryBytes
            || (entry.uncompressedSize / max(entry.compressedSize, 1) > maximumCompressionRatio && entry.uncompressedSize > 10_000_000) {
            throw bomb
        }
        do {
            return try archive.contents(of: entry, cap: maximumEntryBytes)
        } catch {
            switch error {
            case .tooLarge: throw bomb
            case .damaged(let reason): throw .unreadableFile(path: name, reason: Message("files.xlsx.cannot_unpack", ["part": .text(path), "reason": .message(reason)]))
            }
        }
    }

    static func parse<Handler: NSObject & XMLParserDelegate>(_ data: Data, _ handler: Handler, name: String) throws(TunetError) -> Handler {
        // FoundationXML aborts the process on a name that is not UTF-8 (found by fuzzing); xlsx parts are UTF-8.
        guard isValidUTF8(data) else {
            throw .unreadableFile(path: name, reason: Message("files.xlsx.xml_not_utf8"))
        }
        guard !XMLProcessingInstructions.containsEmpty(data) else {
            throw .unreadableFile(path: name, reason: Message("files.xml.empty_processing_instruction"))
        }
        // XMLParser(data:) fails on large sheets on Linux; a stream does not. External entities are never resolved.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        guard parser.parse() else {
            if let reason = (handler as? any StoppingHandler)?.problem { throw .unreadableFile(path: name, reason: reason) }
            throw .unreadableFile(path: name, reason: parser.parserError.map { Message("files.xlsx.xml_damaged", ["detail": .text($0.localizedDescription)]) } ?? Message("files.xlsx.xml_damaged_plain"))
        }
        return handler
    }

    static func isValidUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: return true
                case .error: return false
                }
            }
        }
    }

    /// Excel's serial day number (1900 date system) to a calendar day.
    public static func date(fromSerial serial: Double) -> LocalDate? {
        guard serial >= 61, serial < 2_958_466 else { return nil }
        return LocalDate(year: 1899, month: 12, day: 30)!.adding(days: Int(serial.rounded(.down)))
    }
}

/// A handler that stops the parser itself when the content breaks a limit, saying why.
protocol StoppingHandler: AnyObject {
    var problem: Message? { get }
}

// Each handler conforms itself: on Linux a subclass's methods would not be the protocol's witnesses.
final class WorkbookHandler: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relationship: String)] = []

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard element == "sheet" || element.hasSuffix(":sheet"), let name = attributes["name"] else { return }
        let relationship = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
        sheets.append((name, relationship))
    }
}

final class RelationshipHandler: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
}

final class SharedStringsHandler: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch element {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "t": inText = false
        case "rPh": inPhonetic = false
        case "si": strings.append(current)
        default: break
        }
    }
}

final class StylesHandler: NSObject, XMLParserDelegate {
    private var customFormats: [Int: String] = [:]
    private var formatOfStyle: [Int] = []
    private var inCellFormats = false

    var dateStyleIndexes: Set<Int> {
        Set(formatOfStyle.enumerated().compactMap { index, format in Self.isDateFormat(format, custom: customFormats[format]) ? index : nil })
    }

    static func isDateFormat(_ id: Int, custom: String?) -> Bool {
        if (14...22).contains(id) || (45...47).contains(id) { return true }
        guard let code = custom?.lowercased() else { return false }
        // Remove quoted text and bracketed colours/locales before looking for date parts.
        var plain = ""
        var quoted = false, bracketed = false
        for character in code {
            if character == "\"" { quoted.toggle(); continue }
            if character == "[" { bracketed = true; continue }
            if character == "]" { bracketed = false; continue }
            if !quoted && !bracketed { plain.append(character) }
        }
        return plain.contains("d") || plain.contains("y") || (plain.contains("m") && !plain.contains("0"))
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch element {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats: formatOfStyle.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "cellXfs" { inCellFormats = false }
    }
}

final class SheetHandler: NSObject, XMLParserDelegate, StoppingHandler {
    let sharedStrings: [String]
    let dateStyles: Set<Int>
    var rows: [Int: [Int: String]] = [:]
    var problem: Message?
    private var row = 0
    private var column = 0
    private var type = "n"
    private var style = 0
    private var text = ""
    private var collecting = false
    static let maximumCells = 20_000_000

    private var cellCount = 0

    init(sharedStrings: [String], dateStyles: Set<Int>) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch element {
        case "row":
            row = attributes["r"].flatMap(Int.init) ?? row + 1
            column = 0
            if !(1...Self.maximumRows).contains(row) { outOfRange(parser, Message("files.xlsx.place.row", ["row": .text(attributes["r"] ?? String(row))])) }
        case "c":
            if let reference = attributes["r"] {
                guard let place = Self.place(reference) else { return outOfRange(parser, Message("files.xlsx.place.cell", ["cell": .text(String(reference.prefix(20)))])) }
                (row, column) = place
            } else if column >= Self.maximumColumns {
                outOfRange(parser, Message("files.xlsx.place.right_of_xfd"))
            }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            text = ""
        case "v", "t":
            collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "v", "t": collecting = false
        case "c":
            cellCount += 1
            if cellCount > Self.maximumCells {
                problem = Message("files.xlsx.too_many_cells", ["maximum": .integer(Self.maximumCells)])
                parser.abortParsing()
                return
            }
            if !text.isEmpty { rows[row, default: [:]][column] = value() }
            column += 1
        default: break
        }
    }

    private func value() -> String {
        switch type {
        case "s": return Int(text).flatMap { $0 < sharedStrings.count ? sharedStrings[$0] : nil } ?? ""
        case "b": return text == "1" ? "TRUE" : "FALSE"
        case "n":
            guard let number = Double(text) else { return text }
            if dateStyles.contains(style), let date = XLSXReader.date(fromSerial: number) { return date.iso }
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        default: return text
        }
    }

    /// A spreadsheet's limits (XFD1048576): a reference beyond them is a damaged or hostile file.
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    private func outOfRange(_ parser: XMLParser, _ what: Message) {
        problem = Message("files.xlsx.out_of_range", ["place": .message(what), "rows": .integer(Self.maximumRows), "columns": .integer(Self.maximumColumns)])
        parser.abortParsing()
    }

    /// `C5` → (row 5, column 2); nil for anything but letters then digits within the sheet's limits.
    static func place(_ reference: String) -> (Int, Int)? {
        var column = 0
        var row = 0
        var sawDigit = false
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawDigit else { return nil }
                column = column * 26 + Int((byte & 0xDF) - 64)
                if column > maximumColumns { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                row = row * 10 + Int(byte - 48)
                if row > maximumRows { return nil }
            case UInt8(ascii: "$"):
                continue
            default:
                return nil
            }
        }
        guard column > 0, row > 0 else { return nil }
        return (row, column - 1)
    }
}
