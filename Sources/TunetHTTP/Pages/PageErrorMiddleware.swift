import Hummingbird
import TunetText

/// What goes wrong outside the API is answered with a page in the reader's language that leads back
/// to the front page, never an empty answer or a problem document: an address no page has (404), a
/// body too large or a service too busy for it (413, 503), a refusal the page itself did not show.
/// The API's answers (`/v1/`, `/health`) stay problem documents.
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let pages: WebPages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPResponseError where !Self.isAPI(request.uri.path) {
            let texts = Texts(pages.language(request))
            if let problem = error as? Problem {
                var page = pages.message(request, texts, visitor: nil, status: problem.status, heading: texts("http.title.\(problem.code)"),
                                         text: texts.render(problem.detail))
                if let allow = problem.allow { page.headers[.allow] = allow }
                return page
            }
            guard error.status == .notFound else { throw error }
            return pages.message(request, texts, visitor: nil, status: .notFound, heading: texts("page.message.not_found"),
                                 text: texts("page.message.not_found_text"))
        }
    }

    static func isAPI(_ path: String) -> Bool { path.hasPrefix("/v1/") || path == "/health" || path == "/openapi.yaml" }
}
