import Foundation
import TunetDomain

/// The moment of an audit event, a token or a submission, as every store keeps it.
public enum AuditClock {
    /// ISO 8601 in UTC to the millisecond (truncated), as `ISO8601DateFormatter` writes it with
    /// fractional seconds; worked out by hand because making that formatter was a twentieth of the
    /// time an upload held the writer (BENCHMARKS.md).
    public static func timestamp(_ date: Date) -> String {
        // To the microsecond first: 59.999 s is 59998.99999… ms in binary floating point.
        let microseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let milliseconds = microseconds >= 0 ? microseconds / 1000 : (microseconds - 999) / 1000
        let perDay: Int64 = 86_400_000
        let days = milliseconds >= 0 ? milliseconds / perDay : (milliseconds - perDay + 1) / perDay
        let ofDay = Int(milliseconds - days * perDay)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return LocalDate(dayNumber: Int(days)).iso + "T" + padded(ofDay / 3_600_000, 2) + ":" + padded(ofDay / 60_000 % 60, 2) + ":"
            + padded(ofDay / 1000 % 60, 2) + "." + padded(ofDay % 1000, 3) + "Z"
    }
}
