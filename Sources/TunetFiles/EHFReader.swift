import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TunetDomain

/// Reads an EHF invoice or credit note (Peppol BIS Billing 3.0, UBL 2.1) with a streaming parser that
/// never resolves an entity: a document type declaration is refused before parsing starts. Every
/// value read is checked; all problems are named together, by the element's path and the line.
public enum EHFReader {
    /// Far above an invoice of a few hundred lines with a PDF copy attached.
    public static let maximumBytes = 10 * 1024 * 1024
    public static let maximumLines = 5_000
    static let maximumTextLength = 1_000
    /// The largest quantity and base quantity read on a line: a month of days or trips is far below it.
    static let largestQuantity = DecimalNumber(1_000_000)

    public static func read(file path: String) throws(TunetError) -> Data {
        let url = URL(fileURLWithPath: path)
        let size: Int
        do {
            size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw .unreadableFile(path: path, reason: Message("files.ehf.cannot_open", ["reason": .text(error.localizedDescription)]))
        }
        guard size <= maximumBytes else { throw tooLarge(path, bytes: size) }
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
            guard data.count <= maximumBytes else { throw tooLarge(path, bytes: data.count) }
            return data
        } catch let error as TunetError {
            throw error
        } catch {
            throw .unreadableFile(path: path, reason: Message("files.ehf.cannot_open", ["reason": .text(error.localizedDescription)]))
        }
    }

    static func tooLarge(_ name: String, bytes: Int) -> TunetError {
        .unreadableFile(path: name, reason: Message("files.ehf.too_large", ["megabytes": .integer(maximumBytes / 1_048_576)]))
    }

    /// The invoice in `data`; `name` names the file in messages.
    public static func parse(_ data: Data, name: String) throws(TunetError) -> EHFInvoice {
        guard data.count <= maximumBytes else { throw tooLarge(name, bytes: data.count) }
        guard !data.isEmpty else { throw .unreadableFile(path: name, reason: Message("files.ehf.empty")) }
        // A NUL byte is valid UTF-8 but never in UTF-8 XML text: it is how UTF-16 (which libxml2 would read) slips past.
        guard XLSXReader.isValidUTF8(data), !data.contains(0) else { throw .unreadableFile(path: name, reason: Message("files.ehf.not_utf8")) }
        guard startsLikeXML(data) else { throw .unreadableFile(path: name, reason: Message("files.ehf.not_xml")) }
        guard !XMLProcessingInstructions.containsEmpty(data) else {
            throw .unreadableFile(path: name, reason: Message("files.xml.empty_processing_instruction"))
        }
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw .unreadableFile(path: name, reason: Message("files.ehf.declaration"))
        }
        if let encoding = declaredEncoding(data), encoding.uppercased() != "UTF-8" {
            throw .unreadableFile(path: name, reason: Message("files.ehf.encoding", ["encoding": .text(encoding)]))
        }
        let elements = EHFElements(maximumLines: maximumLines, maximumTextLength: maximumTextLength)
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = elements
        let parsed = parser.parse()
        if let stop = elements.stop { throw .unreadableFile(path: name, reason: message(stop)) }
        guard parsed else {
            throw .unreadableFile(path: name, reason: parser.parserError.map { Message("files.ehf.xml_damaged", ["detail": .text($0.localizedDescription)]) }
                                  ?? Message("files.ehf.xml_damaged_plain"))
        }
        guard elements.rootName != nil else { throw .unreadableFile(path: name, reason: Message("files.ehf.not_ubl_plain")) }
        var reading = EHFFields(elements)
        return try reading.invoice()
    }

    /// Whether the file begins as XML does: `<`, after a UTF-8 byte order mark and white space at most.
    static func startsLikeXML(_ data: Data) -> Bool {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "<")
    }

    /// The `encoding` of the XML declaration, if the file has one.
    static func declaredEncoding(_ data: Data) -> String? {
        let head = String(decoding: data.prefix(200), as: UTF8.self)
        guard head.hasPrefix("<?xml") || head.hasPrefix("\u{FEFF}<?xml"), let end = head.range(of: "?>"),
              let attribute = head[..<end.lowerBound].range(of: "encoding=") else { return nil }
        let rest = head[attribute.upperBound..<end.lowerBound]
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return rest.dropFirst().prefix { $0 != quote }.description
    }

    static func message(_ stop: EHFElements.Stop) -> Message {
        switch stop {
        case .notUBL(let root, let namespace):
            return Message("files.ehf.not_ubl", ["root": .text(root), "namespace": .text(namespace ?? "–")])
        case .declaration: return Message("files.ehf.declaration")
        case .textTooLong(let path): return Message("files.ehf.text_too_long", ["path": .text(path), "maximum": .integer(maximumTextLength)])
        case .tooManyLines: return Message("files.ehf.too_many_lines", ["maximum": .integer(maximumLines)])
        case .tooManyGroups(let path): return Message("files.ehf.too_many_groups", ["path": .text(path), "maximum": .integer(EHFElements.maximumGroups)])
        }
    }
}
