import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Synchronization

/// HTTP/1.1 as Hummingbird serves it, within the service's limits: at most `maximumConnections` open
/// at once (a connection above the cap is answered 503 by `ConnectionRefusal` and closed, before it
/// can use up the process's file descriptors), a request's head and body within their deadlines
/// (`RequestArrival`, `RequestProgress`), and a connection on which nothing happens closed after
/// Hummingbird's own idle timeout.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    private let admitted: HTTP1Channel
    private let refused: HTTP1Channel
    private let settings: TunetServer.Settings
    private let connections = OpenConnections()

    init(responder: @escaping HTTPChannelHandler.Responder, settings: TunetServer.Settings) {
        let idle = TimeAmount(settings.idleTimeout)
        admitted = HTTP1Channel(responder: responder, configuration: .init(additionalChannelHandlers: [RequestProgress()], idleTimeout: idle))
        refused = HTTP1Channel(responder: responder,
                               configuration: .init(additionalChannelHandlers: [RequestProgress(), ConnectionRefusal()], idleTimeout: idle))
        self.settings = settings
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let isAdmitted = connections.open(upTo: settings.maximumConnections)
        let connections = self.connections
        channel.closeFuture.whenComplete { _ in connections.close() }
        let header = TimeAmount(settings.headerTimeout), body = TimeAmount(settings.bodyTimeout)
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(RequestArrival(header: header, body: body), position: .first)
        }.flatMap {
            (isAdmitted ? admitted : refused).setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Value, logger: Logger) async {
        await admitted.handle(value: value, logger: logger)
    }

    /// How many connections the service holds open, across its event loops.
    final class OpenConnections: Sendable {
        private let count = Mutex(0)

        /// Counts a new connection; false when `maximum` were open already (it is counted all the same
        /// until it closes, so that a flood of refused connections cannot exceed the cap either).
        func open(upTo maximum: Int) -> Bool {
            count.withLock { count in
                count += 1
                return count <= maximum
            }
        }

        func close() {
            count.withLock { $0 -= 1 }
        }
    }
}
