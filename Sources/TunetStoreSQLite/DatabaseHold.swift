import Foundation
import Synchronization
import TunetDomain
#if canImport(Glibc)
import Glibc
#endif

/// Which processes have a database open. Each Tunet process that opens the file holds a shared advisory
/// lock (`flock`) on the database file itself for as long as it has it open; replacing the file's
/// content (a restore) or the file (`demo --replace`) takes the lock exclusively, and is refused while
/// another process holds it. `flock` locks are apart from the POSIX locks SQLite takes on the same file,
/// so neither disturbs the other; stores of one process share one lock, as they share its connections.
final class DatabaseHold: Sendable {
    private struct Key: Hashable { let device: UInt64, inode: UInt64 }
    private struct Entry { let descriptor: Int32; var users: Int }
    private static let held = Mutex<[Key: Entry]>([:])

    private let key: Key
    let descriptor: Int32
    let path: String

    /// Takes a shared hold on the file at `path` (which must exist), waiting up to `timeout` seconds while
    /// another process replaces it.
    init(path: String, timeout: TimeInterval) throws(TunetError) {
        self.path = path
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else {
            throw .unwritableOutput(path: path, reason: Message("files.database.cannot_open_detail", ["detail": .text(String(cString: strerror(errno)))]))
        }
        var status = stat()
        fstat(opened, &status)
        let key = Key(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        self.key = key
        let shared: Int32? = Self.held.withLock { held in
            guard var entry = held[key] else { return nil }
            entry.users += 1
            held[key] = entry
            return entry.descriptor
        }
        if let shared {
            close(opened)
            descriptor = shared
            return
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(opened, LOCK_SH | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                close(opened)
                throw .busy(Message("files.database.being_replaced", ["path": .text(path)]))
            }
            usleep(20_000)
        }
        descriptor = opened
        Self.held.withLock { $0[key] = Entry(descriptor: opened, users: 1) }
    }

    deinit {
        let last = Self.held.withLock { held -> Bool in
            guard var entry = held[key] else { return false }
            entry.users -= 1
            if entry.users == 0 { held[key] = nil } else { held[key] = entry }
            return entry.users == 0
        }
        if last { close(descriptor) }
    }

    /// Runs `body` while no other process has the database open, refusing (naming them) when one has.
    func exclusively<T>(_ body: () throws -> T) throws -> T {
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            // A failed conversion leaves no lock at all: take the shared one back before refusing.
            flock(descriptor, LOCK_SH)
            throw TunetError.busy(Self.heldMessage(path: path, device: key.device, inode: key.inode))
        }
        defer { flock(descriptor, LOCK_SH) }
        return try body()
    }

    /// Runs `body` (which deletes the database's files) while no other process has the file at `path`
    /// open; a path with no file needs no lock.
    static func removing(_ path: String, _ body: () throws -> Void) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        var status = stat()
        fstat(descriptor, &status)
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw TunetError.busy(heldMessage(path: path, device: UInt64(status.st_dev), inode: UInt64(status.st_ino)))
        }
        try body()
    }

    /// "«tunet.sqlite» is open in another process (tunet serve --port 8080, process 1234)…"
    static func heldMessage(path: String, device: UInt64, inode: UInt64) -> Message {
        let holders = holders(device: device, inode: inode)
        return Message(holders.isEmpty ? "files.database.held" : "files.database.held_by",
                       ["path": .text(path), "processes": .text(holders.joined(separator: "; "))])
    }

    /// The other processes holding the file with this inode, as their command lines: those with a
    /// `flock` on it in Linux's /proc/locks, or, where that names none (on an overlay file system
    /// /proc/locks gives the lower file's inode, not the one `stat` sees), those with it open among
    /// /proc/*/fd. Empty where neither can be read.
    static func holders(device: UInt64, inode: UInt64) -> [String] {
        let own = getpid()
        let locking = lockingProcesses(inode: inode).filter { $0 != own }
        let found = locking.isEmpty ? processesWithOpen(device: device, inode: inode).filter { $0 != own } : locking
        var described: [String] = []
        for pid in found {
            let text = describe(pid)
            if !described.contains(text) { described.append(text) }
        }
        return described
    }

    private static func lockingProcesses(inode: UInt64) -> [Int32] {
        guard let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return [] }
        var found: [Int32] = []
        for line in locks.split(separator: "\n") where !line.contains("->") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "FLOCK", let pid = Int32(fields[4]),
                  fields[5].split(separator: ":").last.flatMap({ UInt64($0) }) == inode else { continue }
            found.append(pid)
        }
        return found
    }

    /// Bounded so that a machine with very many processes keeps the refusal quick.
    private static let processesLooked = 4_096
    private static let descriptorsLooked = 65_536

    private static func processesWithOpen(device: UInt64, inode: UInt64) -> [Int32] {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: "/proc") else { return [] }
        var found: [Int32] = []
        var descriptors = 0
        for entry in entries.lazy.compactMap(Int32.init).prefix(processesLooked) {
            guard let open = try? manager.contentsOfDirectory(atPath: "/proc/\(entry)/fd") else { continue }
            for descriptor in open {
                descriptors += 1
                if descriptors > descriptorsLooked { return found }
                var status = stat()
                guard stat("/proc/\(entry)/fd/\(descriptor)", &status) == 0 else { continue }
                if UInt64(status.st_dev) == device, UInt64(status.st_ino) == inode {
                    found.append(entry)
                    break
                }
            }
        }
        return found
    }

    private static func describe(_ pid: Int32) -> String {
        let command = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline")))
            .map { String(decoding: $0, as: UTF8.self).split(separator: "\0").map(String.init) } ?? []
        let name = command.isEmpty ? "" : ([(command[0] as NSString).lastPathComponent] + command.dropFirst()).joined(separator: " ")
        let shown = String(name.prefix(120))
        return shown.isEmpty ? "pid \(pid)" : "\(shown), pid \(pid)"
    }
}

extension SQLiteStore {
    /// Runs `body` while no other process has the database at `path` open (see `DatabaseHold`).
    public static func whileNoOtherProcessHas(_ path: String, _ body: () throws -> Void) throws {
        try DatabaseHold.removing(path, body)
    }
}
