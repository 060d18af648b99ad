import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's records sorted into farms in a temporary file, read back farm by farm: what the import
/// holds is then a buffer per farm while they are written, and one farm's records while they are
/// read, however long the file. The temporary file has no name from the moment it is made, so it
/// goes with the last reference to it, on every path, a crash included.
///
/// Each record is kept as the file has it, with its row number and the key its farm's records sort
/// by: row (4 bytes), length (4), key (8), the record's bytes ended by a line end. A farm's records
/// are written in pieces of up to `pieceBytes` as its buffer fills, in the file's order.
struct FarmSpill: Sendable {
    /// A piece of the temporary file: where it starts and how many bytes it has.
    struct Piece: Sendable {
        let offset: Int
        let count: Int
    }

    private let file: SpillFile
    /// Each farm's pieces, farms in the order they were first written to.
    private let farms: [[Piece]]
    /// Records read in the order written, after every farm's.
    private let rest: [Piece]

    static let headerBytes = 16
    static let pieceBytes = 4_096

    /// Calls `body` with each farm's records, farms in order and each farm's sorted by key (the file's
    /// order where keys are the same), then the rest in the order written; in `reader`'s decoding.
    func forEachRecord(_ reader: CSVReader, _ body: (TableRow) throws -> Void) throws {
        var buffer: [UInt8] = []
        var places: [(key: Int64, position: RecordPosition)] = []
        for pieces in farms {
            try read(pieces, into: &buffer)
            places.removeAll(keepingCapacity: true)
            buffer.withUnsafeBytes { Self.forEachPlace(in: $0) { places.append($0) } }
            if !zip(places, places.dropFirst()).allSatisfy({ $0.key <= $1.key }) {
                places.sort { ($0.key, $0.position.offset) < ($1.key, $1.position.offset) }
            }
            try buffer.withUnsafeBytes { try reader.forEachRecord(in: $0, at: places.lazy.map(\.position), body) }
        }
        for piece in rest {
            try read([piece], into: &buffer)
            var positions: [RecordPosition] = []
            buffer.withUnsafeBytes { Self.forEachPlace(in: $0) { positions.append($0.position) } }
            try buffer.withUnsafeBytes { try reader.forEachRecord(in: $0, at: positions, body) }
        }
    }

    private func read(_ pieces: [Piece], into buffer: inout [UInt8]) throws {
        let total = pieces.reduce(0) { $0 + $1.count }
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: repeatElement(0, count: total))
        try buffer.withUnsafeMutableBytes { bytes in
            var at = 0
            for piece in pieces {
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[at..<at + piece.count]), at: piece.offset)
                at += piece.count
            }
        }
    }

    /// Each record's key and where its bytes start, with its row number.
    private static func forEachPlace(in bytes: UnsafeRawBufferPointer, _ body: ((key: Int64, position: RecordPosition)) -> Void) {
        var at = 0
        while at + headerBytes <= bytes.count {
            let row = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
            let count = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self))
            let key = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 8, as: Int64.self))
            body((key, RecordPosition(offset: at + headerBytes, row: Int(row))))
            at += headerBytes + Int(count)
        }
    }

    /// Writes records farm by farm into a new temporary file.
    struct Writer {
        private let file: SpillFile
        /// Each farm's records not yet written, and the rest's last.
        private var buffers: [[UInt8]] = [[]]
        private var pieces: [[Piece]] = [[]]
        private var end = 0

        /// Nil when no temporary file can be made.
        init?() {
            guard let file = SpillFile() else { return nil }
            self.file = file
        }

        /// The farms written to so far.
        var farmCount: Int { buffers.count - 1 }

        /// Adds a record, as the file has its bytes, to farm `farm` (the farms numbered from 0 as first
        /// written to), or with nil to the records that come after every farm's.
        mutating func add(_ record: UnsafeRawBufferPointer, row: UInt32, key: Int64, farm: Int?) throws {
            let index = farm ?? buffers.count - 1
            while index >= buffers.count - 1 && farm != nil {
                buffers.insert([], at: buffers.count - 1)
                pieces.insert([], at: pieces.count - 1)
            }
            let endsLine = record.last == 0x0A || record.last == 0x0D
            let count = record.count + (endsLine ? 0 : 1)
            guard let length = UInt32(exactly: count) else { throw SpillFile.Failed() }
            if buffers[index].count + FarmSpill.headerBytes + count > FarmSpill.pieceBytes { try flush(index) }
            withUnsafeBytes(of: row.littleEndian) { buffers[index].append(contentsOf: $0) }
            withUnsafeBytes(of: length.littleEndian) { buffers[index].append(contentsOf: $0) }
            withUnsafeBytes(of: key.littleEndian) { buffers[index].append(contentsOf: $0) }
            buffers[index].append(contentsOf: record)
            // The last record of a file may have no line end; the reader needs one to know where it stops.
            if !endsLine { buffers[index].append(0x0A) }
        }

        private mutating func flush(_ index: Int) throws {
            guard !buffers[index].isEmpty else { return }
            try buffers[index].withUnsafeBytes { try file.write($0, at: end) }
            pieces[index].append(Piece(offset: end, count: buffers[index].count))
            end += buffers[index].count
            buffers[index].removeAll(keepingCapacity: true)
        }

        /// The records written, to be read back.
        mutating func finish() throws -> FarmSpill {
            for index in buffers.indices { try flush(index) }
            return FarmSpill(file: file, farms: Array(pieces.dropLast()), rest: pieces.last ?? [])
        }
    }
}

/// A temporary file without a name, closed (and so gone) when let go of.
final class SpillFile: Sendable {
    private let descriptor: Int32

    /// A read or write of the temporary file failed (the disk is full, say).
    struct Failed: Error {}

    init?() {
        var template = Array(FileManager.default.temporaryDirectory.appendingPathComponent("tunet-farms-XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        try whole(bytes.count) { done in pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done)) }
    }

    func read(into bytes: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        try whole(bytes.count) { done in pread(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done)) }
    }

    /// Repeats `step` (given how many bytes are done, it moves some more and says how many) until all
    /// `count` are moved; an interrupted call is made again, an error or the file's end fails.
    private func whole(_ count: Int, _ step: (Int) -> Int) throws {
        var done = 0
        while done < count {
            let moved = step(done)
            if moved < 0 && errno == EINTR { continue }
            guard moved > 0 else { throw Failed() }
            done += moved
        }
    }
}
