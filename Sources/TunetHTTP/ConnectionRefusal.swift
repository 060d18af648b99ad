import Hummingbird
import NIOCore
import NIOHTTPTypes
import TunetDomain
import TunetJSON
import TunetText

/// Answers the request on a connection above the service's cap with 503 and a problem document
/// (in the language the request accepts; bokmål by default), then closes the connection. The request
/// never reaches the routes. A connection that sends no request within `grace` is closed unanswered:
/// refused connections must not hold the file descriptors the cap is there to keep free.
final class ConnectionRefusal: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    static let grace: TimeAmount = .seconds(1)
    private var answered = false

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        context.eventLoop.scheduleTask(in: Self.grace) { channel.close(promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let request) = unwrapInboundIn(data), !answered else { return }
        answered = true
        let texts = Texts(Language.accepted(by: request.headerFields[.acceptLanguage]))
        let document = Problem.Document(type: "https://tunet.example/problems/busy", title: texts("http.title.busy"),
                                        status: 503, detail: texts("service.too_many_connections"), problems: [], problemsNotShown: nil)
        let body = (try? SortedJSONEncoder().encode(document)) ?? []
        var head = HTTPResponse(status: .serviceUnavailable)
        head.headerFields[.contentType] = "application/problem+json"
        head.headerFields[.contentLanguage] = texts.language.rawValue
        head.headerFields[.contentLength] = String(body.count)
        head.headerFields[.connection] = "close"
        head.headerFields[.retryAfter] = "5"
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(context.channel.allocator.buffer(bytes: body))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
