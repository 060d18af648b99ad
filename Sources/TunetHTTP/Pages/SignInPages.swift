import Foundation
import Hummingbird
import TunetApp
import TunetDomain
import TunetText

/// The front page (the sign-in), signing in with a token and signing out.
extension WebPages {
    /// The sign-in form; a visitor already signed in goes to where it starts.
    func front(_ request: Request) async throws -> Response {
        if let visitor = try await visitor(request), let home = visitor.home { return Self.redirect(to: home) }
        let texts = Texts(language(request))
        let query = request.uri.queryParameters
        let notice = query.get("ut") != nil ? texts("page.signin.signed_out") : query.get("slutt") != nil ? texts("page.signin.ended") : nil
        return signInPage(request, texts, notice: notice)
    }

    /// The form again, with what went wrong tied to the token field; a new sign-in key each time.
    func signInPage(_ request: Request, _ texts: Texts, status: HTTPResponse.Status = .ok, notice: String? = nil, error: String? = nil,
                    headers: HTTPFields = [:]) -> Response {
        let key = RandomSecret.hex()
        var frame = PageFrame(texts: texts, title: texts("page.signin.title"), path: "/")
        frame.notice = notice
        if let error { frame.errors = [(field: "token", message: error)] }
        var values: [String: Any] = ["signInKey": WebSessionDesk.formKey(for: key)]
        if let error { values["tokenError"] = error }
        var response = page(templates.render("signin", frame, values), status: status, request, texts)
        response.setCookie(PageCookie.make(PageCookie.signIn, key, maxAge: nil, request: request))
        for field in headers { response.headers.append(field) }
        return response
    }

    /// The token from the form opens a session: the browser gets its secret in a cookie and goes to
    /// where it starts. Failures from one address are counted and slowed down (`SignInThrottle`).
    func signIn(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let texts = Texts(language(request))
        let form = try await smallForm(request)
        guard let key = request.cookies[PageCookie.signIn]?.value, WebSessionDesk.isFormKey(form["skjemanokkel"], of: key) else {
            return signInPage(request, texts, status: .forbidden, error: texts("page.signin.cookies"))
        }
        let token = form["token"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !token.isEmpty else { return signInPage(request, texts, status: .unprocessableContent, error: texts("page.signin.empty")) }
        let address = VisitorAddress.of(request, connection: context.remoteAddress, trustedProxies: trustedProxies)
        if let wait = throttle.attempt(from: address) {
            let seconds = max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0))
            var headers = HTTPFields()
            headers[.retryAfter] = String(seconds)
            return signInPage(request, texts, status: .tooManyRequests,
                              error: texts("page.signin.throttled", ["seconds": .integer(Int64(seconds))]), headers: headers)
        }
        let authenticating = api.authenticating
        let earlier = request.cookies[PageCookie.session]?.value
        let signedIn: SignedIn
        do {
            signedIn = try await api.offloaded {
                // A browser signing in again leaves no session of its own behind.
                if let earlier { try? WebSessionDesk(authenticating).signOut(secret: earlier) }
                return try WebSessionDesk(authenticating).signIn(token: token)
            }
        } catch let problem as Problem where problem.status == .unauthorized {
            return signInPage(request, texts, status: .unauthorized, error: texts.render(problem.detail))
        } catch let problem as Problem where problem.status == .forbidden {
            throttle.succeeded(from: address)
            return signInPage(request, texts, status: .forbidden, error: texts.render(problem.detail))
        }
        throttle.succeeded(from: address)
        let home = signedIn.principal.role == .provider ? "/gard" : "/leder"
        var response = Self.redirect(to: home)
        response.setCookie(PageCookie.make(PageCookie.session, signedIn.secret, maxAge: Int(WebSessionDesk.lifetime), request: request))
        response.setCookie(PageCookie.cleared(PageCookie.signIn, request: request))
        return response
    }

    /// Ends the session (its form key shows the form came from its own page) and goes to the front page.
    func signOut(_ request: Request) async throws -> Response {
        let form = try await smallForm(request)
        guard let secret = request.cookies[PageCookie.session]?.value, WebSessionDesk.isFormKey(form["skjemanokkel"], of: secret) else {
            return Self.redirect(to: "/")
        }
        let context = api.authenticating
        try await api.offloaded { try WebSessionDesk(context).signOut(secret: secret) }
        var response = Self.redirect(to: "/?ut=1")
        response.setCookie(PageCookie.cleared(PageCookie.session, request: request))
        return response
    }
}
