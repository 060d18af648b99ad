import Foundation
import Hummingbird
import Logging
import TunetDomain

/// A failure of the service itself rather than of the request (a file it could not write, a database
/// it could not use, a fault in Tunet): answered with a 500 that says only that an internal error
/// was logged, never a path or a message meant for the operator, and logged with its kind and where
/// it happened. The log line never holds the error's text or arguments, which may name a participant
/// or quote a file: only the kind of error and the place in Tunet's code.
struct ServerFault: Error {
    /// What kind of error it was, in words that hold no personal data.
    let kind: String
    /// Where in the service it surfaced: the source file and line of the use case's call, else the route.
    let location: String

    init(_ error: any Error, at location: String) {
        kind = Self.kind(of: error)
        self.location = location
    }

    /// The error's type and code: a Tunet error's category and message key, a system error's domain and number.
    static func kind(of error: any Error) -> String {
        if let tunet = error as? TunetError {
            return "TunetError.\(tunet.category.rawValue) \(tunet.message.key)"
        }
        let system = error as NSError
        return "\(String(reflecting: type(of: error))) \(system.domain) \(system.code)"
    }

    /// The answer a person or a program sees: no detail beyond "an internal error, logged".
    static let answer = Problem(status: .internalServerError, code: "internalFault", detail: Message("http.internal_error"))

    /// Logs the fault under the request's id, method and path (never its query, body or token).
    func log(_ logger: Logger, id: Substring, request: Request) {
        logger.error("internal error", metadata: ["id": "\(id)", "method": "\(request.method.rawValue)", "path": "\(request.uri.path)",
                                                  "kind": "\(kind)", "at": "\(location)"])
    }
}
