import Foundation
import Hummingbird
import NIOFoundationEssentialsCompat
import TunetApp
import TunetDomain
import TunetText

/// The endpoints: each authenticates, calls one use case and renders its value.
struct API: Sendable {
    let base: TunetContext
    let bodyLimit: Int
    /// The memory all request bodies may hold at once.
    let bodies: BodyBudget
    /// Where templates and reports are written before they are sent.
    let temporaryFolder: URL
    /// Set in tests; otherwise each request runs on today's Norwegian date.
    let fixedToday: LocalDate?
    /// Gives the memory back once no request has used the database for a while.
    let quiet: QuietRelease

    /// The context a request's token is checked in: it sees no municipality, and nothing else is done in it.
    var authenticating: TunetContext {
        base.acting(as: AuditActor(name: "tunet-service", role: .national, scope: .only([])), today: fixedToday ?? OsloTime.today())
    }

    /// The caller's token; failures become 401 problem documents.
    func principal(_ request: Request) throws -> Principal {
        let token = request.headers[.authorization].flatMap(Self.bearerToken)
        return try run { try TokenDesk(authenticating).authenticate(token) }
    }

    /// The caller's token if its role is one of `roles`; another role gets 403 with the reason `refusal` gives it.
    func principal(_ request: Request, as roles: Set<TokenRole>, refusal: (TokenRole) -> String) throws -> Principal {
        let principal = try principal(request)
        guard roles.contains(principal.role) else { throw Problem(.forbidden(Message(refusal(principal.role)))) }
        return principal
    }

    /// The token in `Authorization: Bearer <token>`; the scheme's name is case-insensitive (RFC 9110, 11.1).
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// What a request does, it does as its token: seeing what the token's role and municipalities let it see,
    /// and audited under its role, number and municipalities.
    func acting(as principal: Principal) -> TunetContext {
        base.acting(as: principal.actor, today: fixedToday ?? OsloTime.today())
    }

    func farm(_ request: Request) throws -> (provider: OrganisationNumber, principal: Principal) {
        let principal = try principal(request, as: [.provider], refusal: { _ in "service.farm_endpoint_only" })
        guard let provider = principal.provider else { throw Problem(.forbidden(Message("service.farm_endpoint_only"))) }
        return (provider, principal)
    }

    /// A farm's own placements: codes, weekdays and periods, never names.
    func placements(_ request: Request) async throws -> Response {
        let (provider, principal) = try farm(request)
        struct Entry: Encodable {
            let id: Int64
            let participant: String
            let kind: String
            let weekdays: [String]
            let start: LocalDate
            let end: LocalDate
            let status: String
        }
        let views = try await offloaded {
            var filter = PlacementFilter()
            filter.provider = provider
            return try PlacementDesk(acting(as: principal)).list(filter)
        }
        return try .json(views.map { Entry(id: $0.placement.id, participant: $0.placement.participant.text, kind: $0.placement.kind.rawValue,
                                           weekdays: $0.placement.weekdays.map(\.code), start: $0.placement.start, end: $0.placement.end,
                                           status: $0.status.rawValue) })
    }

