/// Where Foundation's encoder puts line breaks and spaces. Pretty output has each member on a line
/// of its own, indented two spaces a level, ` : ` between a key and its value, and an empty line
/// inside an empty container; compact output has none of these. The tree writer and the stream both
/// lay containers out through this one type, so their output cannot drift apart.
struct JSONLayout {
    let pretty: Bool
    /// A line break and spaces for most depths, appended by one copy instead of a space at a time.
    private let indentation: [UInt8]

    init(pretty: Bool) {
        self.pretty = pretty
        indentation = pretty ? [UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: 64) : []
    }

    func appendNewline(to bytes: inout [UInt8], indent: Int) {
        guard pretty else { return }
        if indent < indentation.count {
            bytes.append(contentsOf: indentation[...indent])
        } else {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
        }
    }

    /// What goes before a member (or element) whose line is indented by `indent`: a comma unless it
    /// is the first, then its line.
    func appendMemberSeparator(to bytes: inout [UInt8], isFirst: Bool, indent: Int) {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        appendNewline(to: &bytes, indent: indent)
    }

    /// The length of what `appendMemberSeparator` writes before a member that is not the first.
    func laterMemberSeparatorLength(indent: Int) -> Int {
        pretty ? 2 + indent : 1
    }

    func appendKeySeparator(to bytes: inout [UInt8]) {
        if pretty {
            bytes.appendASCII(" : ")
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// Between the brackets of an empty container whose closing bracket is indented by `indent`.
    func appendEmptyContainerInside(to bytes: inout [UInt8], indent: Int) {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        appendNewline(to: &bytes, indent: indent)
    }

    /// Before the closing bracket of a container that has members.
    func appendClosingLine(to bytes: inout [UInt8], indent: Int) {
        appendNewline(to: &bytes, indent: indent)
    }
}
