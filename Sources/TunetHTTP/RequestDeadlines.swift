import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request comes in too slowly: its head must be complete within
/// `header` of its first byte, and its body within `body` of the head. Without these a client sending
/// one byte a second keeps a connection (and a file descriptor) for ever; Hummingbird's idle timeout
/// only closes connections on which nothing at all happens.
///
/// Two handlers share the clocks: `RequestArrival` sits before the HTTP decoder and sees the first byte
/// of a request, `RequestProgress` sits after it and sees the head, the end of the body and the end of
/// the answer. Both run on the connection's event loop only.
final class RequestArrival: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    let header: TimeAmount
    let body: TimeAmount
    /// A request's head has begun to arrive and is not complete yet.
    fileprivate var headClock: Scheduled<Void>?
    /// A request's head is in and its body is not yet complete.
    fileprivate var bodyClock: Scheduled<Void>?
    fileprivate var requestOpen = false
    fileprivate var answersOwed = 0

    init(header: TimeAmount, body: TimeAmount) {
        self.header = header
        self.body = body
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if headClock == nil && !requestOpen && answersOwed == 0 {
            headClock = closing(context, after: header)
        }
        context.fireChannelRead(data)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopClocks()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopClocks()
        context.fireChannelInactive()
    }

    fileprivate func headArrived(_ context: ChannelHandlerContext) {
        headClock?.cancel()
        headClock = nil
        requestOpen = true
        answersOwed += 1
        bodyClock = closing(context, after: body)
    }

    fileprivate func bodyEnded() {
        bodyClock?.cancel()
        bodyClock = nil
        requestOpen = false
    }

    fileprivate func answerEnded() {
        answersOwed = max(0, answersOwed - 1)
    }

    private func closing(_ context: ChannelHandlerContext, after delay: TimeAmount) -> Scheduled<Void> {
        let channel = context.channel
        return context.eventLoop.scheduleTask(in: delay) { channel.close(promise: nil) }
    }

    private func stopClocks() {
        headClock?.cancel()
        bodyClock?.cancel()
        headClock = nil
        bodyClock = nil
    }
}

/// The half of the request deadlines after the HTTP decoder (see `RequestArrival`).
final class RequestProgress: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var arrival: RequestArrival?

    func handlerAdded(context: ChannelHandlerContext) {
        arrival = try? context.pipeline.syncOperations.handler(type: RequestArrival.self)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: arrival?.headArrived(context)
        case .end: arrival?.bodyEnded()
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { arrival?.answerEnded() }
        context.write(data, promise: promise)
    }
}
