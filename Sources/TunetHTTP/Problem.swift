import Foundation
import Hummingbird
import TunetDomain
import TunetJSON
import TunetText

/// An error as an RFC 9457 problem document, carrying the same row-level details as the CLI. `title`
/// and `detail` are written in the language the request's `Accept-Language` asks for (bokmål when it
/// names none Tunet has); `type` and each problem's `field` stay codes for programs.
struct Problem: HTTPResponseError {
    let status: HTTPResponse.Status
    /// The code in `type`, like `invalidInput`.
    let code: String
    let detail: Message
    let problems: [FieldProblem]
    /// Problems beyond the limit, counted by field.
    let notShown: ProblemsNotShown
    /// For 405: the methods the address serves, sent as `Allow`.
    var allow: String?

    init(_ error: TunetError) {
        switch error.category {
        case .invalidInput: status = .unprocessableContent
        case .notFound: status = .notFound
        case .conflict: status = .conflict
        case .unreadableInput: status = .unprocessableContent
        case .unwritableOutput, .incompatibleDatabase, .internalFault: status = .internalServerError
        case .busy: status = .serviceUnavailable
        case .unauthorized: status = .unauthorized
        case .forbidden: status = .forbidden
        }
        code = error.category.rawValue
        // A fault on the server's side is told without its text: that names server paths (a temporary
        // export once), which are nobody's business outside.
        detail = status == .internalServerError ? Message("http.internal_error") : error.message
        problems = error.problems
        notShown = error.problemsNotShown
    }

    init(status: HTTPResponse.Status, code: String, detail: Message) {
        self.status = status
        self.code = code
        self.detail = detail
        problems = []
        notShown = ProblemsNotShown()
    }

    struct Document: Encodable {
        let type: String
        let title: String
        let status: Int
        let detail: String
        let problems: [Row]
        /// Only when problems were left out: how many more, by field.
        let problemsNotShown: [String: Int]?

        enum CodingKeys: String, CodingKey {
            case type, title, status, detail, problems
            case problemsNotShown = "problems_not_shown"
        }
    }

    /// One problem as programs and people read it: where, what was given, and why in words.
    struct Row: Encodable {
        let row: Int?
        let field: String
        let value: String?
        let reason: String
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let texts = Texts(Language.accepted(by: request.headers[.acceptLanguage]))
        let document = Document(type: "https://tunet.example/problems/\(code)", title: texts("http.title.\(code)"), status: status.code,
                                detail: texts.render(detail),
                                problems: problems.map { Row(row: $0.row, field: $0.field, value: $0.value, reason: texts.render($0.reason)) },
                                problemsNotShown: notShown.isEmpty ? nil : notShown.byField)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        headers[.contentLanguage] = texts.language.rawValue
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        if let allow { headers[.allow] = allow }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try SortedJSONEncoder().encode(document))))
    }
}
