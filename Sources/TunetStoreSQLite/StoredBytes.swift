import TunetDomain

// How a stored attendance day's text columns are written, read back from SQLite's bytes without
// making a string: an upload reads back every stored day it may replace (BENCHMARKS.md).

extension AttendanceStatus {
    /// The status whose stored name (its raw value) these UTF-8 bytes are.
    init?(storedBytes bytes: UnsafeBufferPointer<UInt8>) {
        // The names differ in length or, at 21 bytes, in their first letter.
        let candidate: AttendanceStatus
        switch (bytes.count, bytes.first) {
        case (7, _): candidate = .present
        case (18, _): candidate = .absentWithNotice
        case (21, UInt8(ascii: "a")): candidate = .absentWithoutNotice
        case (21, _): candidate = .cancelledByProvider
        default: return nil
        }
        var name = candidate.rawValue
        guard name.withUTF8({ $0.elementsEqual(bytes) }) else { return nil }
        self = candidate
    }
}

extension LocalDate {
    /// A stored date, `2026-05-04` exactly.
    init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = String.asciiNumber(bytes, 0, 4), let month = String.asciiNumber(bytes, 5, 2),
              let day = String.asciiNumber(bytes, 8, 2)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
