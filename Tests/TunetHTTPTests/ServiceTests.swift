import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Logging
import Testing
import TunetTestSupport
@testable import TunetApp
@testable import TunetDomain
@testable import TunetHTTP
import TunetStorage
import TunetStoreSQLite

/// A database with two farms, an agreement and a placement each, a token per farm and a leader token,
/// served on a free loopback port for the length of one test.
final class RunningService: @unchecked Sendable {
    let folder: URL
    let context: TunetContext
    let lia: String, haugen: String, leader: String
    var base: URL!
    var port: Int { base.port! }
    private var task: Task<Void, Error>?

    static let today = LocalDate(year: 2026, month: 6, day: 10)!

    let expiring: String

    /// - Parameter serverToday: the day the server believes it is (the data is set up on `today`).
    /// - Parameter configure: changes to the service's settings (its limits and timeouts, say).
    init(bodyLimit: Int = 10 * 1024 * 1024, serverToday: LocalDate = RunningService.today, log: CapturedLog? = nil,
         configure: (inout TunetServer.Settings) -> Void = { _ in }) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let configuration = try TunetConfiguration(databaseOption: try TestDatabase.location(in: folder), actorOption: "setup", environment: [:])
        context = TunetContext(store: try configuration.openStore(mustExist: false, forService: false), actor: .atServer("setup"), today: Self.today)
        for (number, name) in [("974760673", "Lia gård"), ("923609016", "Haugen gård")] {
            _ = try ProviderDesk(context).add(ProviderForm([
                .organisationNumber: number, .name: name, .municipalityNumber: "3303", .targetGroups: "dementia", .placesPerDay: "4",
                .openWeekdays: "mon-fri", .iptApprovalDate: "2025-06-01"]))
        }
        var agreement = AgreementForm()
        agreement.reference = "2026/9"
        agreement.title = "IPT"
        agreement.municipalities = ["3303"]
        agreement.parties = ["974760673", "923609016"]
        agreement.targetGroups = "dementia"
        agreement.start = "2026-01-01"
        agreement.end = "2027-12-31"
        agreement.estimatedValue = "500000"
        agreement.maximumValue = "500000"
        agreement.callOffMethod = "direct"
        agreement.prices = ["974760673:full_day:day:1000", "923609016:full_day:day:900"]
        _ = try AgreementDesk(context).add(agreement)
        for (number, code) in [("974760673", "P-2026-0101"), ("923609016", "P-2026-0200")] {
            var form = PlacementForm()
            form.participant = code
            form.provider = number
            form.kind = "dementia"
            form.municipality = "3303"
            form.weekdays = "mon"
            form.start = "2026-05-01"
            form.end = "2026-06-30"
            form.decisionReference = "HO-1"
            _ = try PlacementDesk(context).add(to: "2026/9", form, name: code == "P-2026-0101" ? "Kari Nordmann" : nil)
        }
        let tokens = TokenDesk(context)
        lia = try tokens.issue(TokenRequest(provider: "974760673")).token
        haugen = try tokens.issue(TokenRequest(provider: "923609016")).token
        leader = try tokens.issue(TokenRequest(role: "leader", everyMunicipality: true)).token
        expiring = try tokens.issue(TokenRequest(provider: "974760673", expires: Self.today.iso, label: "expires today")).token

        var settings = TunetServer.Settings()
        settings.port = 0
        settings.bodyLimit = bodyLimit
        settings.fixedToday = serverToday
        configure(&settings)
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        var logger = log.map { captured in Logger(label: "test") { _ in CapturingLogHandler(log: captured) } } ?? Logger(label: "test")
        logger.logLevel = log == nil ? .critical : .info
        let app = try TunetServer.application(context: context, settings: settings, logger: logger) { port in continuation.yield(port) }
        task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = stream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TunetError.internalFault("the server did not start") }
        base = URL(string: "http://127.0.0.1:\(port)")!
    }

    deinit {
        task?.cancel()
        try? FileManager.default.removeItem(at: folder)
    }

    func stop() async {
        task?.cancel()
        _ = await task?.result
    }

    func request(_ method: String, _ path: String, token: String? = nil, body: Data? = nil, type: String? = "text/csv",
                 headers: [String: String] = [:]) async throws -> (status: Int, data: Data, headers: [AnyHashable: Any]) {
        try await send(method, path, to: base, token: token, body: body, type: type, headers: headers)
    }

    func json(_ data: Data) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Every row of the attendance tables, to prove that nothing was stored.
    func attendanceCount() throws -> Int {
        try context.store.read { reader in try reader.submissions().count }
    }
}

