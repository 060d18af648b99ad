import Foundation
import Hummingbird
import HummingbirdCore
import NIOFoundationEssentialsCompat
import Logging
import ServiceLifecycle
import UnixSignals
import TunetApp
import TunetDomain
import TunetJSON
import TunetText

/// The provider-facing HTTP service over the same use cases as the CLI.
public enum TunetServer {
    public struct Settings: Sendable {
        public var host = "127.0.0.1"
        public var port = 8080
        /// Request bodies above this are answered with 413 (Hummingbird's streaming bodies have no cap of their own).
        public var bodyLimit = 10 * 1024 * 1024
        /// What all request bodies may hold at once; a body that would go past it gets 503.
        public var bodyMemoryLimit = 100 * 1024 * 1024
        /// The most connections open at once; one more gets 503 and is closed. Keep it well below the
        /// process's open-file limit (`ulimit -n`), which the database and its files share.
        public var maximumConnections = 512
        /// From a request's first byte to the end of its head; a slower connection is closed.
        public var headerTimeout: Duration = .seconds(10)
        /// From a request's head to the end of its body (a 10 MB file at 1 Mbit/s takes some 80 s).
        public var bodyTimeout: Duration = .seconds(120)
        /// A connection on which nothing is sent or received for this long is closed (Hummingbird's idle timeout).
        public var idleTimeout: Duration = .seconds(30)
        /// After SIGTERM or SIGINT, how long requests in flight may take to finish before the service stops anyway.
        public var drainTimeout: Duration = .seconds(30)
        /// How long no request may have used the database before the service gives back the memory its
        /// caches hold (`TunetContext.releaseIdleMemory`).
        public var quietPeriod: Duration = .seconds(1)
        /// Where templates and reports are written before they are sent.
        public var temporaryFolder = FileManager.default.temporaryDirectory
        /// Fixes "today" (tests and what-if runs); otherwise each request uses the Norwegian date.
        public var fixedToday: LocalDate?
        /// How failed sign-ins at the pages are slowed down, per address.
        var signInThrottle = SignInThrottle()
        /// The reverse proxies whose `X-Forwarded-For` names the visitor (IP addresses as NIO writes them).
        public private(set) var trustedProxies: Set<String> = []

        /// Trusts these reverse proxies' `X-Forwarded-For`; returns the first that is not an IP address, if any.
        public mutating func trust(proxies: [String]) -> String? {
            var parsed: Set<String> = []
            for text in proxies where !text.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let address = VisitorAddress.parse(text) else { return text }
                parsed.insert(address)
            }
            trustedProxies = parsed
            return nil
        }

