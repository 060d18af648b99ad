import Testing
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite

@Suite("Attendance rows as the writer binds them")
struct AttendanceRowWriterTests {
    @Test("every status is bound under the name it is stored and read back by")
    func statusNames() {
        for status in AttendanceStatus.allCases {
            #expect(status.storedName.description == status.rawValue)
        }
    }

    @Test("a date is written as its ISO form, or not at all when it does not fit")
    func dates() {
        var bytes = [UInt8](repeating: 0, count: 12)
        for date in [LocalDate(year: 2025, month: 1, day: 6)!, LocalDate(year: 999, month: 12, day: 31)!] {
            bytes.withUnsafeMutableBufferPointer { buffer in
                #expect(date.writeISO(into: buffer, at: 2))
            }
            #expect(String(decoding: bytes[2..<12], as: UTF8.self) == date.iso)
        }
        bytes.withUnsafeMutableBufferPointer { buffer in
            #expect(!LocalDate(year: 2025, month: 1, day: 6)!.writeISO(into: buffer, at: 3), "ten bytes do not fit after the third")
        }
    }
}