/// One request to a service at `base`, as a script would send it, with the token as a bearer token.
func send(_ method: String, _ path: String, to base: URL, token: String? = nil, body: Data? = nil, type: String? = "text/csv",
          headers: [String: String] = [:]) async throws -> (status: Int, data: Data, headers: [AnyHashable: Any]) {
    var request = URLRequest(url: URL(string: path, relativeTo: base)!)
    request.httpMethod = method
    if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
    // URLSession adds an Accept-Language of its own; an empty one leaves it out, as a script's request does.
    request.setValue("", forHTTPHeaderField: "Accept-Language")
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    if let body {
        request.httpBody = body
        if let type { request.setValue(type, forHTTPHeaderField: "Content-Type") }
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as! HTTPURLResponse
    return (http.statusCode, data, http.allHeaderFields)
}

/// Every line the service logs, with its metadata, for tests that check what is never logged.
final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var lines: [String] { lock.withLock { stored } }
    func append(_ line: String) { lock.withLock { stored.append(line) } }
}

struct CapturingLogHandler: LogHandler {
    let log: CapturedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        log.append("\(event.message) " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
    }
}

let mayCSV = Data("orgnr;deltaker;dato;status\n974760673;P-2026-0101;04.05.2026;M\n974760673;P-2026-0101;11.05.2026;FU\n".utf8)

@Suite("The provider-facing service over a real loopback socket")
struct ServiceTests {
    @Test("Health, the farm's own placements without names, the template, an upload, its resubmission and the submissions")
    func happyPath() async throws {
        let service = try await RunningService()
        let health = try await service.request("GET", "/health")
        #expect(health.status == 200)
        #expect(try service.json(health.data)["status"] as? String == "ok")

        let placements = try await service.request("GET", "/v1/placements", token: service.lia)
        #expect(placements.status == 200)
        let list = try JSONSerialization.jsonObject(with: placements.data) as? [[String: Any]]
        #expect(list?.map { $0["participant"] as? String } == ["P-2026-0101"])
        #expect(!String(decoding: placements.data, as: UTF8.self).contains("Kari"))

        let template = try await service.request("GET", "/v1/attendance/template?month=2026-05", token: service.lia)
        #expect(template.status == 200)
        #expect(template.data.starts(with: [0x50, 0x4B, 0x03, 0x04]))

        let created = try await service.request("POST", "/v1/attendance?filename=mai.csv", token: service.lia, body: mayCSV)
        #expect(created.status == 201, "\(String(decoding: created.data, as: UTF8.self))")
        #expect(try service.json(created.data)["new"] as? Int == 2)
        let again = try await service.request("POST", "/v1/attendance?filename=mai.csv", token: service.lia, body: mayCSV)
        #expect(again.status == 200)
        #expect(try service.json(again.data)["status"] as? String == "unchanged")

        let submissions = try await service.request("GET", "/v1/submissions", token: service.lia)
        let entries = try JSONSerialization.jsonObject(with: submissions.data) as? [[String: Any]]
        #expect(entries?.count == 1)
        #expect(entries?.first?["actor"] as? String == "provider 974760673 (token 1)")
        #expect(try await service.request("GET", "/v1/submissions", token: service.haugen).data == Data("[]".utf8))
        await service.stop()
    }

    @Test("Missing, wrong, revoked and expired tokens get 401; a wrong role gets 403")
    func authentication() async throws {
        let service = try await RunningService()
        #expect(try await service.request("GET", "/v1/placements").status == 401)
        #expect(try await service.request("GET", "/v1/placements", token: "tunet_" + String(repeating: "a", count: 64)).status == 401)
        #expect(try await service.request("GET", "/v1/reports/providers", token: service.lia).status == 403)
        #expect(try await service.request("GET", "/v1/placements", token: service.leader).status == 403)
        let report = try await service.request("GET", "/v1/reports/providers", token: service.leader)
        #expect(report.status == 200)
        #expect(report.data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        _ = try TokenDesk(service.context).revoke(1)
        let revoked = try await service.request("GET", "/v1/placements", token: service.lia, headers: ["Accept-Language": "en"])
        #expect(revoked.status == 401)
        #expect(try service.json(revoked.data)["detail"] as? String == "The token has been revoked.")
        await service.stop()
    }

