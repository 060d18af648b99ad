import CSpawn
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A program started beside this one: `pg_dump` for a PostgreSQL backup and, in the tests, Tunet itself,
/// Python, shells and LibreOffice. Started by `posix_spawn` with nothing of this process but what it is
/// given: its standard streams are opened for it, every other descriptor is closed, its signals are back
/// at their defaults and unblocked.
///
/// Foundation's `Process` is not used: on Linux its `run()` copies 256 bytes of each directory entry of
/// `/proc/self/fd`, past the end of the buffer when an entry is the last before an unmapped page, and the
/// whole process then crashes (swift-corelibs-foundation #5472, in Swift 6.3.1; seen in CI); and its
/// `waitUntilExit` waits for ever when another child inherits the socket it listens on (#4795).
public final class ChildProcess: Sendable {
    /// Where the child's standard input comes from.
    public enum Input: Sendable {
        case nothing
        case file(String)
    }

    /// Where the child's standard output or standard error goes. A file is created or emptied.
    public enum Output: Sendable {
        case discarded
        case file(String)
        /// For standard error: the same place as standard output, in the order the child wrote.
        case standardOutput
    }

    /// The program could not be started; nothing ran.
    public struct StartFailure: Error, CustomStringConvertible {
        public let program: String
        public let code: Int32
        public var description: String { "\(program) could not be started: \(String(cString: strerror(code)))" }
    }

    /// The child's process number.
    public let id: pid_t
    /// Its exit status once `wait` has reaped it; until then its number cannot be reused.
    private let ending = Mutex<Int32?>(nil)

    /// Starts `executable` (a path; the PATH is not searched) with `arguments`, in `directory` (this
    /// process's own when nil), with exactly `environment` (this process's own when nil). Files named by
    /// relative paths are found from this process's directory, not the child's.
    public init(_ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil, directory: String? = nil,
                input: Input = .nothing, output: Output = .discarded, errors: Output = .discarded) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        // In this order in the child: the streams, then every other descriptor closed, then the directory.
        try Self.check(Self.open(input, output: output, errors: errors, in: &actions), executable)
        try Self.check(posix_spawn_file_actions_addclosefrom_np(&actions, 3), executable)
        if let directory { try Self.check(posix_spawn_file_actions_addchdir_np(&actions, directory), executable) }

        // A thread of this process may block or catch signals (the service's do); the child starts clean.
        var everySignal = sigset_t(), noSignal = sigset_t()
        sigfillset(&everySignal)
        sigemptyset(&noSignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignal)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started: Int32
        if let environment {
            let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { envp.forEach { free($0) } }
            started = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        } else {
            started = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        }
        try Self.check(started, executable)
        id = pid
    }

    deinit {
        // A child dropped without being waited for is reaped if it has ended, so that no zombie stays.
        ending.withLock { ending in
            guard ending == nil else { return }
            var status: Int32 = 0
            _ = waitpid(id, &status, WNOHANG)
        }
    }

    /// Waits for the child to end and gives its exit status, or the number of the signal that ended it.
    /// Any number of threads may wait; each gets the same answer.
    @discardableResult
    public func wait() -> Int32 {
        // Waited for without reaping, so that `signal` on another thread never reaches a reused number.
        var info = siginfo_t()
        while waitid(P_PID, id_t(id), &info, WEXITED | WNOWAIT) == -1 && errno == EINTR {}
        return ending.withLock { ending in
            if let ended = ending { return ended }
            var status: Int32 = 0
            while waitpid(id, &status, 0) == -1 && errno == EINTR {}
            let ended = status & 0x7f == 0 ? (status >> 8) & 0xff : status & 0x7f
            ending = ended
            return ended
        }
    }

    /// Whether the child has ended, without waiting for it.
    public var hasEnded: Bool {
        ending.withLock { ending in
            guard ending == nil else { return true }
            var info = siginfo_t()
            guard waitid(P_PID, id_t(id), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return true }
            return info._sifields._sigchld.si_pid == id
        }
    }

    /// Sends `signal` to the child, unless it has already been waited for.
    public func signal(_ signal: Int32) {
        ending.withLock { ending in
            if ending == nil { _ = kill(id, signal) }
        }
    }

    private static func open(_ input: Input, output: Output, errors: Output, in actions: inout posix_spawn_file_actions_t) -> Int32 {
        let written = O_WRONLY | O_CREAT | O_TRUNC
        var failed: Int32 = 0
        func step(_ result: Int32) { if failed == 0 { failed = result } }
        switch input {
        case .nothing: step(posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0))
        case .file(let path): step(posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0))
        }
        switch output {
        case .discarded, .standardOutput: step(posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0))
        case .file(let path): step(posix_spawn_file_actions_addopen(&actions, 1, path, written, 0o600))
        }
        switch errors {
        case .discarded: step(posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0))
        case .file(let path): step(posix_spawn_file_actions_addopen(&actions, 2, path, written, 0o600))
        case .standardOutput: step(posix_spawn_file_actions_adddup2(&actions, 1, 2))
        }
        return failed
    }

    private static func check(_ result: Int32, _ program: String) throws {
        guard result == 0 else { throw StartFailure(program: program, code: result) }
    }
}
