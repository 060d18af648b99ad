import Foundation

/// A form as a browser posts it with `enctype="multipart/form-data"` (RFC 7578): each field's text, and
/// a file's name and bytes. Only what the month page's upload form sends is read; the bytes of a file are kept as they are.
struct MultipartForm {
    struct Part {
        let name: String
        /// Set for a file field (empty when the browser sent no file).
        let fileName: String?
        let data: Data
    }

    let parts: [Part]

    /// Nil when `contentType` is not multipart/form-data with a boundary, or the body does not follow it.
    init?(body: Data, contentType: String) {
        guard let boundary = Self.boundary(in: contentType) else { return nil }
        let delimiter = Data(("--" + boundary).utf8)
        let separator = Data(("\r\n--" + boundary).utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard var cursor = body.range(of: delimiter)?.upperBound else { return nil }
        var parts: [Part] = []
        while true {
            // After a delimiter: `--` closes the body, CRLF opens a part.
            let rest = body[cursor...]
            if rest.starts(with: Data("--".utf8)) { break }
            guard rest.starts(with: Data("\r\n".utf8)) else { return nil }
            let partStart = cursor + 2
            guard let headers = body.range(of: headerEnd, in: partStart..<body.endIndex),
                  let next = body.range(of: separator, in: headers.upperBound..<body.endIndex) else { return nil }
            let head = String(decoding: body[partStart..<headers.lowerBound], as: UTF8.self)
            if let (name, fileName) = Self.disposition(head) {
                parts.append(Part(name: name, fileName: fileName, data: Data(body[headers.upperBound..<next.lowerBound])))
            }
            cursor = next.upperBound
        }
        self.parts = parts
    }

    /// The text of the field `name`, if the form has it.
    func text(_ name: String) -> String? {
        parts.first { $0.name == name && $0.fileName == nil }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// The file sent in the field `name`, if one was chosen.
    func file(_ name: String) -> Part? {
        parts.first { $0.name == name && !($0.fileName ?? "").isEmpty }
    }

    static func boundary(in contentType: String) -> String? {
        let items = parameters(contentType)
        guard items.first?.key.lowercased() == "multipart/form-data" else { return nil }
        guard let boundary = items.first(where: { $0.key.lowercased() == "boundary" })?.value, !boundary.isEmpty, boundary.count <= 200 else {
            return nil
        }
        return boundary
    }

    /// The field's name and file name from a part's `Content-Disposition: form-data; name="…"; filename="…"`.
    static func disposition(_ head: String) -> (name: String, fileName: String?)? {
        for line in head.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            let items = parameters(String(line[line.index(after: colon)...]))
            guard items.first?.key.lowercased() == "form-data", let name = items.first(where: { $0.key.lowercased() == "name" })?.value else {
                return nil
            }
            // Some browsers send the whole path: the name is its last part.
            guard let path = items.first(where: { $0.key.lowercased() == "filename" })?.value else { return (name, nil) }
            let last = path.split(whereSeparator: { (character: Character) -> Bool in character == "/" || character == "\\" }).last
            return (name, last.map(String.init) ?? "")
        }
        return nil
    }

    /// `value; key=value; key="quoted; value"` as (key, value) pairs; the first is the value itself, with no key's value.
    /// Browsers write a quote in a name as %22 and never escape a backslash (a Windows path keeps its own).
    static func parameters(_ header: String) -> [(key: String, value: String)] {
        var items: [(key: String, value: String)] = []
        var current = ""
        var quoted = false
        var raw: [String] = []
        for character in header {
            if character == "\"" {
                quoted.toggle()
                current.append(character)
            } else if character == ";" && !quoted {
                raw.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        raw.append(current)
        for (index, item) in raw.enumerated() {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            if index == 0 {
                items.append((trimmed, ""))
                continue
            }
            guard let equals = trimmed.firstIndex(of: "=") else { continue }
            var value = String(trimmed[trimmed.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            if value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            items.append((String(trimmed[..<equals]).trimmingCharacters(in: .whitespaces), value))
        }
        return items
    }
}
