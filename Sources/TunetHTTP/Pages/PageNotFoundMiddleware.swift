import Hummingbird
import TunetText

/// An address no route answers, outside the API, gets a page that says so in the reader's language
/// and leads back to the front page, instead of an empty answer. The API's own 404s stay problem
/// documents.
struct PageNotFoundMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let pages: WebPages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && !request.uri.path.hasPrefix("/v1/") {
            let texts = Texts(pages.language(request))
            return pages.message(request, texts, visitor: nil, status: .notFound, heading: texts("page.message.not_found"),
                                 text: texts("page.message.not_found_text"))
        }
    }
}
