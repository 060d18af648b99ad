import Foundation
import Hummingbird
import NIOFoundationEssentialsCompat
import TunetApp
import TunetDomain

/// What a work team's member away from the server does through the service, within the token's
/// municipalities: its placements (names only for a work team, each read audited), a month's
/// attendance status, and the tasks of the teams that work only for those municipalities.
extension API {
    /// The roles that see a municipality's placements, attendance and tasks.
    static let municipalRoles: Set<TokenRole> = [.leader, .workTeam]

    func municipal(_ request: Request) throws -> Principal {
        try principal(request, as: Self.municipalRoles, refusal: Self.refusal)
    }

    func teamPlacements(_ request: Request) async throws -> Response {
        let principal = try municipal(request)
        let query = request.uri.queryParameters
        let names = YesField.chosen(query.get("names").map { String($0) })
        if names && principal.role != .workTeam { throw Problem(.forbidden(Message("service.names_for_work_teams"))) }
        var filter = PlacementFilter()
        var problems = ProblemCollector()
        if let municipality = query.get("municipality").map({ String($0) }) {
            filter.municipalityNumber = problems.take("municipality", municipality, Municipality.parse(municipality))?.number
        }
        if let day = query.get("active_on").map({ String($0) }) { filter.activeOn = problems.date("active_on", day) }
        try run { try problems.check() }
        let chosen = filter
        return try .json(try await offloaded { try PlacementDesk(acting(as: principal)).list(chosen, includeNames: names) })
    }

    func teamAttendance(_ request: Request) async throws -> Response {
        let principal = try municipal(request)
        guard let month = request.uri.queryParameters.get("month").map({ String($0) }) else {
            throw Problem(.invalid("month", nil, Message("service.month_required")))
        }
        return try .json(try await offloaded { try AttendanceOverviewDesk(acting(as: principal)).status(month: month) })
    }

    func teamTasks(_ request: Request) async throws -> Response {
        let principal = try municipal(request)
        let query = request.uri.queryParameters
        var filter = TaskFilter()
        filter.team = query.get("team").map { String($0) }
        filter.everyTeam = filter.team == nil
        filter.includeClosed = YesField.chosen(query.get("closed").map { String($0) })
        filter.overdue = YesField.chosen(query.get("overdue").map { String($0) })
        let chosen = filter
        return try .json(try await offloaded { try TaskDesk(acting(as: principal)).list(chosen) })
    }

    static let taskActions: Set<String> = ["assign", "start", "done", "comment"]

    /// What a change to a task may carry: the member it goes to, a comment, a text. Each is a string when given;
    /// `null` is refused as any other value that is not one (the document's schema says string).
    struct TaskChange: Decodable {
        var member: String?
        var comment: String?
        var text: String?

        enum CodingKeys: String, CodingKey { case member, comment, text }

        init() {}

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func string(_ key: CodingKeys) throws -> String? {
                guard container.contains(key) else { return nil }
                return try container.decode(String.self, forKey: key)
            }
            member = try string(.member)
            comment = try string(.comment)
            text = try string(.text)
        }
    }

    /// `assign` (`member`, `comment`), `start`, `done` (`comment`) or `comment` (`text`): a work team's token only.
    func changeTask(_ request: Request, id: String, action: String) async throws -> Response {
        let principal = try principal(request, as: [.workTeam], refusal: Self.refusal)
        guard let number = Int64(id) else { throw Problem(.notFound(kind: "task", key: id)) }
        guard Self.taskActions.contains(action) else { throw Problem(.notFound(kind: "task_action", key: action)) }
        let change = try await taskChange(request)
        let desk = TaskDesk(acting(as: principal))
        let view = try await offloaded { () throws -> TaskView in
            switch action {
            case "assign":
                guard let member = change.member else { throw TunetError.invalid("member", nil, Message("service.task.member_required")) }
                return try desk.assign(number, to: member, comment: change.comment)
            case "start": return try desk.start(number)
            case "done": return try desk.done(number, comment: change.comment)
            default: return try desk.comment(number, text: change.text ?? "")
            }
        }
        return try .json(view)
    }

    /// The request's JSON body (`application/json`; another type is 415), up to 16 KiB; none at all is an empty change.
    private func taskChange(_ request: Request) async throws -> TaskChange {
        let held = try await bodies.collect(request.body, upTo: 16 * 1024, statedLimit: 16 * 1024)
        defer { bodies.release(held) }
        guard held.buffer.readableBytes > 0 else { return TaskChange() }
        let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard type == "application/json" else {
            throw Problem(status: .unsupportedMediaType, code: "unsupportedMediaType", detail: Message("service.task.json_expected"))
        }
        do {
            return try JSONDecoder().decode(TaskChange.self, from: Data(buffer: held.buffer))
        } catch {
            throw Problem(.invalid("body", nil, Message("service.task.body_unreadable")))
        }
    }

    /// Why a token may not use an endpoint of another role: a farm's, a national reader's, a leader's.
    static func refusal(_ role: TokenRole) -> String {
        switch role {
        case .provider: "service.reports_for_leaders"
        case .national: "service.national_reads_figures"
        case .leader: "service.work_team_changes_tasks"
        case .workTeam: "service.farm_endpoint_only"
        }
    }

    /// Figures per municipality and target group, counts under five hidden: for the national reader,
    /// and for leaders and work teams over their own municipalities.
    func figures(_ request: Request) async throws -> Response {
        let principal = try principal(request, as: [.national, .leader, .workTeam], refusal: Self.refusal)
        let query = request.uri.queryParameters
        let from = query.get("from").map { String($0) }, to = query.get("to").map { String($0) }
        return try .json(try await offloaded { try FigureDesk(acting(as: principal)).published(from: from, to: to) })
    }
}
