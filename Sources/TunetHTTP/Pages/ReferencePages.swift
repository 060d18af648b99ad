import Foundation
import Hummingbird
import TunetApp
import TunetDomain
import TunetText

/// The API's reference for a project leader (and a work team, who sign in to the same pages): every operation
/// of the served OpenAPI document with its method, path, summary, parameters and their rules, the media types
/// its body may have and its answers, written from the same reading of the document that checks requests
/// (`APIContract`). The page's own words are in bokmål or English; the document's are English, marked so.
extension WebPages {
    func reference(_ request: Request) async throws -> Response {
        try await forVisitor(request, roles: [.leader, .workTeam]) { visitor, texts in
            let operations: [[String: Any]] = contract.operations.enumerated().map { index, operation in
                var values: [String: Any] = [
                    "id": "operasjon-\(index + 1)", "method": operation.method, "path": operation.path, "summary": operation.summary,
                    "token": texts(operation.needsToken ? "page.reference.token_needed" : "page.reference.token_not_needed"),
                    "answers": operation.answers.map { answer -> [String: Any] in
                        ["status": answer.status, "description": answer.description,
                         "types": answer.mediaTypes.isEmpty ? "–" : answer.mediaTypes.joined(separator: ", ")]
                    },
                ]
                if let description = operation.description { values["description"] = description }
                values["hasParameters"] = !operation.parameters.isEmpty
                values["hasBody"] = !operation.requestMediaTypes.isEmpty
                if !operation.parameters.isEmpty {
                    values["parameters"] = operation.parameters.map { parameter -> [String: Any] in
                        var entry: [String: Any] = [
                            "name": parameter.name, "location": texts("page.reference.in_\(parameter.location)"),
                            "required": texts(parameter.required ? "page.reference.required_yes" : "page.reference.required_no"),
                            "rule": Self.rule(parameter, texts),
                        ]
                        entry["description"] = parameter.description ?? ""
                        return entry
                    }
                }
                if !operation.requestMediaTypes.isEmpty { values["bodyTypes"] = operation.requestMediaTypes.map { ["type": $0] } }
                return values
            }
            let frame = PageFrame(texts: texts, title: texts("page.reference.title"), visitor: visitor, path: "/leder/api")
            let html = templates.render("reference", frame, [
                "operations": operations,
                "intro": texts("page.reference.intro", ["title": .text(contract.title), "version": .text(contract.version)]),
            ])
            return page(html, request, texts)
        }
    }

    /// What a parameter's schema allows, in the reader's words: its values, its pattern, its format or its type.
    static func rule(_ parameter: APIContract.Parameter, _ texts: Texts) -> String {
        var parts: [String] = []
        if parameter.values.count > 20 {
            parts.append(texts("page.reference.rule_many_values", ["count": .integer(Int64(parameter.values.count)),
                                                                    "first": .text(parameter.values[0]), "last": .text(parameter.values[parameter.values.count - 1])]))
        } else if !parameter.values.isEmpty {
            parts.append(texts("page.reference.rule_values", ["values": .text(parameter.values.joined(separator: ", "))]))
        } else if parameter.format == "date" {
            parts.append(texts("page.reference.rule_date"))
        } else {
            parts.append(texts("page.reference.rule_\(["integer", "boolean"].contains(parameter.type) ? parameter.type : "string")"))
        }
        if let pattern = parameter.pattern { parts.append(texts("page.reference.rule_pattern", ["pattern": .text(pattern)])) }
        if let example = parameter.example { parts.append(texts("page.reference.rule_example", ["example": .text(example)])) }
        return parts.joined(separator: "; ")
    }
}