    @Test("A token is valid through its expiry day and 401 the day after")
    func expiry() async throws {
        let onTheDay = try await RunningService()
        #expect(try await onTheDay.request("GET", "/v1/placements", token: onTheDay.expiring).status == 200)
        await onTheDay.stop()
        let dayAfter = try await RunningService(serverToday: RunningService.today.adding(days: 1))
        let expired = try await dayAfter.request("GET", "/v1/placements", token: dayAfter.expiring, headers: ["Accept-Language": "en"])
        #expect(expired.status == 401)
        #expect(try dayAfter.json(expired.data)["detail"] as? String == "The token expired on 2026-06-10.")
        await dayAfter.stop()
    }

    @Test("Another farm's participant is reported as unknown, never revealed; bad rows get 422 with row details and store nothing")
    func authorisationAndBadRows() async throws {
        let service = try await RunningService()
        let foreign = Data("orgnr;deltaker;dato;status\n974760673;P-2026-0200;04.05.2026;M\n".utf8)
        let refused = try await service.request("POST", "/v1/attendance", token: service.lia, body: foreign, headers: ["Accept-Language": "en"])
        #expect(refused.status == 422)
        let problem = try service.json(refused.data)
        let problems = problem["problems"] as? [[String: Any]]
        #expect(problems?.first?["row"] as? Int == 2)
        #expect(problems?.first?["reason"] as? String == "unknown participant code P-2026-0200")
        #expect(refused.headers["Content-Type"] as? String == "application/problem+json")
        let broken = Data("orgnr;deltaker;dato;status\n974760673;\"P-2026-0101;04.05.2026;M\n".utf8)
        let malformed = try await service.request("POST", "/v1/attendance", token: service.lia, body: broken, headers: ["Accept-Language": "en"])
        #expect(malformed.status == 422)
        #expect(String(decoding: malformed.data, as: UTF8.self).contains("never closed"))
        #expect(try service.attendanceCount() == 0)
        await service.stop()
    }

    @Test("A body over the cap gets 413, a wrong content type 415, and nothing is stored")
    func limits() async throws {
        let service = try await RunningService(bodyLimit: 1024)
        let big = Data(repeating: UInt8(ascii: "a"), count: 4096)
        #expect(try await service.request("POST", "/v1/attendance", token: service.lia, body: big).status == 413)
        #expect(try await service.request("POST", "/v1/attendance", token: service.lia, body: mayCSV, type: "application/json").status == 415)
        #expect(try service.attendanceCount() == 0)
        await service.stop()
    }

    @Test("Two concurrent uploads for the same farm and month lose and duplicate nothing")
    func concurrentUploads() async throws {
        let service = try await RunningService()
        let other = Data("orgnr;deltaker;dato;status\n974760673;P-2026-0101;18.05.2026;M\n".utf8)
        async let first = service.request("POST", "/v1/attendance?filename=a.csv", token: service.lia, body: mayCSV)
        async let second = service.request("POST", "/v1/attendance?filename=b.csv", token: service.lia, body: other)
        let statuses = try await [first.status, second.status]
        #expect(statuses == [201, 201])
        let basis = try AttendanceOverviewDesk(service.context).invoiceBasis(provider: "974760673", month: "2026-05")
        #expect(basis.lines.first?.reportedDays == 3)
        #expect(try service.attendanceCount() == 2)
        await service.stop()
    }

