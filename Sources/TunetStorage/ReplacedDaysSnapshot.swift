import TunetDomain
import TunetJSON

/// The days a submission replaced, as its audit event keeps them (Contracts/cli-json.md): grouped by
/// placement, and each day one array in the order of `columns`, as compact sorted-key JSON like every
/// audit snapshot. A farm correcting its year replaces thousands of days; written one object per day
/// through an encoder, the snapshot was 250 KB and a sixth of an upload's work (BENCHMARKS.md).
public enum ReplacedDaysSnapshot {
    public static let columns = ["date", "status", "hours_tenths", "transport_trips", "extra_day"]

    public static func json(_ replaced: [StoredAttendance]) -> String {
        // A plan's replaced days are in placement and date order already; sorting copied every day.
        let days = replaced.inDayOrder()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 + days.count * 48)
        bytes.append(literal: #"{"columns":["#)
        for (position, column) in columns.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.appendJSONString(column)
        }
        bytes.append(literal: #"],"placements":["#)
        var start = 0
        while start < days.count {
            let placement = days[start].entry.placementId
            var end = start + 1
            while end < days.count && days[end].entry.placementId == placement { end += 1 }
            if start > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(literal: #"{"days":["#)
            for index in start..<end {
                if index > start { bytes.append(UInt8(ascii: ",")) }
                // Dates and stored status names are plain ASCII with nothing to escape: written as they are.
                let day = days[index].entry
                bytes.append(literal: #"[""#)
                appendISO(day.date, to: &bytes)
                bytes.append(literal: #"",""#)
                bytes.append(literal: day.status.storedName)
                bytes.append(literal: #"","#)
                appendNumber(day.hoursTenths, to: &bytes)
                bytes.append(UInt8(ascii: ","))
                appendNumber(day.transportTrips, to: &bytes)
                bytes.append(literal: day.extraDay ? ",true]" : ",false]")
            }
            bytes.append(literal: #"],"participant":"#)
            bytes.appendJSONString(days[start].entry.participant.text)
            bytes.append(literal: #","placement_id":"#)
            bytes.append(contentsOf: String(placement).utf8)
            bytes.append(UInt8(ascii: "}"))
            start = end
        }
        bytes.append(literal: "]}")
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendISO(_ date: LocalDate, to bytes: inout [UInt8]) {
        let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: LocalDate.isoLength) { buffer in
            guard date.writeISO(into: buffer, at: 0) else { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if !written { bytes.append(contentsOf: date.iso.utf8) }
    }

    /// A number's digits written as they come, without a string for each (hours and trips are small).
    private static func appendNumber(_ value: Int?, to bytes: inout [UInt8]) {
        guard let value else { return bytes.append(literal: "null") }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        }
    }
}

extension [UInt8] {
    /// Appends a literal's bytes as one copy: appending a string's UTF-8 view goes through it byte by
    /// byte, and a correction's snapshot appends some ten literals for each of its thousands of days.
    mutating func append(literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }
}
