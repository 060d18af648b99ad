import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Process {
    /// Waits for the process to end and gives its exit status (or the signal that ended it), as
    /// `terminationStatus` does. Foundation on Linux learns that a child ended from a socket the child holds
    /// open; a process started at the same moment on another thread (a PostgreSQL server, a service) can
    /// inherit that socket and keep it open, and `waitUntilExit` then waits for ever beside a child that has
    /// ended (swift-corelibs-foundation issue 4795; seen in CI: the child a zombie, the test never done).
    /// The end is waited for by the process's number instead, and the child left for Foundation to reap.
    public func waitForExit() -> Int32 {
        var info = siginfo_t()
        while waitid(P_PID, id_t(processIdentifier), &info, WEXITED | WNOWAIT) == -1 {
            guard errno == EINTR else {
                // Reaped already: Foundation heard of its end.
                waitUntilExit()
                return terminationStatus
            }
        }
        return info._sifields._sigchld.si_status
    }
}