    @Test("Forty concurrent uploads from two farms, each file sent four times, store every day exactly once")
    func manyConcurrentUploads() async throws {
        let service = try await RunningService()
        let days = ["04.05.2026", "11.05.2026", "18.05.2026", "01.06.2026", "08.06.2026"]   // the past Mondays but Whit Monday
        var uploads: [(token: String, name: String, body: Data)] = []
        for (token, farm, participant) in [(service.lia, "974760673", "P-2026-0101"), (service.haugen, "923609016", "P-2026-0200")] {
            for day in days {
                let body = Data("orgnr;deltaker;dato;status\n\(farm);\(participant);\(day);M\n".utf8)
                for copy in 1...4 { uploads.append((token, "\(farm)-\(day)-\(copy).csv", body)) }
            }
        }
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for upload in uploads {
                group.addTask { try await service.request("POST", "/v1/attendance?filename=\(upload.name)", token: upload.token, body: upload.body).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == 40)
        #expect(statuses.filter { $0 == 201 }.count == 10, "one new submission per distinct file: \(statuses)")
        #expect(statuses.filter { $0 == 200 }.count == 30, "the copies are recognised as identical: \(statuses)")
        #expect(try service.attendanceCount() == 10)
        let stored = try service.context.store.read { reader in
            try reader.attendance(placements: [1, 2], from: LocalDate(year: 2026, month: 5, day: 1)!, to: LocalDate(year: 2026, month: 6, day: 30)!)
        }
        #expect(stored.count == 10)
        #expect(Set(stored.map { "\($0.entry.placementId) \($0.entry.date.iso)" }).count == 10)
        await service.stop()
    }

    @Test("Each request is logged with its id, method, path, status and duration, never its body, token or names")
    func requestLog() async throws {
        let log = CapturedLog()
        let service = try await RunningService(log: log)
        #expect(try await service.request("POST", "/v1/attendance?filename=mai.csv", token: service.lia, body: mayCSV).status == 201)
        #expect(try await service.request("GET", "/v1/placements", token: service.lia).status == 200)
        #expect(try await service.request("GET", "/v1/placements", token: "tunet_wrong").status == 401)
        await service.stop()
        let requests = log.lines.filter { $0.hasPrefix("request ") }
        #expect(requests.count == 3, "\(log.lines)")
        let upload = try #require(requests.first { $0.contains("path=/v1/attendance") })
        for field in ["id=", "method=POST", "status=201", "ms="] { #expect(upload.contains(field), "\(upload)") }
        for secret in [service.lia, "tunet_wrong", "P-2026-0101", "974760673;", "Kari Nordmann", "mai.csv"] {
            #expect(!log.lines.contains { $0.contains(secret) }, "\(secret) was logged")
        }
    }

}

@Suite("The OpenAPI contract stays true")
struct OpenAPIContractTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Contracts/openapi.yaml")

    /// `path -> [methods]` read from the YAML: the paths block's two-space keys and their four-space method keys.
    static func documented() throws -> [String: Set<String>] {
        let text = try String(contentsOf: document, encoding: .utf8)
        var result: [String: Set<String>] = [:]
        var inPaths = false
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true; continue }
            guard inPaths else { continue }
            if line.hasPrefix("  /") && line.hasSuffix(":") && !line.hasPrefix("   ") {
                current = String(line.dropFirst(2).dropLast())
                result[current!] = []
            } else if let current, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.trimmingCharacters(in: .whitespaces).dropLast().uppercased()
                if ["GET", "POST", "PUT", "DELETE", "PATCH"].contains(method) { result[current]!.insert(method) }
            }
        }
        return result
    }

    @Test("Every registered route is documented, and nothing undocumented is registered")
    func routesMatch() throws {
        let documented = try Self.documented()
        var registered: [String: Set<String>] = [:]
        for route in TunetServer.routes { registered[route.path, default: []].insert(route.method) }
        #expect(registered == documented)
    }

    @Test("Every documented path answers (never 404 or 405)")
    func pathsAnswer() async throws {
        let service = try await RunningService()
        for (path, methods) in try Self.documented() {
            let concrete = path.replacingOccurrences(of: "{name}", with: "providers").replacingOccurrences(of: "{id}", with: "1")
                .replacingOccurrences(of: "{action}", with: "start")
            for method in methods {
                let result = try await service.request(method, concrete + (concrete.contains("template") ? "?month=2026-05" : ""),
                                                       token: concrete.contains("reports") ? service.leader : service.lia,
                                                       body: method == "POST" ? mayCSV : nil)
                #expect(![404, 405].contains(result.status), "\(method) \(concrete) answered \(result.status)")
            }
        }
        await service.stop()
    }
}
