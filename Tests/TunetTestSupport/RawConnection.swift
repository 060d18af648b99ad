import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP connection to a service on the loopback address, written byte by byte: for sending a request
/// as slowly or as incompletely as a careless or hostile client does, which URLSession never does.
public final class RawConnection: @unchecked Sendable {
    public struct Refused: Error {}

    private let descriptor: Int32

    public init(port: Int) throws {
        #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard descriptor >= 0, connected == 0 else {
            if descriptor >= 0 { Self.close(descriptor) }
            throw Refused()
        }
    }

    deinit { Self.close(descriptor) }

    /// Ends the connection from this side, as a client that gives up does.
    public func close() {
        shutdown(descriptor, Int32(SHUT_RDWR))
    }

    private static func close(_ descriptor: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }

    /// Sends all of `data`; false when the service has closed the connection.
    @discardableResult
    public func send(_ data: Data) -> Bool {
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                #if canImport(Glibc)
                let sent = Glibc.send(descriptor, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                #else
                let sent = Darwin.send(descriptor, bytes.baseAddress! + offset, bytes.count - offset, 0)
                #endif
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    @discardableResult
    public func send(_ text: String) -> Bool {
        send(Data(text.utf8))
    }

    /// What the service sends until it closes the connection, or until `timeout` has passed.
    public func receive(timeout: TimeInterval) -> (data: Data, closed: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return (received, false) }
            var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&waiting, 1, Int32(max(1, left * 1000)))
            if ready <= 0 { continue }
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { return (received, true) }
            received.append(contentsOf: buffer[0..<count])
        }
    }

    /// Whether the service closed the connection within `timeout` (anything it sent first is ignored).
    public func isClosed(within timeout: TimeInterval) -> Bool {
        receive(timeout: timeout).closed
    }

    /// One whole request on a new connection, answered and closed: the status, the answer's text and
    /// the seconds it took, from connecting to the last byte.
    public static func exchange(port: Int, _ request: String, timeout: TimeInterval = 10) throws -> (status: Int, text: String, seconds: Double) {
        let started = Date()
        let connection = try RawConnection(port: port)
        connection.send(request)
        let answer = connection.receive(timeout: timeout)
        let text = String(decoding: answer.data, as: UTF8.self)
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, text, Date().timeIntervalSince(started))
    }

    // The same, for async tests: a blocking socket call must not hold one of the cooperative pool's few
    // threads (one per core), on which the service under test and every other test run too.

    @discardableResult
    public func send(_ data: Data) async -> Bool {
        await Self.offThread { self.send(data) }
    }

    @discardableResult
    public func send(_ text: String) async -> Bool {
        await Self.offThread { self.send(text) }
    }

    public func receive(timeout: TimeInterval) async -> (data: Data, closed: Bool) {
        await Self.offThread { self.receive(timeout: timeout) }
    }

    public func isClosed(within timeout: TimeInterval) async -> Bool {
        await Self.offThread { self.isClosed(within: timeout) }
    }

    public static func exchange(port: Int, _ request: String, timeout: TimeInterval = 10) async throws -> (status: Int, text: String, seconds: Double) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try exchange(port: port, request, timeout: timeout) }) }
        }
    }

    private static func offThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
    }
}
