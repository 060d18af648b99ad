import Hummingbird
import HummingbirdCore

/// The headers every answer carries, the pages' and the API's alike: no script or style from anywhere
/// but the service itself (and no inline script at all), no framing by another site, no sniffing of
/// content types, no address sent on to another site, and nothing kept in a shared cache.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[ServiceHeader.referrerPolicy] = "no-referrer"
        response.headers[ServiceHeader.frameOptions] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Header names HTTPTypes does not name.
enum ServiceHeader {
    static let referrerPolicy = HTTPFields.Element.Name("Referrer-Policy")!
    static let frameOptions = HTTPFields.Element.Name("X-Frame-Options")!
    static let forwardedProto = HTTPFields.Element.Name("X-Forwarded-Proto")!
    static let forwarded = HTTPFields.Element.Name("Forwarded")!
    static let forwardedFor = HTTPFields.Element.Name("X-Forwarded-For")!
}
