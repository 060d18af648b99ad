/// The one rule for text Tunet keeps. Text a person typed is checked and refused with a reason
/// (`FreeText.typed`); text a file, a header or a request carried in is cleaned (`carried`,
/// `fileName`), since nobody can type it again. Either way no control character reaches a terminal,
/// a report or an export (an ESC in a file name once recoloured the terminal of whoever listed the
/// submissions), and no text is longer than its field allows (a 33,000-character file name once broke
/// the audit export for good, past a spreadsheet cell's 32,767 characters).
public enum StoredText {
    /// The longest file name kept, as most file systems allow.
    public static let fileNameLength = 255

    /// Control characters (ESC, CR, LF, TAB, NUL, DEL and the C1 set) each become a space; the text is
    /// trimmed and cut to `maximumLength` characters.
    public static func carried(_ text: String, maximumLength: Int) -> String {
        String(printable(text).trimmingWhitespace().prefix(max(maximumLength, 0))).trimmingWhitespace()
    }

    /// A file's name as a client or a path gave it: cleaned as `carried`, and a longer one shortened in its
    /// stem so that the extension (`.csv`, `.xlsx`) survives. An empty name stays empty.
    public static func fileName(_ name: String) -> String {
        let clean = printable(name).trimmingWhitespace()
        guard clean.count > fileNameLength else { return clean }
        let dot = clean.lastIndex(of: ".")
        let suffix = dot.map { String(clean[$0...]) } ?? ""
        guard !suffix.isEmpty, suffix.count <= 16 else { return String(clean.prefix(fileNameLength)).trimmingWhitespace() }
        let stem = clean[..<dot!].prefix(fileNameLength - suffix.count)
        return stem.trimmingWhitespace() + suffix
    }

    /// Stored text as a person may see it on a terminal or in a table: each control character a space.
    /// For values stored before they were cleaned on the way in.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(isControl(scalar) ? " " : scalar) }
        return String(scalars)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.generalCategory == .control }
}

extension FreeText {
    /// Typed text to be kept: trimmed, and refused (naming `field`) when it holds a control character or
    /// is longer than `maximumLength` characters.
    public static func typed(_ text: String, field: String, maximumLength: Int) throws(TunetError) -> String {
        let clean = text.trimmingWhitespace()
        if let problem = check(clean, maximumLength: maximumLength) {
            throw .invalid(field, StoredText.printable(String(clean.prefix(200))), problem.message)
        }
        return clean
    }

    /// As `typed`, for text that may be left out: nil when it is empty after trimming.
    public static func typedIfGiven(_ text: String?, field: String, maximumLength: Int) throws(TunetError) -> String? {
        guard let text, !text.trimmingWhitespace().isEmpty else { return nil }
        return try typed(text, field: field, maximumLength: maximumLength)
    }
}
