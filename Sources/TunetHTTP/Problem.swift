import Foundation
import Hummingbird
import TunetDomain
import TunetJSON

/// An error as an RFC 9457 problem document, carrying the same row-level details as the CLI.
struct Problem: HTTPResponseError {
    let status: HTTPResponse.Status
    let title: String
    let detail: String
    let problems: [FieldProblem]

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
        title = error.category.rawValue
        detail = error.category == .internalFault ? "An internal error occurred; it has been logged." : error.message
        problems = error.problems
    }

    init(status: HTTPResponse.Status, title: String, detail: String) {
        self.status = status
        self.title = title
        self.detail = detail
        problems = []
    }

    struct Document: Encodable {
        let type: String
        let title: String
        let status: Int
        let detail: String
        let problems: [FieldProblem]
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let document = Document(type: "https://tunet.example/problems/\(title)", title: title, status: status.code, detail: detail, problems: problems)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try SortedJSONEncoder().encode(document))))
    }
}
