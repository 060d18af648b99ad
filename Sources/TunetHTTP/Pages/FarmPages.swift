import Foundation
import Hummingbird
import NIOFoundationEssentialsCompat
import TunetApp
import TunetDomain
import TunetText

/// A farm's pages: its placements (codes, never names), its months, a month's planned, reported and
/// missing days with the template and the upload, and its earlier submissions.
extension WebPages {
    func farm(_ request: Request) async throws -> Response {
        try await forVisitor(request, roles: [.provider]) { visitor, texts in
            let context = api.acting(as: visitor.principal)
            guard let provider = visitor.principal.provider else { throw Problem(.forbidden(Message("service.farm_endpoint_only"))) }
            let (placements, submissions) = try await api.offloaded {
                var filter = PlacementFilter()
                filter.provider = provider
                return (try PlacementDesk(context).list(filter), try AttendanceOverviewDesk(context).submissions(provider: provider.digits))
            }
            let rows: [[String: Any]] = placements.map { view in
                let placement = view.placement
                return ["participant": placement.participant.text, "kind": texts.format(placement.kind.labelValue),
                        "weekdays": placement.weekdays.map { texts("provider.weekday.\($0.code)") }.joined(separator: ", "),
                        "period": "\(texts.format(.date(placement.start)))–\(texts.format(.date(placement.end)))",
                        "status": texts.format(view.status.labelValue)]
            }
            let months = Self.months(of: placements.map(\.placement), today: today).map { month -> [String: Any] in
                ["href": "/gard/maned?maned=\(month.iso)", "name": texts.render(month.name)]
            }
            let sent: [[String: Any]] = submissions.sorted { $0.id > $1.id }.map { submission in
                ["id": submission.id, "received": OsloTime.localTimestamp(submission.receivedAt), "file": submission.fileName,
                 "months": submission.months.map { texts.format(YearMonth.name($0)) }.joined(separator: ", "),
                 "rows": submission.rows, "new": submission.newRows, "changed": submission.changedRows, "unchanged": submission.unchangedRows]
            }
            let frame = PageFrame(texts: texts, title: visitor.farmName ?? texts("page.farm.title"), visitor: visitor, path: "/gard")
            return page(templates.render("farm", frame, [
                "heading": visitor.farmName ?? texts("page.farm.title"), "placements": rows, "hasPlacements": !rows.isEmpty,
                "months": months, "submissions": sent, "hasSubmissions": !sent.isEmpty,
            ]), request, texts)
        }
    }

    /// The months the pages show: Tunet's calendar of attendance, well inside the one a month can be written in.
    static let firstMonth = YearMonth(year: 2000, month: 1)!
    static let lastMonth = YearMonth(year: 2099, month: 12)!

    /// The months a farm reports: from its first placement's to next month (or its last placement's
    /// end, if sooner; its first placement's month, if that is later), newest first, at most two years of them.
    static func months(of placements: [Placement], today: LocalDate) -> [YearMonth] {
        let current = YearMonth(today)
        guard let first = placements.map({ YearMonth($0.start) }).min(), let last = placements.map({ YearMonth($0.end) }).max() else { return [current] }
        var month = max(min(last, current.adding(months: 1)), first)
        var months: [YearMonth] = []
        while month >= first && months.count < 24 {
            months.append(month)
            month = month.adding(months: -1)
        }
        return months.isEmpty ? [current] : months
    }

    /// A month's planned, reported and missing days per placement, the template and the upload form.
    func month(_ request: Request) async throws -> Response {
        try await forVisitor(request, roles: [.provider]) { visitor, texts in
            let asked = request.uri.queryParameters.get("maned").map { String($0) }
            return try await monthPage(request, visitor, texts, asked: asked)
        }
    }

