import Foundation
import Testing
import TunetChildProcess
#if canImport(Glibc)
import Glibc
#endif

/// A program Tunet starts (pg_dump; in the tests Tunet itself, Python, shells, LibreOffice) gets what it is
/// given and nothing else of Tunet's, and ends in an answer every waiter agrees on.
@Suite("A started program")
final class ChildProcessTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func file(_ name: String) -> String { folder.appendingPathComponent(name).path }
    func read(_ name: String) throws -> String { try String(contentsOfFile: file(name), encoding: .utf8) }

    @Test("It reads its input from a file, writes its output and its errors where it is told, and ends with its own status")
    func streamsAndStatus() throws {
        try "tunet\n".write(toFile: file("in"), atomically: true, encoding: .utf8)
        let child = try ChildProcess("/bin/sh", ["-c", "read word; echo \"out $word\"; echo \"err $word\" >&2; exit 7"],
                                     input: .file(file("in")), output: .file(file("out")), errors: .file(file("err")))
        #expect(child.wait() == 7)
        #expect(try read("out") == "out tunet\n")
        #expect(try read("err") == "err tunet\n")
    }

    @Test("Its errors can go with its output, in the order it wrote them; without input it reads nothing at once")
    func errorsWithOutput() throws {
        let child = try ChildProcess("/bin/sh", ["-c", "echo one; echo two >&2; echo three; cat"],
                                     output: .file(file("all")), errors: .standardOutput)
        #expect(child.wait() == 0)
        #expect(try read("all") == "one\ntwo\nthree\n")
    }

    @Test("It runs in the directory and with exactly the environment it is given")
    func directoryAndEnvironment() throws {
        let child = try ChildProcess("/bin/sh", ["-c", "pwd; env | sort"], environment: ["TUNET_CHILD": "ja", "PATH": "/usr/bin:/bin"],
                                     directory: folder.path, output: .file(file("seen")))
        #expect(child.wait() == 0)
        let lines = try read("seen").split(separator: "\n").map(String.init)
        #expect(lines.first == folder.resolvingSymlinksInPath().path || lines.first == folder.path)
        #expect(lines.contains("TUNET_CHILD=ja"))
        #expect(!lines.contains { $0.hasPrefix("HOME=") }, "\(lines)")
    }

    @Test("It inherits no descriptor of Tunet's: not a database file, not a socket, not one without close-on-exec")
    func noInheritedDescriptors() throws {
        let held = open(file("held"), O_CREAT | O_RDWR, 0o600)
        #expect(held >= 0)
        // A second descriptor far up, at the lowest number from 500 that is free: never one that another
        // test's service or database in this process has open (dup2 to a fixed number would close it).
        let high = fcntl(held, F_DUPFD, 500)
        defer { close(held); close(high) }
        #expect(high >= 500)
        let child = try ChildProcess("/bin/ls", ["/proc/self/fd"], output: .file(file("fds")))
        #expect(child.wait() == 0)
        // ls's own directory descriptor aside, only the three standard streams.
        let descriptors = Set(try read("fds").split(separator: "\n").compactMap { Int($0) })
        #expect(descriptors.isSubset(of: [0, 1, 2, 3]), "\(descriptors.sorted())")
        #expect(!descriptors.contains(Int(high)))
    }

    @Test("A signal the starting thread blocks or ignores still reaches the child: it starts with every signal unblocked and at its default")
    func signalsStartClean() throws {
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        // SIGUSR2, which nothing in the test process uses, ignored for the moment of the start and then
        // given back exactly as it was.
        var ignored = sigaction(), before = sigaction()
        ignored.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(SIGUSR2, &ignored, &before)
        let children: (ChildProcess, ChildProcess)
        do {
            defer {
                pthread_sigmask(SIG_SETMASK, &previous, nil)
                sigaction(SIGUSR2, &before, nil)
            }
            children = (try ChildProcess("/bin/sleep", ["30"]), try ChildProcess("/bin/sleep", ["30"]))
        }
        Thread.sleep(forTimeInterval: 0.2)
        children.0.signal(SIGTERM)
        children.1.signal(SIGUSR2)
        #expect(children.0.wait() == SIGTERM)
        #expect(children.1.wait() == SIGUSR2)
    }

    @Test("Every waiter gets the same answer, and a signal after the end is not sent")
    func waitersAgree() async throws {
        let child = try ChildProcess("/bin/sh", ["-c", "sleep 0.2; exit 3"])
        #expect(!child.hasEnded)
        let answers = await withTaskGroup(of: Int32.self) { group in
            for _ in 0..<4 { group.addTask { child.wait() } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers == [3, 3, 3, 3])
        #expect(child.hasEnded)
        child.signal(SIGKILL)
        #expect(child.wait() == 3)
    }

    @Test("A program that is not there is refused by name, and nothing runs")
    func missingProgram() throws {
        #expect {
            try ChildProcess(file("ikke-her"), [])
        } throws: { error in
            (error as? ChildProcess.StartFailure).map { $0.program.hasSuffix("ikke-her") && $0.description.contains("No such file") } == true
        }
    }

    @Test("Hundreds of starts from many threads while thousands of descriptors are open: each ends with its status")
    func manyStartsBesideManyDescriptors() async throws {
        let opened = (0..<2_000).map { _ in open("/dev/null", O_RDONLY) }
        defer { opened.forEach { close($0) } }
        let statuses = try await withThrowingTaskGroup(of: Int32.self) { group in
            for number in 0..<200 {
                group.addTask { try ChildProcess("/bin/sh", ["-c", "exit \(number % 50)"]).wait() }
            }
            return try await group.reduce(into: [Int32]()) { $0.append($1) }
        }
        #expect(statuses.sorted() == (0..<200).map { Int32($0 % 50) }.sorted())
    }
}
