import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read in place, mapped into memory instead of copied. A mapped page read once counts in the
/// process's resident memory until it is let go of, so a reader going through the file in order lets
/// go of the pages behind it (`forEachPiece`, `PagesBehind`): a file of any length then costs a window
/// of it, and a page needed again is read again from the system's cache.
public enum MappedFile {
    /// The mappings made here and still alive, by address. Only their pages are ever let go of: a page
    /// of ordinary memory let go of would lose what it holds.
    private static let mappings = Mutex<[Range<UInt>]>([])

    /// The bytes a reader walks through between two lettings go.
    static let step = 4 << 20

    private static let pageSize = UInt(sysconf(Int32(_SC_PAGESIZE)))

    /// The file could not be opened or mapped.
    public struct Unreadable: Error {
        public let code: Int32
    }

    /// The file's contents, mapped: the `Data` unmaps the file when it is let go of.
    public static func contents(of url: URL) throws -> Data {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Unreadable(code: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Unreadable(code: errno) }
        // A pipe or a device cannot be mapped: read it into memory as it comes (a folder cannot be read at all).
        guard (status.st_mode & mode_t(S_IFMT)) == mode_t(S_IFREG) else {
            guard (status.st_mode & mode_t(S_IFMT)) != mode_t(S_IFDIR) else { throw Unreadable(code: EISDIR) }
            return try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readToEnd() ?? Data()
        }
        let count = Int(status.st_size)
        if count == 0 { return Data() }
        guard let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw Unreadable(code: errno)
        }
        let start = UInt(bitPattern: mapped)
        mappings.withLock { $0.append(start..<start + UInt(count)) }
        return Data(bytesNoCopy: mapped, count: count, deallocator: .custom { pointer, count in
            let start = UInt(bitPattern: pointer)
            mappings.withLock { $0.removeAll { $0.lowerBound == start } }
            munmap(pointer, count)
        })
    }

    /// Whether `bytes` lie in a mapping made here.
    static func isMapped(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let start = UInt(bitPattern: base), end = start + UInt(bytes.count)
        return mappings.withLock { $0.contains { $0.lowerBound <= start && end <= $0.upperBound } }
    }

    /// Lets go of the whole pages in `bytes` (which lie in a mapping made here); returns where the
    /// pages let go of end, to start from there next time.
    static func letGo(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawPointer? {
        guard let base = bytes.baseAddress else { return nil }
        let start = (UInt(bitPattern: base) + pageSize - 1) / pageSize * pageSize
        let end = (UInt(bitPattern: base) + UInt(bytes.count)) / pageSize * pageSize
        guard end > start, let pages = UnsafeMutableRawPointer(bitPattern: start) else { return nil }
        // A private, read-only mapping: its pages are the file's, and read from it again when touched.
        _ = madvise(pages, Int(end - start), MADV_DONTNEED)
        return UnsafeRawPointer(bitPattern: end)
    }

    /// Calls `body` with `bytes` in pieces of a few megabytes, in order, letting go of each piece of a
    /// mapped file once passed. A piece ends only before a byte for which `canEndBefore` holds, when
    /// one is found in the piece's last four bytes. Stops when `body` returns false.
    public static func forEachPiece(of bytes: UnsafeRawBufferPointer, endingBefore canEndBefore: (UInt8) -> Bool = { _ in true },
                                    _ body: (UnsafeRawBufferPointer) throws -> Bool) rethrows {
        var behind = PagesBehind(bytes)
        var start = 0
        while start < bytes.count {
            var end = min(start + step, bytes.count)
            if end < bytes.count, let fit = (max(start + 1, end - 3)...end).reversed().first(where: { canEndBefore(bytes[$0]) }) {
                end = fit
            }
            guard try body(UnsafeRawBufferPointer(rebasing: bytes[start..<end])) else { return }
            start = end
            behind.passed(start)
        }
    }

    /// Calls `body` with the data's bytes in pieces (`forEachPiece(of:)`).
    public static func forEachPiece(of data: Data, _ body: (UnsafeRawBufferPointer) throws -> Bool) rethrows {
        try data.withUnsafeBytes { try forEachPiece(of: $0, body) }
    }
}

/// Lets go of a mapped file's pages behind a reader going through `bytes` in order, a step at a time;
/// does nothing for bytes that are not such a file's.
struct PagesBehind {
    private let bytes: UnsafeRawBufferPointer
    private let mapped: Bool
    private var letGoUpTo = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        mapped = MappedFile.isMapped(bytes)
    }

    /// The reader is at `offset` and will not come back before it.
    mutating func passed(_ offset: Int) {
        guard mapped, offset - letGoUpTo >= MappedFile.step, let base = bytes.baseAddress else { return }
        if let end = MappedFile.letGo(UnsafeRawBufferPointer(rebasing: bytes[letGoUpTo..<offset])) {
            letGoUpTo = end - base
        }
    }
}
