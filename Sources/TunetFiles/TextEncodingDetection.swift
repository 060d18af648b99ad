import Foundation
import TunetDomain

/// The encodings Tunet reads. Norwegian Excel's "CSV (semikolondelt)" writes Windows-1252;
/// LibreOffice and most scripts write UTF-8, sometimes with a byte-order mark.
public enum TextFileEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case windows1252 = "Windows-1252"
    case utf16 = "UTF-16"
}

/// Recognises files that are not text at all, so that the user hears what the file really is
/// instead of a puzzling row error.
enum FileSignature {
    static func nonTextKind(_ bytes: UnsafeRawBufferPointer) -> Message? {
        func starts(with prefix: [UInt8]) -> Bool {
            bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
        }
        if starts(with: [0x50, 0x4B, 0x03, 0x04]) { return Message("files.kind.zip") }
        if starts(with: Array("%PDF".utf8)) { return Message("files.kind.pdf") }
        if starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return Message("files.kind.xls") }
        if starts(with: [0x89, 0x50, 0x4E, 0x47]) || starts(with: [0xFF, 0xD8, 0xFF]) { return Message("files.kind.image") }
        return nil
    }
}

enum Windows1252 {
    /// 0x80–0x9F differ from Latin-1; everything else maps to the code point of the same number.
    static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value: UInt32 = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}
