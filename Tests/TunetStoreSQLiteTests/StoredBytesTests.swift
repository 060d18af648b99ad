import Testing
import TunetDomain
@testable import TunetStoreSQLite

/// A stored attendance day's date and status, read back from SQLite's bytes.
@Suite("Stored bytes")
struct StoredBytesTests {
    @Test("a stored status is read from the bytes of its name, and nothing else is taken for one")
    func readsStoredStatus() {
        func read(_ text: String) -> AttendanceStatus? {
            Array(text.utf8).withUnsafeBufferPointer { AttendanceStatus(storedBytes: $0) }
        }
        for status in AttendanceStatus.allCases { #expect(read(status.rawValue) == status) }
        for text in ["M", "Present", "absent_with_notice ", "absent", ""] { #expect(read(text) == nil, "\(text)") }
    }

    @Test("A stored day is read from its bytes: ISO only, and only days of the calendar")
    func readsStoredBytes() {
        func read(_ text: String) -> LocalDate? {
            Array(text.utf8).withUnsafeBufferPointer { LocalDate(isoBytes: $0) }
        }
        #expect(read("2026-03-14") == LocalDate(year: 2026, month: 3, day: 14))
        #expect(read("2024-02-29") == LocalDate(year: 2024, month: 2, day: 29))
        for text in ["2026-02-29", "14.03.2026", "2026-3-14", "2026-03-14 ", "2026/03/14", "", "+026-03-14"] {
            #expect(read(text) == nil, "\(text)")
        }
    }
}
