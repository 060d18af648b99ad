import Hummingbird
import HummingbirdCore
import NIOCore
import Synchronization
import TunetDomain

/// The memory all request bodies may hold at once, while they are read and worked on. Each body is
/// bounded by itself (413 above the upload limit); this bounds their sum, so that many uploads held
/// open by their last byte cannot take the service's memory: a body that would take the sum past
/// `capacity` is refused with 503 ("busy, try again") and what it held is let go at once.
final class BodyBudget: Sendable {
    let capacity: Int
    private let held = Mutex(0)

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The bytes request bodies hold now.
    var inUse: Int { held.withLock { $0 } }

    /// A body read in full and counted against the budget until `release`.
    struct Body {
        let buffer: ByteBuffer
        fileprivate let counted: Int
    }

    /// Reads `body` in full, counting each part against the budget as it arrives.
    /// - Parameters:
    ///   - limit: the most this body may hold (413 above it).
    ///   - statedLimit: the limit a person is told, in bytes (a form's own fields come on top of the file's limit).
    func collect(_ body: RequestBody, upTo limit: Int, statedLimit: Int) async throws -> Body {
        var buffer = ByteBuffer()
        var counted = 0
        do {
            for try await part in body {
                let size = part.readableBytes
                guard counted + size <= limit else {
                    throw Problem(status: .contentTooLarge, code: "contentTooLarge",
                                  detail: Message("http.content_too_large", ["megabytes": .integer(statedLimit / 1_048_576)]))
                }
                guard take(size) else {
                    throw Problem(status: .serviceUnavailable, code: "busy", detail: Message("service.too_many_bodies"))
                }
                counted += size
                var part = part
                buffer.writeBuffer(&part)
            }
        } catch let problem as Problem {
            give(counted)
            throw problem
        } catch {
            // The client closed the connection, or it was closed for taking too long: no one reads the answer.
            give(counted)
            throw Problem(status: .badRequest, code: "incompleteBody", detail: Message("service.incomplete_body"))
        }
        return Body(buffer: buffer, counted: counted)
    }

    /// Lets go of what a body held, once the request is done with it.
    func release(_ body: Body) {
        give(body.counted)
    }

    private func take(_ size: Int) -> Bool {
        held.withLock { held in
            guard held + size <= capacity else { return false }
            held += size
            return true
        }
    }

    private func give(_ size: Int) {
        held.withLock { $0 -= size }
    }
}
