import ArgumentParser
import Foundation
import TunetText

/// The manual page from the same help as `--help`, in the run's language. ArgumentParser's generate-manual
/// writes the page from `--experimental-dump-help`, but keeps only ASCII characters (no æ, ø or å) and
/// writes a few words of its own in English (section headings but NAME, the exit status, `subcommand`). So
/// `scripts/manual` gives generate-manual `tunet ---manual-dump` (the dump with every other character
/// written as a mark it keeps) and pipes the page through `tunet ---manual-chrome`, which writes the
/// characters back as roff escapes and those words from the catalogue, as HelpChrome does for `--help`.
/// Both are internal requests, like ArgumentParser's `---completion`: no command, so in no help, page or script.
enum ManualChrome {
    static let dumpRequest = "---manual-dump"
    static let chromeRequest = "---manual-chrome"

    /// `--experimental-dump-help`, with ArgumentParser's help and version sentences in the run's language
    /// and every character outside ASCII as `@@U+00F8@@`.
    static func dump(_ texts: Texts = Console.texts) {
        var json = ""
        do { _ = try Tunet.parseAsRoot(["--experimental-dump-help"]) } catch { json = Tunet.fullMessage(for: error) }
        json = json.replacingOccurrences(of: "\"Show help information.\"", with: "\"\(texts("help.chrome.help"))\"")
            .replacingOccurrences(of: "\"Show the version.\"", with: "\"\(texts("help.chrome.version"))\"")
            .replacingOccurrences(of: "\"Show subcommand help information.\"", with: "\"\(texts("help.manual.help_command"))\"")
        var marked = ""
        for scalar in json.unicodeScalars {
            if scalar.isASCII { marked.unicodeScalars.append(scalar) } else { marked += mark(scalar) }
        }
        Console.out(marked)
    }

    static func mark(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "@@U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)@@"
    }

    /// Reads the page generate-manual wrote on standard input and writes it rewritten on standard output.
    static func chrome() {
        let page = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        FileHandle.standardOutput.write(Data(translated(page).utf8))
    }

    static func translated(_ page: String, _ texts: Texts = Console.texts) -> String {
        // NAME stays: mdoc knows the page's name and one-line description by it (mandoc, apropos and whatis).
        let sections = [
            "SYNOPSIS": texts("help.manual.section.synopsis"),
            "DESCRIPTION": texts("help.manual.section.description"), "EXIT STATUS": texts("help.manual.section.exit_status"),
            "SEE ALSO": texts("help.manual.section.see_also"), "AUTHORS": texts("help.manual.section.authors"),
        ]
        let unmarked = page.replacing(/@@U\+([0-9A-F]{4,6})@@/) { match in
            UInt32(match.1, radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
        }
        var lines: [String] = []
        // A paragraph of the help: a blank line is no paragraph break in roff, `.Pp` is (and none before a macro).
        var paragraph = false
        for line in unmarked.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                paragraph = !lines.isEmpty
                continue
            }
            if paragraph && !line.hasPrefix(".") { lines.append(".Pp") }
            paragraph = false
            if line.hasPrefix(".Sh "), let title = sections[line.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))] {
                lines.append(".Sh " + (title.contains(" ") ? "\"\(title)\"" : title))
            } else if line == ".Ex -std" {
                lines.append(escaped(texts("help.manual.exit_status")))
            } else if line == ".Ar subcommand" {
                lines.append(".Ar " + texts("help.manual.subcommand"))
            } else if line == ".It Ar subcommands..." {
                lines.append(".It Ar " + texts("help.manual.subcommands") + "...")
            } else if line.hasPrefix(".") || line.hasPrefix(" ") || line.hasPrefix("\\&") {
                lines.append(line)
            } else {
                // Prose: one sentence a line, as roff wants (it then knows where a sentence ends).
                lines += line.replacing(/([.?!]) (?=\p{Lu})/) { "\($0.1)\n" }.split(separator: "\n").map(String.init)
            }
        }
        // generate-manual breaks a paragraph before a list of values it then leaves out: no break before an item.
        let kept = lines.indices.filter { index in
            !(lines[index] == ".Pp" && index + 1 < lines.count && [".It", ".El", ".Sh", ".Pp"].contains { lines[index + 1].hasPrefix($0) })
        }.map { lines[$0] }
        // The help's indented lines (examples, commands to type) as they are written, not filled into prose.
        var page: [String] = []
        for line in kept {
            let indented = line.hasPrefix(" ")
            let inBlock = page.last.map { $0 == ".Bd -literal" || $0.hasPrefix(" ") } ?? false
            if indented && !inBlock { page.append(".Bd -literal") }
            if !indented && inBlock { page.append(".Ed") }
            page.append(line)
        }
        if page.last?.hasPrefix(" ") == true { page.append(".Ed") }
        return page.map(roffCharacters).joined(separator: "\n") + "\n"
    }

    /// Every character outside ASCII as the escape both groff and mandoc read, whatever the page's encoding.
    static func roffCharacters(_ line: String) -> String {
        var written = ""
        for scalar in line.unicodeScalars {
            if scalar.isASCII {
                written.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                written += "\\[u\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)]"
            }
        }
        return written
    }

    /// A line of text as mdoc reads it: backslashes written `\e`, and no line a roff reader takes for a request.
    static func escaped(_ text: String) -> String {
        let text = text.replacingOccurrences(of: "\\", with: "\\e")
        return text.hasPrefix(".") || text.hasPrefix("'") ? "\\&" + text : text
    }
}
