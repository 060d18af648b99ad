import TunetDomain
import TunetJSON

/// The days a submission replaced, as its audit event keeps them (Contracts/cli-json.md): grouped by
/// placement, and each day one array in the order of `columns`, as compact sorted-key JSON like every
/// audit snapshot. A farm correcting its year replaces thousands of days; written one object per day
/// through an encoder, the snapshot was 250 KB and a sixth of an upload's work (BENCHMARKS.md).
enum ReplacedDaysSnapshot {
    static let columns = ["date", "status", "hours_tenths", "transport_trips", "extra_day"]

    static func json(_ replaced: [StoredAttendance]) -> String {
        let days = replaced.map(\.entry).sorted { ($0.placementId, $0.date) < ($1.placementId, $1.date) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 + days.count * 48)
        bytes.append(contentsOf: #"{"columns":["#.utf8)
        for (position, column) in columns.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.appendJSONString(column)
        }
        bytes.append(contentsOf: #"],"placements":["#.utf8)
        var start = 0
        while start < days.count {
            var end = start + 1
            while end < days.count && days[end].placementId == days[start].placementId { end += 1 }
            if start > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: #"{"days":["#.utf8)
            for (offset, day) in days[start..<end].enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(UInt8(ascii: "["))
                bytes.appendJSONString(day.date.iso)
                bytes.append(UInt8(ascii: ","))
                bytes.appendJSONString(day.status.rawValue)
                bytes.append(UInt8(ascii: ","))
                bytes.append(contentsOf: (day.hoursTenths.map(String.init) ?? "null").utf8)
                bytes.append(UInt8(ascii: ","))
                bytes.append(contentsOf: (day.transportTrips.map(String.init) ?? "null").utf8)
                bytes.append(contentsOf: (day.extraDay ? ",true]" : ",false]").utf8)
            }
            bytes.append(contentsOf: #"],"participant":"#.utf8)
            bytes.appendJSONString(days[start].participant.text)
            bytes.append(contentsOf: #","placement_id":"#.utf8)
            bytes.append(contentsOf: String(days[start].placementId).utf8)
            bytes.append(UInt8(ascii: "}"))
            start = end
        }
        bytes.append(contentsOf: "]}".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }
}
