import Hummingbird
import TunetDomain

/// Holds the service to its OpenAPI document before a route is reached: a method the document does not
/// declare on a path it declares is 405 with `Allow` (the pages' addresses likewise, by `TunetServer.pages`),
/// and a parameter the document's schema refuses (its pattern, enum, type, date format, minimum length, or
/// a required one missing) is 422 naming each such field; a path value it refuses is 404. What the schema allows goes on to the route, whose
/// use case applies the rules no schema can say (a farm that exists, a month within an agreement).
struct ContractMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let contract: APIContract
    /// The pages' routes (README, "The web pages"), which the document leaves out.
    let pages: [(method: String, path: String)]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let method = request.method.rawValue
        let found = contract.operations(at: path)
        if !found.isEmpty {
            let declared = found.map(\.operation.method)
            guard let match = found.first(where: { Self.serves($0.operation.method, method) }) else {
                throw Problem.methodNotAllowed(method, allowed: declared)
            }
            try Self.check(match.operation, request, pathValues: match.values)
        } else {
            let declared = pages.filter { $0.path == path }.map(\.method)
            if !declared.isEmpty, !declared.contains(where: { Self.serves($0, method) }) {
                throw Problem.methodNotAllowed(method, allowed: declared)
            }
        }
        return try await next(request, context)
    }

    /// A route for `declared` answers `method`; HEAD is answered wherever GET is.
    static func serves(_ declared: String, _ method: String) -> Bool {
        declared == method || (method == "HEAD" && declared == "GET")
    }

    /// Every parameter of the operation given as its schema allows, and every required one given.
    static func check(_ operation: APIContract.Operation, _ request: Request, pathValues: [String: String]) throws {
        var problems: [FieldProblem] = []
        let query = request.uri.queryParameters
        for parameter in operation.parameters {
            let value: String?
            switch parameter.location {
            case "path": value = pathValues[parameter.name]
            case "query": value = query.get(parameter.name).map { String($0) }
            default: continue
            }
            guard let value else {
                if parameter.required {
                    let reason = parameter.example.map { Message("http.parameter.required_example", ["name": .text(parameter.name), "example": .text($0)]) }
                    problems.append(FieldProblem(field: parameter.name, reason: reason ?? Message("http.parameter.required")))
                }
                continue
            }
            guard let reason = parameter.refusal(value) else { continue }
            // A path the document does not have is no resource: not found, as the route would answer.
            if parameter.location == "path" {
                throw Problem(status: .notFound, code: "notFound",
                              detail: Message("http.path_value_unknown", ["field": .text(parameter.name), "value": .text(value)]))
            }
            problems.append(FieldProblem(field: parameter.name, value: value, reason: reason))
        }
        if !problems.isEmpty { throw Problem(.invalidInput(problems)) }
    }
}

extension Problem {
    /// 405 for a method the address does not serve, with `Allow` listing those it does (HEAD wherever GET is).
    static func methodNotAllowed(_ method: String, allowed declared: [String]) -> Problem {
        let served = Set(declared + (declared.contains("GET") ? ["HEAD"] : []))
        let order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
        let allow = (order.filter(served.contains) + served.subtracting(order).sorted()).joined(separator: ", ")
        var problem = Problem(status: .methodNotAllowed, code: "methodNotAllowed",
                              detail: Message("http.method_not_allowed", ["method": .text(method), "allowed": .text(allow)]))
        problem.allow = allow
        return problem
    }
}
