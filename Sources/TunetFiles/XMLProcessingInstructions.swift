import Foundation

/// FoundationXML on Linux passes a processing instruction without data (`<?target?>`) to `strlen` as a
/// null pointer and the process dies (found by fuzzing). Such a file is refused before it is parsed.
enum XMLProcessingInstructions {
    /// Whether `data` holds `<?name?>` or `<?name   ?>`: a processing instruction with a target and nothing after it.
    static func containsEmpty(_ data: Data) -> Bool {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            let count = bytes.count
            var index = 0
            while index + 1 < count {
                guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "?") else {
                    index += 1
                    continue
                }
                var cursor = index + 2
                while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "?") { cursor += 1 }
                while cursor < count, isSpace(bytes[cursor]) { cursor += 1 }
                if cursor + 1 < count, bytes[cursor] == UInt8(ascii: "?"), bytes[cursor + 1] == UInt8(ascii: ">") { return true }
                index += 2
            }
            return false
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}
