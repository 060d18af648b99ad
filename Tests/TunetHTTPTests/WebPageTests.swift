import Foundation
import Hummingbird
import NIOCore
import Testing
import TunetTestSupport
@testable import TunetApp
import TunetDomain
import TunetFiles
import TunetStorage
@testable import TunetHTTP

/// Lia gård's P-2026-0101 is planned on Mondays in May and June 2026; the server's today is 10 June 2026.
@Suite("The web pages: sign-in with a session, a farm's months and uploads, a leader's reports")
struct WebPageTests {
    static let security = [
        "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
    ]

    @Test("The front page is the sign-in form in bokmål with no script and the security headers; English by ?lang=en, then remembered")
    func front() async throws {
        let service = try await RunningService()
        let browser = PageBrowser(service.base)
        let front = try await browser.get("/")
        #expect(front.status == 200)
        #expect(front.html.contains("<html lang=\"nb\">"))
        #expect(front.html.contains("<h1>Logg inn i Tunet</h1>"))
        #expect(front.html.contains("<label for=\"token\">Nøkkel</label>"))
        #expect(front.html.contains("<input id=\"token\" name=\"token\" type=\"password\""))
        #expect(!front.html.contains("<script") && !front.html.contains("style=\""))
        for (name, value) in Self.security { #expect(front.headers[name] == value, "\(name)") }
        #expect(front.headers["Cache-Control"] == "no-store")
        let api = try await service.request("GET", "/v1/placements", token: service.lia)
        #expect(api.headers["X-Frame-Options"] as? String == "DENY", "the API's answers carry them too")
        let english = try await browser.get("/?lang=en")
        #expect(english.html.contains("<html lang=\"en\">") && english.html.contains("<h1>Sign in to Tunet</h1>"))
        #expect(try await browser.get("/").html.contains("<h1>Sign in to Tunet</h1>"), "the choice is remembered")
        let missing = try await browser.get("/finnes-ikke//evil.example")
        #expect(missing.status == 404 && missing.html.contains("<h1 class=\"refused\">Page not found</h1>"), "an address no page has, in the chosen language")
        #expect(missing.html.contains("<a href=\"/?lang=nb\" hreflang=\"nb\""), "its language link stays on the service")
        #expect(!missing.html.contains("evil.example"))
        #expect(try await browser.get("/logg-inn").location == "/", "a form's address opened by hand leads to its page")
        let api404 = try await service.request("GET", "/v1/finnes-ikke", token: service.lia)
        #expect(api404.status == 404 && !String(decoding: api404.data, as: UTF8.self).contains("<html"), "the API's 404 is no page")
        let css = try await browser.get("/stil.css")
        #expect(css.status == 200 && css.headers["Content-Type"] == "text/css; charset=utf-8" && css.html.contains(":focus-visible"))
        await service.stop()
    }

    @Test("Signing in sets an HttpOnly, SameSite=Strict session cookie, Secure behind TLS; the token is in no page, address or log; signing out ends it")
    func session() async throws {
        let log = CapturedLog()
        let service = try await RunningService(log: log)
        let browser = PageBrowser(service.base)
        let signedIn = try await browser.signIn(service.lia)
        #expect(signedIn.status == 303)
        #expect(signedIn.location == "/gard")
        let cookie = try #require(signedIn.setCookies.first { $0.hasPrefix("tunet_okt=") })
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Max-Age=28800") && cookie.contains("Path=/"))
        #expect(!cookie.contains("Secure"))
        #expect(!cookie.contains(service.lia))
        let farm = try await browser.get("/gard")
        #expect(farm.status == 200)
        #expect(farm.html.contains("Logget inn som Lia gård (974760673)"))
        #expect(!farm.html.contains(service.lia))
        #expect(!log.lines.contains { $0.contains(service.lia) || $0.contains(browser.cookies["tunet_okt"] ?? "-") })
        let audit = try service.context.read { try $0.auditEvents(AuditQuery(entity: "web_session")) }
        #expect(audit.map(\.action) == ["sign_in"])
        #expect(audit.first?.actor == "provider 974760673 (token 1)")

        let behindProxy = PageBrowser(service.base)
        behindProxy.headers["X-Forwarded-Proto"] = "https"
        #expect(try await behindProxy.signIn(service.lia).setCookies.first { $0.hasPrefix("tunet_okt=") }?.contains("Secure") == true)

        let signOut = try await browser.post("/logg-ut", [("skjemanokkel", PageBrowser.hidden("skjemanokkel", in: farm.html) ?? "")])
        #expect(signOut.status == 303 && signOut.location == "/?ut=1")
        #expect(browser.cookies["tunet_okt"] == nil)
        #expect(try await browser.get("/?ut=1").html.contains("Du er logget ut."))
        #expect(try service.context.read { try $0.auditEvents(AuditQuery(entity: "web_session")) }.map(\.action) == ["sign_in", "sign_in", "sign_out"])
        await service.stop()
    }

    @Test("A session ends with its token: once the token is revoked, the stolen cookie opens nothing")
    func revoked() async throws {
        let service = try await RunningService()
        let browser = PageBrowser(service.base)
        try await browser.signIn(service.lia)
        let kept = browser.cookies["tunet_okt"]
        #expect(try await browser.get("/gard").status == 200)
        let id = try #require(try TokenDesk(service.context).list().first { $0.provider?.digits == "974760673" }?.id)
        _ = try TokenDesk(service.context).revoke(id)
        let after = try await browser.get("/gard")
        #expect(after.status == 303 && after.location == "/?slutt=1")
        #expect(browser.cookies["tunet_okt"] == nil)
        let thief = PageBrowser(service.base)
        thief.headers["Cookie"] = "tunet_okt=\(kept ?? "")"
        let stolen = try await thief.get("/gard")
        #expect(stolen.status == 303 && stolen.location == "/?slutt=1")
        #expect(try await PageBrowser(service.base).get("/?slutt=1").html.contains("Økten er over. Logg inn på nytt."))
        await service.stop()
    }

    @Test("A wrong token is refused beside its field in bokmål; a form without the page's key is refused and changes nothing")
    func refusedSignIn() async throws {
        let service = try await RunningService()
        let browser = PageBrowser(service.base)
        let wrong = try await browser.signIn("tunet_" + String(repeating: "a", count: 64))
        #expect(wrong.status == 401)
        #expect(wrong.html.contains("<p id=\"token-feil\" class=\"field-error\">Tilgangsnøkkelen er ikke gyldig.</p>"))
        #expect(wrong.html.contains("aria-describedby=\"token-hint token-feil\" aria-invalid=\"true\""))
        #expect(wrong.html.contains("<li><a href=\"#token\">Tilgangsnøkkelen er ikke gyldig.</a></li>"))
        let empty = try await browser.signIn("  ")
        #expect(empty.status == 422 && empty.html.contains("Lim inn nøkkelen dere fikk fra kommunen."))
        let national = try TokenDesk(service.context).issue(TokenRequest(role: "national")).token
        let reader = PageBrowser(service.base)
        let nationalRefused = try await reader.signIn(national)
        #expect(nationalRefused.status == 403 && nationalRefused.html.contains("/v1/figures") && reader.cookies["tunet_okt"] == nil,
                "a national reader has no pages")
        let forged = PageBrowser(service.base)
        let noKey = try await forged.post("/logg-inn", [("token", service.lia)])
        #expect(noKey.status == 403 && noKey.html.contains("må ta imot informasjonskapsler"))
        #expect(forged.cookies["tunet_okt"] == nil)

        try await browser.signIn(service.lia)
        let form = formBody([("maned", "2026-05")], file: ("mai.csv", mayCSV))
        let withoutKey = try await browser.send("POST", "/gard/opplasting", body: form.body, type: form.type)
        #expect(withoutKey.status == 403)
        #expect(withoutKey.html.contains("Skjemaet kom ikke fra siden i denne økten"))
        #expect(try service.attendanceCount() == 0)
        await service.stop()
    }

