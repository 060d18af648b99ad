import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A browser as far as the pages are concerned: it keeps the cookies each answer sets (for this
/// service only, never in the shared cookie store) and sends them back; it does not follow redirects,
/// so a test sees each 303 and where it points.
final class PageBrowser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    struct Answer {
        let status: Int
        let html: String
        let data: Data
        let headers: [String: String]
        /// Each Set-Cookie line as sent.
        let setCookies: [String]

        var location: String? { headers["Location"] }
    }

    let base: URL
    private(set) var cookies: [String: String] = [:]
    var headers: [String: String] = [:]
    private lazy var session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)

    init(_ base: URL) { self.base = base }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func get(_ path: String) async throws -> Answer { try await send("GET", path) }

    /// A form as `application/x-www-form-urlencoded`.
    func post(_ path: String, _ fields: [(String, String)]) async throws -> Answer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        return try await send("POST", path, body: Data(body.utf8), type: "application/x-www-form-urlencoded")
    }

    func send(_ method: String, _ path: String, body: Data? = nil, type: String? = nil) async throws -> Answer {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        request.setValue("", forHTTPHeaderField: "Accept-Language")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if !cookies.isEmpty { request.setValue(cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "), forHTTPHeaderField: "Cookie") }
        if let body {
            request.httpBody = body
            if let type { request.setValue(type, forHTTPHeaderField: "Content-Type") }
        }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields { headers[String(describing: name)] = String(describing: value) }
        let lines = Self.setCookieLines(headers["Set-Cookie"])
        for line in lines {
            let pair = line.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            let expired = line.lowercased().contains("max-age=0")
            cookies[name] = expired || parts[1].isEmpty ? nil : String(parts[1])
        }
        return Answer(status: http.statusCode, html: String(decoding: data, as: UTF8.self), data: data, headers: headers, setCookies: lines)
    }

    /// Several Set-Cookie lines arrive joined by commas; no cookie value or attribute of Tunet's holds one
    /// (it sends Max-Age, not Expires).
    static func setCookieLines(_ joined: String?) -> [String] {
        (joined ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The value of the hidden field `name` in the page.
    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Opens the front page and signs in with the token, as a person pastes it.
    @discardableResult
    func signIn(_ token: String) async throws -> Answer {
        let front = try await get("/")
        return try await post("/logg-inn", [("skjemanokkel", Self.hidden("skjemanokkel", in: front.html) ?? ""), ("token", token)])
    }
}