    func template(_ request: Request) async throws -> Response {
        let (provider, principal) = try farm(request)
        guard let month = request.uri.queryParameters.get("month") else {
            throw Problem(.invalid("month", nil, Message("service.month_required")))
        }
        let language = Language.accepted(by: request.headers[.acceptLanguage])
        let path = temporaryFolder.appendingPathComponent("tunet-template-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try await offloaded { try AttendanceTemplateDesk(acting(as: principal)).write(provider: provider.digits, month: month, to: path, language: language) }
        return .xlsx(try Data(contentsOf: URL(fileURLWithPath: path), options: []), fileName: "oppmote-\(provider.digits)-\(month).xlsx")
    }

    /// CSV or xlsx in the body: 201 with the report, 200 with the report (status `unchanged`, or `superseded` when later
    /// files changed some of its days) for the same file again unless `?again=true`, 422 with the row errors.
    func upload(_ request: Request) async throws -> Response {
        let (provider, principal) = try farm(request)
        let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let accepted = ["text/csv", "application/csv", "text/plain", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "application/octet-stream"]
        guard accepted.contains(type) else {
            throw Problem(status: .unsupportedMediaType, code: "unsupportedMediaType", detail: Message("http.unsupported_media_type"))
        }
        let held = try await bodies.collect(request.body, upTo: bodyLimit, statedLimit: bodyLimit)
        defer { bodies.release(held) }
        let body = held.buffer
        let name = request.uri.queryParameters.get("filename").map { String($0) } ?? "upload"
        let again = YesField.chosen(request.uri.queryParameters.get("again").map { String($0) })
        let report = try await offloaded {
            try AttendanceImportDesk(acting(as: principal), revealOtherProviders: false)
                .run(data: Data(buffer: body), fileName: name, provider: provider.digits, again: again)
        }
        // The same report as `tunet attendance import --json`, whatever came of the file; only the status code differs.
        return try .json(report, status: report.identicalTo == nil ? .created : .ok)
    }

    /// An EHF invoice or credit note in the body, from the farm that sent it: 201 with the check when it was recorded,
    /// 200 with the earlier check when the same invoice number was checked before (nothing recorded), 422 for a file
    /// that cannot be read, 403 for another farm's invoice.
    func invoice(_ request: Request) async throws -> Response {
        let (provider, principal) = try farm(request)
        let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard ["application/xml", "text/xml", "application/octet-stream"].contains(type) else {
            throw Problem(status: .unsupportedMediaType, code: "unsupportedMediaType", detail: Message("http.unsupported_media_type"))
        }
        let limit = min(bodyLimit, InvoiceCheckDesk.maximumBytes)
        let held = try await bodies.collect(request.body, upTo: limit, statedLimit: limit)
        defer { bodies.release(held) }
        let body = held.buffer
        let query = request.uri.queryParameters
        let name = query.get("filename").map { String($0) } ?? "faktura.xml"
        let municipality = query.get("municipality").map { String($0) }
        let again = YesField.chosen(query.get("again").map { String($0) })
        let view = try await offloaded {
            try InvoiceCheckDesk(acting(as: principal)).check(Data(buffer: body), name: name, sender: .farm(provider), municipality: municipality,
                                                               again: again)
        }
        return try .json(view, status: view.recorded ? .created : .ok)
    }

    /// The farm's own checked invoices and credit notes, as `tunet invoice list --json` lists them.
    func invoices(_ request: Request) async throws -> Response {
        let (provider, principal) = try farm(request)
        return try .json(try await offloaded { try InvoiceListDesk(acting(as: principal)).list(provider: provider.digits) })
    }

    func submissions(_ request: Request) async throws -> Response {
        let (provider, principal) = try farm(request)
        return try .json(try await offloaded { try AttendanceOverviewDesk(acting(as: principal)).submissions(provider: provider.digits) })
    }

    /// Any catalogue report as xlsx, for project leaders and work teams, covering the token's municipalities only.
    func report(_ request: Request, name: String) async throws -> Response {
        let principal = try principal(request, as: [.leader, .workTeam], refusal: Self.refusal)
        // `?lang=` names the workbook's language (an unknown one is refused); without it, the language the request accepts.
        var report = ReportRequest(report: name, defaultLanguage: Language.accepted(by: request.headers[.acceptLanguage]))
        let query = request.uri.queryParameters
        report.from = query.get("from").map { String($0) }
        report.to = query.get("to").map { String($0) }
        report.month = query.get("month").map { String($0) }
        report.municipality = query.get("municipality").map { String($0) }
        report.provider = query.get("provider").map { String($0) }
        report.pilots = query.get("pilot").map { [String($0)] } ?? []
        report.language = query.get("lang").map { String($0) }
        let folder = temporaryFolder.appendingPathComponent("tunet-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let asked = report
        let result = try await offloaded { try ReportDesk(acting(as: principal)).write(asked, to: folder.path) }
        return .xlsx(try Data(contentsOf: URL(fileURLWithPath: result.file), options: []), fileName: "\(name).xlsx")
    }

    /// Runs a use case, turning Tunet's errors into problem documents; a failure of the service itself
    /// becomes a `ServerFault`, logged with the place it was met and answered without its detail.
    func run<T>(file: String = #fileID, line: Int = #line, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TunetError {
            let problem = Problem(error)
            guard problem.status != .internalServerError else { throw ServerFault(error, at: "\(file):\(line)") }
            throw problem
        } catch let problem as Problem {
            throw problem
        } catch {
            throw ServerFault(error, at: "\(file):\(line)")
        }
    }

    /// Runs a use case that reads or writes the database or files (an upload: reading, checking,
    /// waiting for the single writer) on a thread
    /// of its own instead of Swift concurrency's cooperative pool, which has one thread per core: an
    /// upload blocked there waiting for the writer kept the next request from being read at all.
    func offloaded<T: Sendable>(file: String = #fileID, line: Int = #line, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try quiet.working { try run(file: file, line: line, body) } })
            }
        }
    }
}
