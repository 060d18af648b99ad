import Foundation
import TunetDomain
import Yams

/// The operations of the served OpenAPI document, read once at start: the service answers an undeclared
/// method on a declared path with 405 (`ContractMiddleware`), refuses a parameter exactly where the
/// document's schema refuses it, and writes the reference page (`ReferencePages`) from the same reading.
/// Yams reads the YAML (Foundation has no YAML reader); only the parts named here are read.
struct APIContract: Sendable {
    struct Parameter: Sendable {
        let name: String
        /// `query` or `path`.
        let location: String
        let required: Bool
        let description: String?
        let type: String
        let format: String?
        let pattern: String?
        let values: [String]
        let minLength: Int?
        let example: String?

        /// Why `value` does not conform to the parameter's schema, or nil when it does.
        func refusal(_ value: String) -> Message? {
            if !values.isEmpty {
                return values.contains(value) ? nil : Message("http.parameter.one_of", ["value": .text(value), "values": .text(values.joined(separator: ", "))])
            }
            switch type {
            case "integer" where Int64(value) == nil || value.hasPrefix("+"):
                return Message("http.parameter.integer")
            case "boolean" where value != "true" && value != "false":
                return Message("http.parameter.boolean")
            default: break
            }
            if let minLength, value.count < minLength { return Message("http.parameter.empty") }
            if format == "date", !Self.isDate(value) { return Message("http.parameter.date") }
            if let pattern, !Self.matches(value, pattern) { return Message("http.parameter.pattern", ["pattern": .text(pattern)]) }
            return nil
        }

        /// A full date as RFC 3339 writes it (`2026-11-23`), and a day that exists.
        static func isDate(_ value: String) -> Bool {
            let parts = value.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
            return LocalDate(year: year, month: month, day: day) != nil
        }

        /// JSON Schema's pattern: a search anywhere in the value unless anchored; `^…$` is the whole value
        /// (matched whole, so that a trailing line break does not slip past `$`).
        static func matches(_ value: String, _ pattern: String) -> Bool {
            var body = pattern
            let anchored = body.hasPrefix("^") && body.hasSuffix("$") && !body.hasSuffix("\\$")
            if anchored { body = String(body.dropFirst().dropLast()) }
            guard let regex = try? Regex(body) else { return false }
            return anchored ? (try? regex.wholeMatch(in: value)) != nil : (try? regex.firstMatch(in: value)) != nil
        }
    }

    struct Answer: Sendable {
        let status: String
        let description: String
        let mediaTypes: [String]
    }

    struct Operation: Sendable {
        let method: String
        let path: String
        let summary: String
        let description: String?
        let parameters: [Parameter]
        let requestMediaTypes: [String]
        let answers: [Answer]
        let needsToken: Bool

        var segments: [Substring] { path.split(separator: "/") }
    }

    let title: String
    let version: String
    let operations: [Operation]

    static let methods = ["get", "put", "post", "delete", "patch", "options", "head", "trace"]

    static func load(_ text: String = OpenAPIDocument.text) throws -> APIContract {
        guard let root = try Yams.load(yaml: text) as? [String: Any] else { throw ContractError("the document is not a mapping") }
        func resolved(_ node: Any?) throws -> [String: Any] {
            guard var map = node as? [String: Any] else { return [:] }
            while let reference = map["$ref"] as? String {
                guard reference.hasPrefix("#/") else { throw ContractError("only local references: \(reference)") }
                var target: Any? = root
                for key in reference.dropFirst(2).split(separator: "/") { target = (target as? [String: Any])?[String(key)] }
                guard let found = target as? [String: Any] else { throw ContractError("no \(reference)") }
                map = found.merging(map.filter { $0.key != "$ref" }) { _, local in local }
            }
            return map
        }
        let info = try resolved(root["info"])
        var operations: [Operation] = []
        for (path, item) in (root["paths"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let pathItem = try resolved(item)
            let shared = pathItem["parameters"] as? [Any] ?? []
            for method in methods {
                guard let node = pathItem[method] else { continue }
                let operation = try resolved(node)
                let parameters = try (shared + (operation["parameters"] as? [Any] ?? [])).map { try parameter(resolved($0), resolved) }
                let body = try resolved(operation["requestBody"])
                let answers = try (operation["responses"] as? [String: Any] ?? [:]).sorted { $0.key < $1.key }.map { status, node in
                    let answer = try resolved(node)
                    return Answer(status: status, description: answer["description"] as? String ?? "",
                                  mediaTypes: (answer["content"] as? [String: Any] ?? [:]).keys.sorted())
                }
                let security = operation["security"] as? [Any] ?? root["security"] as? [Any] ?? []
                operations.append(Operation(method: method.uppercased(), path: path, summary: operation["summary"] as? String ?? "",
                                            description: operation["description"] as? String, parameters: parameters,
                                            requestMediaTypes: (body["content"] as? [String: Any] ?? [:]).keys.sorted(),
                                            answers: answers, needsToken: !security.isEmpty))
            }
        }
        return APIContract(title: info["title"] as? String ?? "", version: "\(info["version"] ?? "")", operations: operations)
    }

    private static func parameter(_ node: [String: Any], _ resolved: (Any?) throws -> [String: Any]) throws -> Parameter {
        let schema = try resolved(node["schema"])
        guard let name = node["name"] as? String, let location = node["in"] as? String else { throw ContractError("a parameter without name or in") }
        let pattern = schema["pattern"] as? String
        if let pattern, (try? Regex(pattern)) == nil { throw ContractError("\(name): the pattern \(pattern) does not compile") }
        let example = (node["example"] ?? schema["example"]).map { "\($0)" }
        return Parameter(name: name, location: location, required: node["required"] as? Bool ?? (location == "path"),
                         description: node["description"] as? String, type: schema["type"] as? String ?? "string",
                         format: schema["format"] as? String, pattern: pattern, values: (schema["enum"] as? [Any] ?? []).map { "\($0)" },
                         minLength: schema["minLength"] as? Int, example: example)
    }

    /// The operations whose path template matches `path` (`{name}` matches one segment), with the segments' values by name.
    func operations(at path: String) -> [(operation: Operation, values: [String: String])] {
        let given = path.split(separator: "/")
        var found: [(Operation, [String: String])] = []
        for operation in operations {
            let template = operation.segments
            guard template.count == given.count else { continue }
            var values: [String: String] = [:]
            var fits = true
            for (part, value) in zip(template, given) {
                if part.hasPrefix("{") && part.hasSuffix("}") {
                    values[String(part.dropFirst().dropLast())] = String(value).removingPercentEncoding ?? String(value)
                } else if part != value {
                    fits = false
                    break
                }
            }
            if fits { found.append((operation, values)) }
        }
        // A literal segment wins over a template's (`/v1/team/tasks/{id}/start` before `{id}/{action}`).
        let literal = found.map { $0.0.segments.filter { !$0.hasPrefix("{") }.count }.max() ?? 0
        return found.filter { $0.0.segments.filter { !$0.hasPrefix("{") }.count == literal }
    }
}

struct ContractError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = "Contracts/openapi.yaml: \(description)" }
}