    @Test("Failed sign-ins from one address are slowed down: after the free ones, even the right token waits its turn")
    func throttled() async throws {
        let service = try await RunningService { $0.signInThrottle = SignInThrottle(freeFailures: 2, firstWait: .seconds(60)) }
        let browser = PageBrowser(service.base)
        for _ in 0..<2 { #expect(try await browser.signIn("tunet_" + String(repeating: "b", count: 64)).status == 401) }
        let waiting = try await browser.signIn(service.lia)
        #expect(waiting.status == 429)
        #expect((1...60).contains(Int(waiting.headers["Retry-After"] ?? "") ?? 0), "the seconds left of the first wait")
        #expect(waiting.html.contains("For mange mislykkede forsøk fra denne adressen. Vent"))
        #expect(browser.cookies["tunet_okt"] == nil)
        await service.stop()
    }

    @Test("Failures are counted by visitor: the connection's address, or behind a trusted proxy the last address it did not add; IPv6 by its /64")
    func visitorAddress() throws {
        func request(_ forwarded: String?) -> Request {
            var headers = HTTPFields()
            if let forwarded { headers[ServiceHeader.forwardedFor] = forwarded }
            return Request(head: HTTPRequest(method: .post, scheme: "http", authority: "tunet", path: "/logg-inn", headerFields: headers), body: .init(buffer: .init()))
        }
        let proxy = try SocketAddress(ipAddress: "10.0.0.5", port: 40000)
        let trusted: Set<String> = ["10.0.0.5", "10.0.0.6"]
        #expect(VisitorAddress.of(request("203.0.113.9"), connection: proxy, trustedProxies: []) == "10.0.0.5", "an untrusted proxy's header is ignored")
        #expect(VisitorAddress.of(request("1.2.3.4, 203.0.113.9, 10.0.0.6"), connection: proxy, trustedProxies: trusted) == "203.0.113.9")
        #expect(VisitorAddress.of(request(nil), connection: proxy, trustedProxies: trusted) == "10.0.0.5")
        #expect(VisitorAddress.of(request(nil), connection: try SocketAddress(ipAddress: "2001:db8:1:2:aaaa::1", port: 1), trustedProxies: []) == "2001:db8:1:2::/64")
        #expect(VisitorAddress.network(of: "2001:db8:1:2:bbbb:cccc:dddd:eeee") == "2001:db8:1:2::/64")
        #expect(VisitorAddress.network(of: "::ffff:192.0.2.1") == "192.0.2.1")
        var settings = TunetServer.Settings()
        #expect(settings.trust(proxies: ["10.0.0.5", " fd00::5 "]) == nil && settings.trustedProxies == ["10.0.0.5", "fd00::5"])
        #expect(settings.trust(proxies: ["proxy.kommune.no"]) == "proxy.kommune.no")
    }

    @Test("The throttle doubles each wait up to its longest, forgets old failures, and remembers a bounded number of addresses")
    func throttleRules() {
        let throttle = SignInThrottle(freeFailures: 3, firstWait: .seconds(1), longestWait: .seconds(8), memory: .seconds(60), capacity: 2)
        #expect([2, 3, 4, 5, 6, 7].map(throttle.delay(after:)) == [.zero, .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
        let start = ContinuousClock.now
        #expect((0..<3).map { _ in throttle.attempt(from: "a", now: start) } == [nil, nil, nil])
        #expect(throttle.attempt(from: "a", now: start) == .seconds(1), "attempts sent at once are all counted: the fourth waits")
        throttle.failed(from: "a", now: start)
        #expect(throttle.wait(for: "a", now: start) == .seconds(2))
        #expect(throttle.wait(for: "a", now: start + .seconds(2)) == nil)
        #expect(throttle.wait(for: "a", now: start + .seconds(61)) == nil, "failures older than the memory are forgotten")
        for _ in 0..<4 { throttle.failed(from: "b", now: start) }
        throttle.failed(from: "c", now: start + .seconds(1))
        throttle.failed(from: "d", now: start + .seconds(2))
        #expect(throttle.wait(for: "b", now: start) == nil, "the quietest address is forgotten when the table is full")
        let fresh = SignInThrottle(freeFailures: 1)
        #expect(fresh.attempt(from: "e") == nil)
        fresh.succeeded(from: "e")
        #expect(fresh.attempt(from: "e") == nil, "a sign-in that succeeded takes back the failure its attempt was counted as")
    }

    @Test("A farm sees its placements by code only, its month, its template; a leader's session is shown no farm page")
    func farmPages() async throws {
        let service = try await RunningService()
        let browser = PageBrowser(service.base)
        try await browser.signIn(service.lia)
        let farm = try await browser.get("/gard")
        #expect(farm.html.contains("<h1>Lia gård</h1>"))
        #expect(farm.html.contains("<tr><th scope=\"row\">P-2026-0101</th><td>demens (dagaktivitet)</td><td>man</td><td>01.05.2026–30.06.2026</td><td>aktiv</td></tr>"))
        #expect(!farm.html.contains("Kari Nordmann"))
        #expect(!farm.html.contains("P-2026-0200"), "another farm's participant")
        #expect(farm.html.contains("<a href=\"/gard/maned?maned=2026-06\">juni 2026</a>"))
        let june = try await browser.get("/gard/maned?maned=2026-06")
        #expect(june.html.contains("<h1>Oppmøte for juni 2026</h1>"))
        #expect(june.html.contains("<tr><th scope=\"row\">P-2026-0101</th><td class=\"number\">5</td><td class=\"number\">0</td><td class=\"number missing\">2</td><td>01.06.2026, 08.06.2026</td></tr>"))
        let badMonth = try await browser.get("/gard/maned?maned=2026-13")
        #expect(badMonth.status == 422)
        #expect(badMonth.html.contains("<li><a href=\"#maned\">"))
        #expect(badMonth.html.contains("value=\"2026-13\" aria-describedby=\"maned-hint maned-feil\" aria-invalid=\"true\""), "what was typed stays, tied to its error")
        let edge = try await browser.get("/gard/maned?maned=9999-12")
        #expect(edge.status == 422 && edge.html.contains("Velg en måned mellom 2000-01 og 2099-12."), "the calendar's last month is refused, not a crash")
        #expect(try await browser.get("/gard").status == 200, "and the service still answers")
        let template = try await browser.get("/gard/mal?maned=2026-06")
        #expect(template.status == 200 && template.data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(try XLSXReader(data: template.data, name: "mal.xlsx").sheetNames == ["Veiledning", "Oppmøte"])

        let leader = PageBrowser(service.base)
        #expect(try await leader.signIn(service.leader).location == "/leder")
        let refused = try await leader.get("/gard")
        #expect(refused.status == 403 && refused.html.contains("Dette endepunktet er for gårdene"))
        #expect(try await PageBrowser(service.base).get("/gard").location == "/", "without a session, the sign-in")
        await service.stop()
    }

    @Test("An upload from the month page says what was stored; refused rows come back in a table with the marked sheet to download, nothing stored, text never markup")
    func upload() async throws {
        let service = try await RunningService()
        let browser = PageBrowser(service.base)
        try await browser.signIn(service.lia)
        func send(_ name: String, _ data: Data) async throws -> PageBrowser.Answer {
            let month = try await browser.get("/gard/maned?maned=2026-05")
            let form = formBody([("skjemanokkel", PageBrowser.hidden("skjemanokkel", in: month.html) ?? ""), ("maned", "2026-05")], file: (name, data))
            return try await browser.send("POST", "/gard/opplasting", body: form.body, type: form.type)
        }
        let twice = Data("orgnr;deltaker;dato;status\n974760673;P-2026-0101;04.05.2026;M\n974760673;<b>P</b>;04.05.2026;FM\n974760673;P-2026-0101;11.05.2026;X\n".utf8)
        let refused = try await send("<i>mai</i>.csv", twice)
        #expect(refused.status == 422)
        #expect(refused.html.contains("<h1 class=\"refused\">Filen ble ikke tatt imot</h1>"))
        #expect(refused.html.contains("<p>Ingenting ble lagret: filen har 2 feil. Rett dem og send hele filen på nytt.</p>"))
        #expect(refused.html.contains("<tr><td class=\"number\">3</td><td>Deltaker</td><td>&lt;b&gt;P&lt;/b&gt;</td>"))
        #expect(refused.html.contains("<tr><td class=\"number\">4</td><td>Oppmøte</td><td>X</td><td>«X» er ikke en oppmøtekode"))
        #expect(!refused.html.contains("<b>P</b>") && !refused.html.contains("<i>mai</i>"))
        let link = try #require(refused.html.range(of: "href=\"data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,"))
        let encoded = String(refused.html[link.upperBound...].prefix { $0 != "\"" })
        let marked = try #require(Data(base64Encoded: encoded))
        let cells = try XLSXReader(data: marked, name: "feil.xlsx").records(sheet: nil).map(\.fields)
        #expect(cells.first?.last == "Feil")
        #expect(cells[2].last?.contains("Deltaker:") == true && cells[3].last?.contains("Oppmøte:") == true && cells[1].count == 4)
        #expect(try service.attendanceCount() == 0)

        let stored = try await send("mai.csv", mayCSV)
        #expect(stored.status == 201)
        #expect(stored.html.contains("<h1 class=\"ok\">Oppmøtelisten er tatt imot</h1>"))
        #expect(stored.html.contains("<p>Importerte 2 rader fra mai.csv for 974760673 (mai 2026): 2 nye, 0 endret, 0 uendret.</p>"))
        #expect(stored.html.contains("<tr><th scope=\"row\">Nye dager</th><td class=\"number\">2</td></tr>"))
        #expect(try service.attendanceCount() == 1)
        let again = try await send("mai.csv", mayCSV)
        #expect(again.status == 200 && again.html.contains("<h1 class=\"ok\">Denne filen er sendt før</h1>"))
        let farm = try await browser.get("/gard")
        #expect(farm.html.contains("<td>mai.csv</td><td>mai 2026</td><td class=\"number\">2</td><td class=\"number\">2</td>"))
        let noFile = try await send("", Data())
        #expect(noFile.status == 422 && noFile.html.contains("<p id=\"fil-feil\" class=\"field-error\">Velg en fil før du sender.</p>"))
        await service.stop()

        let small = try await RunningService(bodyLimit: 1024)
        let farmer = PageBrowser(small.base)
        try await farmer.signIn(small.lia)
        let month = try await farmer.get("/gard/maned?maned=2026-05")
        let large = formBody([("skjemanokkel", PageBrowser.hidden("skjemanokkel", in: month.html) ?? "")], file: ("stor.csv", Data(count: 200_000)))
        let tooLarge = try await farmer.send("POST", "/gard/opplasting", body: large.body, type: large.type)
        #expect(tooLarge.status == 413 && tooLarge.html.contains("<p id=\"fil-feil\" class=\"field-error\">"), "a file too large is said beside the field, as a page")
        #expect(try small.attendanceCount() == 0)
        await small.stop()
    }

    @Test("A leader downloads any report as xlsx; a bad date comes back beside its field; a municipality outside the token is refused")
    func reports() async throws {
        let service = try await RunningService()
        let kongsberg = try TokenDesk(service.context).issue(TokenRequest(role: "leader", municipalities: ["3303"])).token
        let browser = PageBrowser(service.base)
        try await browser.signIn(kongsberg)
        let page = try await browser.get("/leder")
        #expect(page.html.contains("<h2 id=\"rapport-placements\">Plasseringer</h2>"))
        #expect(page.html.contains("Den tar bare med kommunene nøkkelen din gir tilgang til: 3303 Kongsberg."))
        #expect(page.html.contains("<option value=\"3303\">3303 Kongsberg</option>") && !page.html.contains("<option value=\"0301\">"))
        #expect(!page.html.contains("rapport-audit"), "the audit log is for the whole service only")
        #expect(page.html.contains("<label for=\"invoice-basis-gard\">Gårdens organisasjonsnummer</label>"))
        let report = try await browser.get("/leder/rapport?rapport=placements&fra=&til=&kommune=3303&sprak=en")
        #expect(report.status == 200 && report.headers["Content-Disposition"] == "attachment; filename=\"placements.xlsx\"")
        #expect(try DemoService.cells(report.data).contains("P-2026-0101"))
        let badDate = try await browser.get("/leder/rapport?rapport=placements&fra=31.02.2026&til=&kommune=&sprak=nb")
        #expect(badDate.status == 422)
        #expect(badDate.html.contains("<li><a href=\"#placements-fra\">«31.02.2026» er ikke en dag i kalenderen</a></li>"))
        #expect(badDate.html.contains("value=\"31.02.2026\" aria-describedby=\"placements-periode placements-fra-feil\" aria-invalid=\"true\""))
        let outside = try await browser.get("/leder/rapport?rapport=placements&kommune=0301")
        #expect(outside.status == 403 && outside.html.contains("<div class=\"error-summary\" role=\"alert\""))
        #expect(!outside.html.contains("#nil") && !outside.html.contains("href=\"#\""), "a problem of the whole request links nowhere")
        #expect(outside.html.contains("<a href=\"/leder/rapport?rapport=placements&amp;kommune=0301&amp;lang=en\""), "English keeps what was asked")
        let unknownFarm = try await browser.get("/leder/rapport?rapport=invoice-basis&fra=01.05.2026&til=31.05.2026&gard=923609024")
        #expect(unknownFarm.status == 422 && unknownFarm.html.contains("<li><a href=\"#invoice-basis-gard\">"))
        let unknownReport = try await browser.get("/leder/rapport?rapport=ukjent")
        #expect(unknownReport.status == 422 && unknownReport.html.contains("<div class=\"error-summary\""))
        #expect(!unknownReport.html.contains("#nil"))
        await service.stop()
    }
}
