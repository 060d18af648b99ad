import Foundation
import Hummingbird
import TunetApp
import TunetDomain
import TunetText

/// A project leader's (and a work team's) page: the catalogue's reports, each with its description and
/// its filters — the period, a municipality within the token's, the farm where the report takes one,
/// the workbook's language — downloaded as xlsx.
extension WebPages {
    /// The filters as the page's form names them, and the fields the reports' problems name.
    static let reportFields = ["from": "fra", "to": "til", "municipality": "kommune", "provider": "gard", "lang": "sprak"]

    func leader(_ request: Request) async throws -> Response {
        try await forVisitor(request, roles: [.leader, .workTeam]) { visitor, texts in
            try reportsPage(request, visitor, texts, asked: nil, problems: [], status: .ok)
        }
    }

    /// One report downloaded; filters it refuses come back as the page, each problem beside its field.
    func leaderReport(_ request: Request) async throws -> Response {
        try await forVisitor(request, roles: [.leader, .workTeam]) { visitor, texts in
            let query = request.uri.queryParameters
            func given(_ name: String) -> String? { query.get(name).map { String($0) }.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
            let name = given("rapport") ?? ""
            var asked = ReportRequest(report: name, defaultLanguage: texts.language)
            asked.from = given("fra")
            asked.to = given("til")
            asked.municipality = given("kommune")
            asked.provider = given("gard")
            asked.language = given("sprak")
            let folder = api.temporaryFolder.appendingPathComponent("tunet-report-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let context = api.acting(as: visitor.principal)
            let report = asked
            do {
                let written = try await api.offloaded { try ReportDesk(context).write(report, to: folder.path) }
                let canonical = try ReportCatalogue.load().report(name).name
                return .xlsx(try Data(contentsOf: URL(fileURLWithPath: written.file), options: []), fileName: "\(canonical).xlsx")
            } catch let problem as Problem where [.unprocessableContent, .forbidden, .notFound].contains(problem.status) {
                // The only thing a report looks up by what was typed on this page is the farm.
                var found = Self.problems(problem, texts)
                var status = problem.status
                if problem.status == .notFound, asked.provider != nil {
                    found = [(field: "gard", message: texts.render(problem.detail))]
                    status = .unprocessableContent
                }
                return try reportsPage(request, visitor, texts, asked: asked, problems: found, status: status)
            }
        }
    }

    private func reportTakesProvider(_ name: String, _ catalogue: ReportCatalogue) -> Bool {
        catalogue.reports.first { $0.name == name }?.filters?.contains(.provider) ?? false
    }

    /// The report's filters as the page's address carries them, for the link to the other language.
    static func query(_ asked: ReportRequest) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._")
        let fields: [(String, String?)] = [("rapport", asked.report), ("fra", asked.from), ("til", asked.to), ("kommune", asked.municipality),
                                          ("gard", asked.provider), ("sprak", asked.language)]
        return fields.compactMap { name, value in value.map { "\(name)=\($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" } }
            .joined(separator: "&")
    }

    /// Each problem with the field it is about (nil for one about the whole request) in the page's words.
    static func problems(_ problem: Problem, _ texts: Texts) -> [(field: String?, message: String)] {
        guard !problem.problems.isEmpty else { return [(field: nil, message: texts.render(problem.detail))] }
        return problem.problems.map { (field: reportFields[$0.field], message: texts.render($0.reason)) }
    }

    func reportsPage(_ request: Request, _ visitor: Visitor, _ texts: Texts, asked: ReportRequest?,
                     problems: [(field: String?, message: String)], status: HTTPResponse.Status) throws -> Response {
        let catalogue = try ReportCatalogue.load()
        let scope = visitor.principal.scope
        let numbers = scope.numbers ?? Municipality.all.map(\.number)
        let language = texts.language
        let reports: [[String: Any]] = catalogue.reports.filter { !($0.wholeServiceOnly ?? false) || scope == .every }.map { report in
            let mine = asked?.report.lowercased() == report.name ? asked : nil
            func error(_ field: String) -> String? { mine == nil ? nil : problems.first { $0.field == field }?.message }
            var values: [String: Any] = [
                "name": report.name, "title": report.title.text(language), "description": report.description.text(language),
                "download": "\(texts("page.leader.download")): \(report.title.text(language))",
                "from": mine?.from ?? "", "to": mine?.to ?? "", "provider": mine?.provider ?? "",
                "takesProvider": report.filters?.contains(.provider) ?? false,
                "municipalities": numbers.map { number in
                    ["number": number, "label": Municipality.named(number)?.description ?? number, "selected": mine?.municipality == number] as [String: Any]
                },
                "languages": Language.allCases.map { option in
                    ["code": option.rawValue, "label": texts("page.leader.language.\(option.rawValue)"),
                     "selected": (mine?.language.flatMap(Language.init(code:)) ?? language) == option] as [String: Any]
                },
            ]
            if let message = error("fra") { values["fromError"] = message }
            if let message = error("til") { values["toError"] = message }
            if let message = error("gard") { values["providerError"] = message }
            if let message = error("kommune") { values["municipalityError"] = message }
            if let message = error("sprak") { values["languageError"] = message }
            return values
        }
        var frame = PageFrame(texts: texts, title: texts("page.leader.title"), visitor: visitor, path: asked == nil ? "/leder" : "/leder/rapport",
                              query: asked.map(Self.query) ?? "")
        let shown = Set(reports.compactMap { $0["name"] as? String })
        let prefix = asked.map { $0.report.lowercased() } ?? ""
        // A problem links to its field only where the page has that field.
        frame.errors = problems.map { problem in
            let field = problem.field.flatMap { shown.contains(prefix) && (problem.field != "gard" || reportTakesProvider(prefix, catalogue)) ? "\(prefix)-\($0)" : nil }
            return (field: field, message: problem.message)
        }
        let covered = scope.numbers.map { $0.map { Municipality.named($0)?.description ?? $0 } }.map(texts.list) ?? texts("page.leader.every_service")
        return page(templates.render("leader", frame, ["reports": reports, "intro": texts("page.leader.intro", ["municipalities": .text(covered)])]),
                    status: status, request, texts)
    }
}
