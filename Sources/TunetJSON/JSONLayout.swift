/// Where Foundation's encoder puts line breaks and spaces. Pretty output has each member on a line
/// of its own, indented two spaces a level, ` : ` between a key and its value, and an empty line
/// inside an empty container; compact output has none of these. The tree writer and the stream both
/// lay containers out through this one type, so their output cannot drift apart.
struct JSONLayout {
    let pretty: Bool

    func appendNewline(to output: inout JSONOutput, indent: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(repeating: UInt8(ascii: " "), count: indent)
    }

    /// What goes before a member (or element) whose line is indented by `indent`: a comma unless it
    /// is the first, then its line.
    func appendMemberSeparator(to output: inout JSONOutput, isFirst: Bool, indent: Int) {
        if !isFirst { output.append(UInt8(ascii: ",")) }
        appendNewline(to: &output, indent: indent)
    }

    func appendKeySeparator(to output: inout JSONOutput) {
        output.append(pretty ? " : " : ":")
    }

    /// Between the brackets of an empty container whose closing bracket is indented by `indent`.
    func appendEmptyContainerInside(to output: inout JSONOutput, indent: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        appendNewline(to: &output, indent: indent)
    }

    /// Before the closing bracket of a container that has members.
    func appendClosingLine(to output: inout JSONOutput, indent: Int) {
        appendNewline(to: &output, indent: indent)
    }
}
