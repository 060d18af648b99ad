import Foundation
import Hummingbird
import NIOFoundationEssentialsCompat
import TunetApp
import TunetDomain
import TunetText

/// The upload page's forms, posted to `/`: the same use cases as `/v1/attendance` and the template
/// endpoint, answered with a page a person reads instead of JSON.
extension API {
    /// The page at `/`, in the language `?lang=` names, else the one `Accept-Language` asks for.
    func page(_ request: Request) -> Response {
        let texts = Texts(pageLanguage(request, form: nil))
        return .html(UploadPage.form(texts), language: texts.language)
    }

    /// A form from the page: `action=upload` with `token` and `file` (and `again` ticked to import a file sent before), or `action=template` with `token` and `month`.
    func form(_ request: Request) async throws -> Response {
        var texts = Texts(pageLanguage(request, form: nil))
        do {
            let type = request.headers[.contentType] ?? ""
            guard MultipartForm.boundary(in: type) != nil else {
                throw Problem(status: .unsupportedMediaType, code: "unsupportedMediaType", detail: Message("service.result.form_expected"))
            }
            // The form's own fields and headers come on top of the file.
            let held = try await bodies.collect(request.body, upTo: bodyLimit + 64 * 1024, statedLimit: bodyLimit)
            defer { bodies.release(held) }
            guard let form = MultipartForm(body: Data(buffer: held.buffer), contentType: type) else {
                throw Problem(.invalid("form", nil, Message("service.result.form_unreadable")))
            }
            texts = Texts(pageLanguage(request, form: form))
            let token = form.text("token")?.trimmingCharacters(in: .whitespacesAndNewlines)
            let principal = try run { try TokenDesk(authenticating).authenticate(token?.isEmpty == false ? token : nil) }
            guard principal.role == .provider, let provider = principal.provider else {
                throw Problem(.forbidden(Message("service.farm_endpoint_only")))
            }
            if form.text("action") == "template" {
                return try await template(provider: provider, principal: principal, month: form.text("month") ?? "", texts: texts)
            }
            guard let file = form.file("file") else { throw Problem(.invalid("file", nil, Message("service.result.file_required"))) }
            let again = YesField.chosen(form.text("again"))
            let report = try await offloaded {
                try AttendanceImportDesk(acting(as: principal), revealOtherProviders: false)
                    .run(data: file.data, fileName: file.fileName ?? "upload", provider: provider.digits, again: again)
            }
            return .html(UploadPage.received(report, texts), status: report.identicalTo == nil ? .created : .ok, language: texts.language)
        } catch let problem as Problem {
            return .html(UploadPage.refused(problem, texts), status: problem.status, language: texts.language)
        }
    }

    private func template(provider: OrganisationNumber, principal: Principal, month: String, texts: Texts) async throws -> Response {
        let month = month.trimmingCharacters(in: .whitespaces)
        guard !month.isEmpty else { throw Problem(.invalid("month", nil, Message("service.result.month_required"))) }
        let path = temporaryFolder.appendingPathComponent("tunet-template-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let language = texts.language
        let report = try await offloaded {
            try AttendanceTemplateDesk(acting(as: principal)).write(provider: provider.digits, month: month, to: path, language: language)
        }
        return .xlsx(try Data(contentsOf: URL(fileURLWithPath: path), options: []), fileName: "oppmote-\(provider.digits)-\(report.month).xlsx")
    }

    /// The form's `lang`, else the address's `?lang=`, else `Accept-Language` (bokmål when it names none Tunet has).
    func pageLanguage(_ request: Request, form: MultipartForm?) -> Language {
        if let chosen = form?.text("lang").flatMap(Language.init(code:)) { return chosen }
        if let chosen = request.uri.queryParameters.get("lang").flatMap({ Language(code: String($0)) }) { return chosen }
        return Language.accepted(by: request.headers[.acceptLanguage])
    }
}