    /// The month page; `fileError` ties a problem with the upload to its field.
    func monthPage(_ request: Request, _ visitor: Visitor, _ texts: Texts, asked: String?, fileError: String? = nil,
                   status: HTTPResponse.Status = .ok) async throws -> Response {
        var month = YearMonth(today)
        var errors: [(field: String?, message: String)] = []
        var monthError: String?
        if let asked, !asked.isEmpty {
            switch YearMonth.parse(asked) {
            case .success(let chosen) where (Self.firstMonth...Self.lastMonth).contains(chosen): month = chosen
            case .success: monthError = texts("page.month.out_of_range", ["first": .text(Self.firstMonth.iso), "last": .text(Self.lastMonth.iso)])
            case .failure(let reason): monthError = texts.render(reason.message)
            }
        }
        if let monthError { errors.append((field: "maned", message: monthError)) }
        if let fileError { errors.append((field: "fil", message: fileError)) }
        guard let provider = visitor.principal.provider else { throw Problem(.forbidden(Message("service.farm_endpoint_only"))) }
        let context = api.acting(as: visitor.principal)
        let chosen = month
        let basis = try await api.offloaded { try AttendanceOverviewDesk(context).invoiceBasis(provider: provider.digits, month: chosen.iso) }
        let lines: [[String: Any]] = basis.lines.map { line in
            ["participant": line.participant.text, "planned": line.plannedDays, "reported": line.reportedDays,
             "missing": line.missingDates.count, "isMissing": !line.missingDates.isEmpty,
             "missingDates": line.missingDates.map { texts.format(.date($0)) }.joined(separator: ", ")]
        }
        let name = texts.render(month.name)
        var frame = PageFrame(texts: texts, title: name, visitor: visitor, path: "/gard/maned", query: "maned=\(month.iso)")
        frame.errors = errors
        var values: [String: Any] = [
            "heading": texts("page.month.heading", ["month": .message(month.name)]), "daysHeading": name, "monthCode": month.iso,
            "monthTyped": monthError == nil ? month.iso : asked ?? "",
            "previousHref": "/gard/maned?maned=\(month.adding(months: -1).iso)", "nextHref": "/gard/maned?maned=\(month.adding(months: 1).iso)",
            "lines": lines, "hasLines": !lines.isEmpty,
            "totalPlanned": basis.lines.reduce(0) { $0 + $1.plannedDays }, "totalReported": basis.lines.reduce(0) { $0 + $1.reportedDays },
            "totalMissing": basis.lines.reduce(0) { $0 + $1.missingDates.count },
            "templateHref": "/gard/mal?maned=\(month.iso)", "templateLink": texts("page.month.template_link", ["month": .message(month.name)]),
            "fileLimit": texts("page.common.file_limit", ["megabytes": .integer(Int64(api.bodyLimit / 1_048_576))]),
            "t": PageTemplates.texts(under: "page.month.", texts.language).merging(PageTemplates.texts(under: "page.farm.", texts.language)) { own, _ in own },
        ]
        if let fileError { values["fileError"] = fileError }
        if let monthError { values["monthError"] = monthError }
        return page(templates.render("month", frame, values), status: status != .ok || errors.isEmpty ? status : .unprocessableContent, request, texts)
    }

    /// The month's template, in the page's language.
    func template(_ request: Request) async throws -> Response {
        try await forVisitor(request, roles: [.provider]) { visitor, texts in
            guard let provider = visitor.principal.provider else { throw Problem(.forbidden(Message("service.farm_endpoint_only"))) }
            let month = request.uri.queryParameters.get("maned").map { String($0) } ?? YearMonth(today).iso
            let path = api.temporaryFolder.appendingPathComponent("tunet-template-\(UUID().uuidString).xlsx").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let context = api.acting(as: visitor.principal)
            let language = texts.language
            do {
                let written = try await api.offloaded {
                    try AttendanceTemplateDesk(context).write(provider: provider.digits, month: month, to: path, language: language)
                }
                return .xlsx(try Data(contentsOf: URL(fileURLWithPath: path), options: []), fileName: "oppmote-\(provider.digits)-\(written.month).xlsx")
            } catch let problem as Problem where problem.status == .unprocessableContent {
                return try await monthPage(request, visitor, texts, asked: month)
            }
        }
    }
}