        public init() {}
    }

    /// The API's routes, each documented in Contracts/openapi.yaml.
    public static let routes: [(method: String, path: String)] = [
        ("GET", "/health"), ("GET", "/openapi.yaml"), ("GET", "/v1/placements"), ("GET", "/v1/attendance/template"), ("POST", "/v1/attendance"),
        ("POST", "/v1/invoices"), ("GET", "/v1/invoices"),
        ("GET", "/v1/submissions"), ("GET", "/v1/reports/{name}"), ("GET", "/v1/figures"), ("GET", "/v1/team/placements"),
        ("GET", "/v1/team/attendance"), ("GET", "/v1/team/tasks"), ("POST", "/v1/team/tasks/{id}/assign"), ("POST", "/v1/team/tasks/{id}/start"),
        ("POST", "/v1/team/tasks/{id}/done"), ("POST", "/v1/team/tasks/{id}/comment"),
    ]

    /// The pages for people (README, "The web pages").
    public static let pages: [(method: String, path: String)] = [
        ("GET", "/"), ("POST", "/logg-inn"), ("GET", "/logg-inn"), ("POST", "/logg-ut"), ("GET", "/logg-ut"), ("GET", "/gard/opplasting"), ("GET", "/stil.css"), ("GET", "/gard"), ("GET", "/gard/maned"),
        ("GET", "/gard/mal"), ("POST", "/gard/opplasting"), ("GET", "/leder"), ("GET", "/leder/rapport"), ("GET", "/leder/api"),
    ]

    /// Serves until the process is told to stop (SIGINT or SIGTERM), then stops accepting connections and
    /// lets the requests in flight finish, for at most `drainTimeout`; `onRunning` receives the bound port.
    public static func run(context: TunetContext, settings: Settings, logger: Logger,
                           onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let quiet = QuietRelease(after: settings.quietPeriod) { context.releaseIdleMemory() }
        // The caller closes the store once this returns: no release may come after.
        defer { quiet.stop() }
        let app = try application(context: context, settings: settings, logger: logger, quiet: quiet, onRunning: onRunning)
        var configuration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = settings.drainTimeout
        configuration.maximumCancellationDuration = .seconds(1)
        try await ServiceGroup(configuration: configuration).run()
    }

    /// Builds the application; `onRunning` receives the bound port (useful with port 0).
    public static func application(context: TunetContext, settings: Settings, logger: Logger,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        try application(context: context, settings: settings, logger: logger,
                        quiet: QuietRelease(after: settings.quietPeriod) { context.releaseIdleMemory() }, onRunning: onRunning)
    }

    static func application(context: TunetContext, settings: Settings, logger: Logger, quiet: QuietRelease,
                            onRunning: @escaping @Sendable (Int) async -> Void) throws -> some ApplicationProtocol {
        // HEAD is answered wherever GET is (RFC 9110, 9.1), without the body.
        let router = Router(context: ServiceRequestContext.self, options: .autoGenerateHeadEndpoints)
        let contract = try APIContract.load()
        let api = API(base: context, bodyLimit: settings.bodyLimit, bodies: BodyBudget(capacity: settings.bodyMemoryLimit),
                      temporaryFolder: settings.temporaryFolder, fixedToday: settings.fixedToday, quiet: quiet)
        let pages = try WebPages(api: api, throttle: settings.signInThrottle, trustedProxies: settings.trustedProxies, contract: contract)
        router.middlewares.add(SecurityHeadersMiddleware())
        router.middlewares.add(PageErrorMiddleware(pages: pages))
        router.middlewares.add(RequestLogMiddleware(logger: logger))
        router.middlewares.add(ContractMiddleware(contract: contract, pages: Self.pages))
        router.get("/") { request, _ in try await pages.front(request) }
        router.post("/logg-inn") { request, context in try await pages.signIn(request, context: context) }
        router.post("/logg-ut") { request, _ in try await pages.signOut(request) }
        // A bookmark or the back button on a form's address leads back to its page.
        router.get("/logg-inn") { _, _ in WebPages.redirect(to: "/") }
        router.get("/logg-ut") { _, _ in WebPages.redirect(to: "/") }
        router.get("/gard/opplasting") { _, _ in WebPages.redirect(to: "/gard/maned") }
        router.get("/stil.css") { request, _ in pages.styleSheet(request) }
        router.get("/gard") { request, _ in try await pages.farm(request) }
        router.get("/gard/maned") { request, _ in try await pages.month(request) }
        router.get("/gard/mal") { request, _ in try await pages.template(request) }
        router.post("/gard/opplasting") { request, _ in try await pages.upload(request) }
        router.get("/leder") { request, _ in try await pages.leader(request) }
        router.get("/leder/rapport") { request, _ in try await pages.leaderReport(request) }
        router.get("/leder/api") { request, _ in try await pages.reference(request) }
        router.get("/openapi.yaml") { request, _ in OpenAPIDocument.response(request) }
        router.get("/health") { _, _ in try Response.json(["status": "ok", "version": TunetVersion.current]) }
        router.get("/v1/placements") { request, _ in try await api.placements(request) }
        router.get("/v1/attendance/template") { request, _ in try await api.template(request) }
        router.post("/v1/attendance") { request, _ in try await api.upload(request) }
        router.post("/v1/invoices") { request, _ in try await api.invoice(request) }
        router.get("/v1/invoices") { request, _ in try await api.invoices(request) }
        router.get("/v1/submissions") { request, _ in try await api.submissions(request) }
        router.get("/v1/reports/:name") { request, context in try await api.report(request, name: context.parameters.get("name") ?? "") }
        router.get("/v1/figures") { request, _ in try await api.figures(request) }
        router.get("/v1/team/placements") { request, _ in try await api.teamPlacements(request) }
        router.get("/v1/team/attendance") { request, _ in try await api.teamAttendance(request) }
        router.get("/v1/team/tasks") { request, _ in try await api.teamTasks(request) }
        for action in API.taskActions.sorted() {
            router.post("/v1/team/tasks/:id/\(action)") { request, context in
                try await api.changeTask(request, id: context.parameters.get("id") ?? "", action: action)
            }
        }
        return Application(router: router, server: HTTPServerBuilder { responder in GuardedHTTP1Channel(responder: responder, settings: settings) },
                           configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Tunet"),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? settings.port) }, logger: logger)
    }
}

extension Response {
    static func json<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try SortedJSONEncoder().encode(value))))
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok, language: Language) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentLanguage] = language.rawValue
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func xlsx(_ data: Data, fileName: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}

/// Logs each request with an id, the route, the status and the duration; never bodies, tokens or personal data.
/// A failure of the service itself is logged with its kind and place (`ServerFault`) and answered as a bare 500.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = UUID().uuidString.prefix(8)
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(id, request, response.status.code, started)
            return response
        } catch let error as HTTPResponseError {
            log(id, request, error.status.code, started)
            throw error
        } catch {
            let fault = error as? ServerFault ?? ServerFault(error, at: "\(request.method.rawValue) \(request.uri.path)")
            fault.log(logger, id: id, request: request)
            log(id, request, 500, started)
            throw ServerFault.answer
        }
    }

    private func log(_ id: Substring, _ request: Request, _ status: Int, _ started: ContinuousClock.Instant) {
        let elapsed = started.duration(to: .now)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("request", metadata: ["id": "\(id)", "method": "\(request.method.rawValue)", "path": "\(request.uri.path)",
                                          "status": "\(status)", "ms": "\(String(format: "%.1f", milliseconds))"])
    }
}
