import Foundation
import Hummingbird
import TunetApp
import TunetDomain
import TunetText

/// Someone signed in to the pages: the session's secret (from the cookie), who the session stands
/// for, and the key its forms carry.
struct Visitor {
    let secret: String
    let principal: Principal
    /// The farm's name, for a farm's session.
    let farmName: String?

    var formKey: String { WebSessionDesk.formKey(for: secret) }

    /// Where the visitor starts: a farm at its farm, a leader or a work team at the reports.
    var home: String? {
        switch principal.role {
        case .provider: "/gard"
        case .leader, .workTeam: "/leder"
        case .national: nil
        }
    }

    func name(_ texts: Texts) -> String {
        if let farmName, let number = principal.provider { return "\(farmName) (\(number.digits))" }
        return texts.format(principal.role.labelValue)
    }

    func menu(_ texts: Texts) -> [PageFrame.Link] {
        switch principal.role {
        case .provider:
            [PageFrame.Link(href: "/gard", label: texts("page.common.farm_nav"), current: false),
             PageFrame.Link(href: "/gard/maned", label: texts("page.common.month_nav"), current: false)]
        case .leader, .workTeam:
            [PageFrame.Link(href: "/leder", label: texts("page.common.reports_nav"), current: false),
             PageFrame.Link(href: "/leder/api", label: texts("page.common.reference_nav"), current: false)]
        case .national:
            []
        }
    }
}

/// The cookies the pages use. Each is `HttpOnly` (no script reads it), `SameSite=Strict` (no other site's
/// page sends it), for the whole service, and `Secure` when the service is reached over TLS.
enum PageCookie {
    /// The session's secret, for its lifetime.
    static let session = "tunet_okt"
    /// The sign-in form's key, before there is a session (a form on another site cannot sign a browser in).
    static let signIn = "tunet_inn"
    /// The language chosen with `?lang=`.
    static let language = "tunet_sprak"

    /// Without `maxAge`, the cookie lasts as long as the browser is open.
    static func make(_ name: String, _ value: String, maxAge: Int?, request: Request) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: overTLS(request), httpOnly: true, sameSite: .strict)
    }

    static func cleared(_ name: String, request: Request) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: overTLS(request), httpOnly: true, sameSite: .strict)
    }

    /// Whether the browser reached the service over TLS: through a reverse proxy that says so
    /// (`X-Forwarded-Proto: https` or `Forwarded: proto=https`). A client that claims it falsely only
    /// keeps its own cookies from being sent back over plain HTTP.
    static func overTLS(_ request: Request) -> Bool {
        if request.headers[ServiceHeader.forwardedProto]?.lowercased().split(separator: ",").first?.trimmingCharacters(in: .whitespaces) == "https" { return true }
        return request.headers[ServiceHeader.forwarded]?.lowercased().contains("proto=https") ?? false
    }
}
