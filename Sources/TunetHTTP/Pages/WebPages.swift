import Foundation
import Hummingbird
import NIOFoundationEssentialsCompat
import TunetApp
import TunetDomain
import TunetText

/// The service's pages for people: a farm's placements, months, template and upload, and a leader's
/// reports, behind a sign-in with the token. Written on the server from templates in bokmål (English
/// on request), with plain forms and no script. Each page calls the same use cases as `/v1/`.
struct WebPages: Sendable {
    let api: API
    let templates: PageTemplates
    let throttle: SignInThrottle
    let trustedProxies: Set<String>
    let styleSheet: Data
    /// The served OpenAPI document as read, for the reference page.
    let contract: APIContract

    /// The most a sign-in or sign-out form may hold.
    static let smallFormLimit = 16 * 1024

    init(api: API, throttle: SignInThrottle = SignInThrottle(), trustedProxies: Set<String> = [], contract: APIContract? = nil) throws {
        self.api = api
        self.contract = try contract ?? APIContract.load()
        self.trustedProxies = trustedProxies
        templates = try PageTemplates.load()
        styleSheet = try PageTemplates.styleSheet()
        self.throttle = throttle
    }

    var today: LocalDate { api.fixedToday ?? OsloTime.today() }

    // MARK: The reader's language

    /// `?lang=` (remembered in a cookie), else the cookie, else what `Accept-Language` asks for (bokmål when it names none Tunet has).
    func language(_ request: Request) -> Language {
        if let chosen = request.uri.queryParameters.get("lang").flatMap({ Language(code: String($0)) }) { return chosen }
        if let chosen = request.cookies[PageCookie.language].flatMap({ Language(code: $0.value) }) { return chosen }
        return Language.accepted(by: request.headers[.acceptLanguage])
    }

    /// A page answered, remembering a language chosen with `?lang=` for the pages that follow.
    func page(_ html: String, status: HTTPResponse.Status = .ok, _ request: Request, _ texts: Texts) -> Response {
        var response = Response.html(html, status: status, language: texts.language)
        if let chosen = request.uri.queryParameters.get("lang").flatMap({ Language(code: String($0)) }) {
            response.setCookie(PageCookie.make(PageCookie.language, chosen.rawValue, maxAge: 365 * 24 * 3600, request: request))
        }
        return response
    }

    static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    // MARK: Sessions

    /// Who the session cookie stands for; nil without a cookie or when its session has ended.
    func visitor(_ request: Request) async throws -> Visitor? {
        guard let secret = request.cookies[PageCookie.session]?.value, !secret.isEmpty else { return nil }
        let context = api.authenticating
        do {
            return try await api.offloaded {
                let (_, principal) = try WebSessionDesk(context).session(secret: secret)
                var farmName: String?
                if let number = principal.provider {
                    farmName = try ProviderDesk(context.acting(as: principal.actor, today: context.today)).name(of: number)
                }
                return Visitor(secret: secret, principal: principal, farmName: farmName)
            }
        } catch let problem as Problem where problem.status == .unauthorized {
            return nil
        }
    }

    /// The page `body` makes for a visitor in one of `roles`; without a session, the way to the sign-in
    /// (saying the session ended when there was one), and for another role a page saying it has no access.
    func forVisitor(_ request: Request, roles: Set<TokenRole>,
                    _ body: (Visitor, Texts) async throws -> Response) async throws -> Response {
        let texts = Texts(language(request))
        guard let visitor = try await visitor(request) else {
            var response = Self.redirect(to: request.cookies[PageCookie.session] == nil ? "/" : "/?slutt=1")
            if request.cookies[PageCookie.session] != nil { response.setCookie(PageCookie.cleared(PageCookie.session, request: request)) }
            return response
        }
        guard roles.contains(visitor.principal.role) else {
            let refusal = visitor.principal.role == .provider ? "service.reports_for_leaders" : "service.farm_endpoint_only"
            return message(request, texts, visitor: visitor, status: .forbidden, heading: texts("page.message.forbidden"), text: texts(refusal),
                           path: request.uri.path)
        }
        return try await body(visitor, texts)
    }

    /// A page that says one thing: a refusal, a page that does not exist.
    /// `path` is where the page's language link leads: the front page unless the page is one of Tunet's.
    func message(_ request: Request, _ texts: Texts, visitor: Visitor?, status: HTTPResponse.Status, heading: String, text: String,
                 path: String = "/") -> Response {
        let frame = PageFrame(texts: texts, title: heading, visitor: visitor, path: path)
        return page(templates.render("message", frame, ["heading": heading, "text": text]), status: status, request, texts)
    }

    /// A form posted as `application/x-www-form-urlencoded`, read up to `smallFormLimit`.
    func smallForm(_ request: Request) async throws -> [String: String] {
        let held = try await api.bodies.collect(request.body, upTo: Self.smallFormLimit, statedLimit: Self.smallFormLimit)
        defer { api.bodies.release(held) }
        return Self.fields(String(buffer: held.buffer))
    }

    /// `a=1&b=x+y`: each field's first value, `+` a space, `%XX` a byte.
    static func fields(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String { String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            let name = decoded(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decoded(parts[1]) : "" }
        }
        return fields
    }

    func styleSheet(_ request: Request) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/css; charset=utf-8"
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: styleSheet)))
    }
}
