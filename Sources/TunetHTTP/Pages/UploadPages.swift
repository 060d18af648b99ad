import Foundation
import Hummingbird
import NIOFoundationEssentialsCompat
import TunetApp
import TunetDomain
import TunetText

/// A farm's file sent from the month page: what was stored, or each refused row with its column, value
/// and reason, and the sent sheet back with a column that says what to correct.
extension WebPages {
    func upload(_ request: Request) async throws -> Response {
        try await forVisitor(request, roles: [.provider]) { visitor, texts in
            guard let provider = visitor.principal.provider else { throw Problem(.forbidden(Message("service.farm_endpoint_only"))) }
            let type = request.headers[.contentType] ?? ""
            guard MultipartForm.boundary(in: type) != nil else {
                return message(request, texts, visitor: visitor, status: .unsupportedMediaType, heading: texts("page.message.refused"),
                               text: texts("service.result.form_expected"))
            }
            // The form's own fields and headers come on top of the file.
            let held: BodyBudget.Body
            do {
                held = try await api.bodies.collect(request.body, upTo: api.bodyLimit + 64 * 1024, statedLimit: api.bodyLimit)
            } catch let problem as Problem where [.contentTooLarge, .serviceUnavailable].contains(problem.status) {
                return try await monthPage(request, visitor, texts, asked: nil, fileError: texts.render(problem.detail), status: problem.status)
            }
            defer { api.bodies.release(held) }
            guard let form = MultipartForm(body: Data(buffer: held.buffer), contentType: type) else {
                return message(request, texts, visitor: visitor, status: .unprocessableContent, heading: texts("page.message.refused"),
                               text: texts("service.result.form_unreadable"))
            }
            guard WebSessionDesk.isFormKey(form.text("skjemanokkel"), of: visitor.secret) else {
                return message(request, texts, visitor: visitor, status: .forbidden, heading: texts("page.message.refused"),
                               text: texts("page.message.form_key"))
            }
            let month = form.text("maned")
            guard let file = form.file("file"), !file.data.isEmpty || !(file.fileName ?? "").isEmpty else {
                return try await monthPage(request, visitor, texts, asked: month, fileError: texts("page.month.file_required"))
            }
            let fileName = file.fileName.flatMap { $0.isEmpty ? nil : $0 } ?? "opplasting.csv"
            let again = YesField.chosen(form.text("again"))
            let context = api.acting(as: visitor.principal)
            let monthCode = month.flatMap { try? YearMonth.parse($0).get() }?.iso
            let back = (href: "/gard/maned" + (monthCode.map { "?maned=\($0)" } ?? ""), month: monthCode)
            do {
                let report = try await api.offloaded {
                    try AttendanceImportDesk(context, revealOtherProviders: false).run(data: file.data, fileName: fileName, provider: provider.digits, again: again)
                }
                return received(report, request, visitor, texts, back: back)
            } catch let problem as Problem where problem.status == .unprocessableContent || problem.status == .conflict {
                let workbook = problem.problems.isEmpty ? nil : try? errorWorkbook(file.data, fileName: fileName, problems: problem.problems, texts)
                return refused(problem, workbook: workbook, fileName: fileName, request, visitor, texts, back: back)
            }
        }
    }

    private func backLink(_ back: (href: String, month: String?), _ texts: Texts) -> [String: Any] {
        let name = back.month.flatMap { try? YearMonth.parse($0).get() }.map { texts.render($0.name) } ?? texts("page.common.month_nav")
        return ["backHref": back.href, "back": texts("page.result.back", ["month": .text(name)])]
    }

    private func received(_ report: AttendanceImportView, _ request: Request, _ visitor: Visitor, _ texts: Texts,
                          back: (href: String, month: String?)) -> Response {
        let heading = texts(report.identicalTo == nil ? "page.result.stored" : report.outcome == "superseded" ? "page.result.superseded" : "page.result.unchanged")
        var sentences = AttendanceImportSentences.lines(report).map(texts.render)
        if report.outcome == "superseded" { sentences.append(texts("page.result.apply_again")) }
        let frame = PageFrame(texts: texts, title: heading, visitor: visitor, path: "/gard/maned", query: back.month.map { "maned=\($0)" } ?? "")
        var values: [String: Any] = ["stored": true, "heading": heading, "sentences": sentences, "hasCounts": report.identicalTo == nil,
                                     "new": report.new, "changed": report.changed, "unchanged": report.unchanged]
        values.merge(backLink(back, texts)) { _, new in new }
        return page(templates.render("result", frame, values), status: report.identicalTo == nil ? .created : .ok, request, texts)
    }

    private func refused(_ problem: Problem, workbook: Data?, fileName: String, _ request: Request, _ visitor: Visitor, _ texts: Texts,
                         back: (href: String, month: String?)) -> Response {
        let heading = texts("page.result.refused")
        let rows: [[String: Any]] = problem.problems.map { row in
            ["row": row.row.map(String.init) ?? "–", "column": AttendanceTemplateDesk.columnName(row.field, texts), "value": row.value ?? "",
             "reason": texts.render(row.reason)]
        }
        let intro = problem.problems.isEmpty ? texts.render(problem.detail)
            : texts("page.result.refused_intro", ["count": .integer(Int64(problem.problems.count + problem.notShown.total))])
        var values: [String: Any] = ["refused": true, "heading": heading, "intro": intro, "rows": rows, "hasRows": !rows.isEmpty]
        if !problem.notShown.isEmpty { values["notShown"] = texts.render(problem.notShown.message) }
        if let workbook, workbook.count <= Self.largestMarkedSheet {
            values["errorWorkbook"] = "data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64," + workbook.base64EncodedString()
            values["errorWorkbookName"] = "feil-" + Self.safeName(fileName) + ".xlsx"
        } else if workbook != nil {
            values["errorWorkbookTooLarge"] = texts("page.result.error_workbook_too_large")
        }
        values.merge(backLink(back, texts)) { _, new in new }
        let frame = PageFrame(texts: texts, title: heading, visitor: visitor, path: "/gard/maned", query: back.month.map { "maned=\($0)" } ?? "")
        return page(templates.render("result", frame, values), status: problem.status, request, texts)
    }

    /// The most the marked sheet may hold to go into the page: its link, in base64, stays well below the
    /// 2 MB a browser takes in an address. A month of one farm is a few kilobytes.
    static let largestMarkedSheet = 1_000_000

    /// A sent file's name without its folders, extension and anything but letters, digits, `-` and `_`.
    static func safeName(_ fileName: String) -> String {
        let base = ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
        let kept = String(base.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }.prefix(80))
        return kept.isEmpty ? "opplasting" : kept
    }

    /// The sent sheet with a column of reasons (as `attendance import --errors-out` writes it), kept
    /// nowhere: it goes into the page itself as the link's content.
    private func errorWorkbook(_ data: Data, fileName: String, problems: [FieldProblem], _ texts: Texts) throws -> Data {
        let folder = api.temporaryFolder.appendingPathComponent("tunet-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The sent name only for its kind: a name like "../x" must not choose where the copy goes.
        let kind = (fileName as NSString).pathExtension.lowercased() == "xlsx" ? "xlsx" : "csv"
        let sent = folder.appendingPathComponent("sendt.\(kind)")
        try data.write(to: sent)
        let marked = folder.appendingPathComponent("feil.xlsx").path
        try AttendanceErrorWorkbook.write(file: sent, problems: problems, to: marked, language: texts.language)
        return try Data(contentsOf: URL(fileURLWithPath: marked))
    }
}
