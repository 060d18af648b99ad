/// A parsed JSON document: its values in document order, each container followed by its members
/// (an object's keys and values in turn), read by `ValueDecoder`. Values are positions in one array
/// rather than a tree, so that neither reading nor freeing a document touches a reference count per
/// value; text stays in the document's bytes until a `String` is asked for.
final class ParsedDocument: Sendable {
    let bytes: [UInt8]
    let entries: [JSONEntry]
    /// Text with escapes or bytes beyond ASCII, decoded and checked when parsed.
    let strings: [String]

    init(bytes: [UInt8], entries: [JSONEntry], strings: [String]) {
        self.bytes = bytes
        self.entries = entries
        self.strings = strings
    }

    /// The value a missing super key decodes as, as in Foundation.
    static let null = ParsedDocument(bytes: [], entries: [JSONEntry(.null)], strings: [])

    /// The entry after the value at `index` and all its members.
    func next(after index: Int) -> Int {
        let entry = entries[index]
        return entry.kind == .array || entry.kind == .object ? entry.end : index + 1
    }

    func string(at index: Int) -> String? {
        let entry = entries[index]
        switch entry.kind {
        case .text: return text(entry)
        case .decodedText: return strings[entry.payload]
        default: return nil
        }
    }

    /// The text of a plain string or of a number, as written.
    func text(_ entry: JSONEntry) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[entry.payload..<entry.end]), as: UTF8.self) }
    }

    /// The value of the first member named `name`: Foundation reads the first of a key written twice.
    func member(named name: String, inObjectAt object: Int) -> Int? {
        if let found = name.utf8.withContiguousStorageIfAvailable({ member(named: $0, inObjectAt: object) }) { return found }
        return Array(name.utf8).withUnsafeBufferPointer { member(named: $0, inObjectAt: object) }
    }

    private func member(named name: UnsafeBufferPointer<UInt8>, inObjectAt object: Int) -> Int? {
        bytes.withUnsafeBufferPointer { bytes in
            entries.withUnsafeBufferPointer { entries in
                var key = entries[object].link
                while key != 0 {
                    let entry = entries[key]
                    if entry.kind == .text {
                        if entry.end - entry.payload == name.count, Self.same(name, at: entry.payload, in: bytes) {
                            return key + 1
                        }
                    } else if strings[entry.payload].utf8.elementsEqual(name) {
                        return key + 1
                    }
                    key = entry.link
                }
                return nil
            }
        }
    }

    /// A plain loop: `elementsEqual` costs several times as much for a key of a few bytes.
    private static func same(_ name: UnsafeBufferPointer<UInt8>, at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for offset in 0..<name.count where name[offset] != bytes[start + offset] { return false }
        return true
    }

    /// Each key once, in the order first written.
    func keys(ofObjectAt object: Int) -> [String] {
        var keys: [String] = []
        var key = object + 1
        for _ in 0..<entries[object].payload {
            if let name = string(at: key), !keys.contains(name) { keys.append(name) }
            key = next(after: key + 1)
        }
        return keys
    }

    /// How Foundation names a value's kind in a type mismatch.
    func kindDescription(at index: Int) -> String {
        switch entries[index].kind {
        case .null: "null"
        case .bool: "bool"
        case .integer, .unsigned, .number: "number"
        case .text, .decodedText: "string"
        case .array: "array"
        case .object: "dictionary"
        }
    }
}

struct JSONEntry {
    enum Kind: UInt8 {
        case null
        case bool
        /// A plain integer that fits `Int64`.
        case integer
        /// A plain integer beyond `Int64` that fits `UInt64`.
        case unsigned
        /// Any other number (a fraction, an exponent, beyond `UInt64`, or `-0`): read from its text
        /// by the type asked for.
        case number
        /// ASCII text without escapes, read from the document's bytes.
        case text
        case decodedText
        case array
        case object
    }

    let kind: Kind
    /// `.text` and `.number`: their first byte; `.decodedText`: its place in `strings`; `.integer`
    /// and `.unsigned`: the value's bits; `.bool`: 1 for true; containers: how many items or members.
    var payload: Int
    /// `.text` and `.number`: the byte after their text; containers: the entry after their last member.
    var end: Int
    /// An object: its first key; a key: the next key in its object. 0 for none (the document's
    /// first entry is never a key).
    var link: Int

    init(_ kind: Kind, _ payload: Int = 0, end: Int = 0) {
        self.kind = kind
        self.payload = payload
        self.end = end
        link = 0
    }
}
