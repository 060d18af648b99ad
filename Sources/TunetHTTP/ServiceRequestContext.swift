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

    /// The address failures are counted by: the IP address alone (a new port is not a new visitor).
    var visitorAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
