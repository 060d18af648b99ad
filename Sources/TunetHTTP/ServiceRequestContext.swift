import Foundation
import Hummingbird
import NIOCore

/// What the service knows of a request beyond the request itself: the address it came from, which
/// the sign-in page counts failures by.
struct ServiceRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

/// The visitor a request comes from, as failed sign-ins are counted: the connection's IP address, or,
/// when the connection comes from a reverse proxy the service was told to trust, the last address in
/// `X-Forwarded-For` that is not such a proxy (a client can write any addresses before it, never after).
/// An IPv6 visitor is its /64 network, which one household or machine usually has whole.
enum VisitorAddress {
    static func of(_ request: Request, connection: SocketAddress?, trustedProxies: Set<String>) -> String {
        guard let peer = connection?.ipAddress else { return "unknown" }
        var address = peer
        if trustedProxies.contains(Self.normalised(peer)), let forwarded = request.headers[ServiceHeader.forwardedFor] {
            let hops = forwarded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let client = hops.reversed().first(where: { !trustedProxies.contains(Self.normalised($0)) }), !client.isEmpty {
                address = client
            }
        }
        return Self.network(of: Self.normalised(address))
    }

    /// An IP address as written by the operator or a header, compared as NIO parses it.
    static func normalised(_ text: String) -> String {
        (try? SocketAddress(ipAddress: text, port: 0))?.ipAddress ?? text
    }

    /// An IPv4 address itself (also when written as IPv6, `::ffff:192.0.2.1`); an IPv6 address's first four groups.
    static func network(of address: String) -> String {
        guard address.contains(":") else { return address }
        if let last = address.split(separator: ":").last, last.contains(".") { return String(last) }
        let halves = address.components(separatedBy: "::")
        let head = halves[0].split(separator: ":").map(String.init)
        let tail = halves.count > 1 ? halves[1].split(separator: ":").map(String.init) : []
        let groups = halves.count > 1 ? head + Array(repeating: "0", count: max(0, 8 - head.count - tail.count)) + tail : head
        guard groups.count == 8 else { return address }
        return groups.prefix(4).map { String(UInt16($0, radix: 16) ?? 0, radix: 16) }.joined(separator: ":") + "::/64"
    }

    /// Refuses an address that is not an IP address, naming it.
    static func parse(_ text: String) -> String? {
        (try? SocketAddress(ipAddress: text.trimmingCharacters(in: .whitespaces), port: 0))?.ipAddress
    }
}
