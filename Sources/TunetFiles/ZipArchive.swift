import CZlib
import Foundation
import TunetDomain

/// The entries of a zip archive held in memory, read with every size and offset checked against the
/// data: nothing is read outside it, and inflation stops at the entry's own compressed bytes, at its
/// declared size and at a cap. (ZIPFoundation, used before, aborted on an offset past the end, leaked
/// on a damaged end record and looped for ever on a deflate stream without an end; fuzzing found all three.)
struct ZipArchive {
    struct Entry {
        let path: String
        let method: UInt16
        let compressedSize: Int
        let uncompressedSize: Int
        let crc32: UInt32
        let localHeaderOffset: Int
    }

    enum Failure: Error {
        case damaged(Message)
        case tooLarge(path: String, bytes: Int)
    }

    let data: Data
    let entries: [String: Entry]

    init(_ data: Data) throws(Failure) {
        self.data = data
        let bytes = [UInt8](data)
        guard let end = Self.endRecord(in: bytes) else { throw .damaged(Message("files.zip.no_end_record")) }
        let count = Self.uint16(bytes, end + 10)
        let directorySize = Self.uint32(bytes, end + 12)
        let directoryOffset = Self.uint32(bytes, end + 16)
        guard count != 0xFFFF, directoryOffset != 0xFFFF_FFFF, directoryOffset + directorySize <= end else {
            throw .damaged(Message("files.zip.directory_outside"))
        }
        var entries: [String: Entry] = [:]
        var position = directoryOffset
        for _ in 0..<count {
            guard position + 46 <= end, Self.uint32(bytes, position) == 0x0201_4B50 else { throw .damaged(Message("files.zip.directory_damaged")) }
            let nameLength = Self.uint16(bytes, position + 28)
            let extraLength = Self.uint16(bytes, position + 30)
            let commentLength = Self.uint16(bytes, position + 32)
            let next = position + 46 + nameLength + extraLength + commentLength
            guard next <= end else { throw .damaged(Message("files.zip.directory_damaged")) }
            let entry = Entry(path: String(decoding: bytes[position + 46..<position + 46 + nameLength], as: UTF8.self),
                              method: UInt16(Self.uint16(bytes, position + 10)), compressedSize: Self.uint32(bytes, position + 20),
                              uncompressedSize: Self.uint32(bytes, position + 24), crc32: UInt32(Self.uint32(bytes, position + 16)),
                              localHeaderOffset: Self.uint32(bytes, position + 42))
            entries[entry.path] = entry
            position = next
        }
        self.entries = entries
    }

    subscript(path: String) -> Entry? { entries[path] }

    /// The entry's content: at most `cap` bytes, or `tooLarge`; its CRC-32 is checked.
    func contents(of entry: Entry, cap: Int) throws(Failure) -> Data {
        guard entry.uncompressedSize <= cap else { throw .tooLarge(path: entry.path, bytes: entry.uncompressedSize) }
        let header = entry.localHeaderOffset
        guard header + 30 <= data.count, Self.read32(data, header) == 0x0403_4B50 else { throw .damaged(Message("files.zip.no_local_header", ["path": .text(entry.path)])) }
        let start = header + 30 + Self.read16(data, header + 26) + Self.read16(data, header + 28)
        guard start + entry.compressedSize <= data.count else { throw .damaged(Message("files.zip.past_end", ["path": .text(entry.path)])) }
        let compressed = data[data.startIndex + start..<data.startIndex + start + entry.compressedSize]
        let output: Data
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else { throw .damaged(Message("files.zip.inconsistent_sizes", ["path": .text(entry.path)])) }
            output = Data(compressed)
        case 8: output = try Self.inflate(compressed, expected: entry.uncompressedSize, path: entry.path)
        default: throw .damaged(Message("files.zip.method", ["path": .text(entry.path), "method": .text(String(entry.method))]))
        }
        #if !FUZZING   // a fuzzer's mutations would almost never pass the checksum and reach the XML
        let checksum = output.withUnsafeBytes { UInt32(crc32(0, $0.bindMemory(to: Bytef.self).baseAddress, uInt($0.count))) }
        guard checksum == entry.crc32 else { throw .damaged(Message("files.zip.checksum", ["path": .text(entry.path)])) }
        #endif
        return output
    }

    /// Raw deflate of exactly these bytes into exactly `expected` bytes.
    static func inflate(_ compressed: Data, expected: Int, path: String) throws(Failure) -> Data {
        var output = Data(count: expected)
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged(Message("files.zip.zlib"))
        }
        defer { inflateEnd(&stream) }
        var result: Int32 = Z_OK
        var produced = 0
        compressed.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            output.withUnsafeMutableBytes { (out: UnsafeMutableRawBufferPointer) in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                // One call with all the input and all the room: it ends, errs, or stops for lack of either.
                result = CZlib.inflate(&stream, Z_FINISH)
                produced = out.count - Int(stream.avail_out)
            }
        }
        if result == Z_STREAM_END && produced == expected { return output }
        if result == Z_BUF_ERROR && stream.avail_out == 0 && stream.avail_in > 0 {
            throw .damaged(Message("files.zip.larger_than_declared", ["path": .text(path), "bytes": .integer(expected)]))
        }
        throw .damaged(Message("files.zip.incomplete", ["path": .text(path)]))
    }

    /// The last end-of-central-directory record whose comment fits in the file.
    static func endRecord(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var position = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while position >= lowest {
            if bytes[position] == 0x50, bytes[position + 1] == 0x4B, bytes[position + 2] == 0x05, bytes[position + 3] == 0x06 {
                return position + 22 + uint16(bytes, position + 20) <= bytes.count ? position : nil
            }
            position -= 1
        }
        return nil
    }

    static func uint16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    static func uint32(_ bytes: [UInt8], _ at: Int) -> Int { uint16(bytes, at) | uint16(bytes, at + 2) << 16 }
    static func read16(_ data: Data, _ at: Int) -> Int { Int(data[data.startIndex + at]) | Int(data[data.startIndex + at + 1]) << 8 }
    static func read32(_ data: Data, _ at: Int) -> Int { read16(data, at) | read16(data, at + 2) << 16 }
}
