import NIOCore
import TunetDomain
import TunetStorage

/// Days in COPY's text format, in chunks of about a megabyte: numbers, ISO dates and Tunet's own
/// status names, none of which needs escaping; `\N` is NULL.
struct AttendanceCopyText {
    private var chunks: [ByteBuffer] = []
    private var buffer = ByteBuffer()
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func append(_ ordered: [StoredAttendance], submission: Int64) {
        let submissionText = String(submission)
        for row in ordered {
            if buffer.capacity == 0 { buffer.reserveCapacity(1 << 20) }
            let entry = row.entry
            buffer.writeString(String(entry.placementId))
            buffer.writeInteger(UInt8(ascii: "\t"))
            buffer.writeString(entry.date.iso)
            buffer.writeInteger(UInt8(ascii: "\t"))
            buffer.writeStaticString(entry.status.storedName)
            buffer.writeInteger(UInt8(ascii: "\t"))
            buffer.writeString(entry.hoursTenths.map(String.init) ?? "\\N")
            buffer.writeInteger(UInt8(ascii: "\t"))
            buffer.writeString(entry.transportTrips.map(String.init) ?? "\\N")
            buffer.writeString(entry.extraDay ? "\tt\t" : "\tf\t")
            buffer.writeString(String(row.dayPrice.ore))
            buffer.writeInteger(UInt8(ascii: "\t"))
            buffer.writeString(String(row.transport.ore))
            buffer.writeInteger(UInt8(ascii: "\t"))
            buffer.writeString(String(row.plannedCost.ore))
            buffer.writeInteger(UInt8(ascii: "\t"))
            buffer.writeString(submissionText)
            buffer.writeInteger(UInt8(ascii: "\n"))
            if buffer.readableBytes >= 1 << 20 {
                chunks.append(buffer)
                buffer = ByteBuffer()
            }
        }
        count += ordered.count
    }

    /// Every chunk so far, leaving this empty.
    mutating func take() -> [ByteBuffer] {
        if buffer.readableBytes > 0 { chunks.append(buffer) }
        defer { self = AttendanceCopyText() }
        return chunks
    }
}
