import Foundation
import Logging
import Testing
import TunetTestSupport
@testable import TunetApp
import TunetDomain
import TunetFiles
import TunetFixtures
@testable import TunetHTTP

/// The demo database — Kongsberg, the Nordland pupil pilot, the Oslo and Viken dementia pilot — served
/// on a free loopback port, with a token for each kind of reader. Fjell gård in Lørenskog also takes
/// a participant from Oslo, so that one farm serves two municipalities.
final class DemoService: @unchecked Sendable {
    static let today = LocalDate(year: 2026, month: 11, day: 23)!
    static let nordlandPilot = "Inn på tunet for elever i Nordland"

    let folder: URL
    let context: TunetContext
    var base: URL!
    /// What the service logged at error level (an internal fault's kind and place), for a failing test to show.
    let faults = CapturedLog()
    private var task: Task<Void, Error>?
    /// Tokens: Kongsberg's project leader and work team, the Nordland pilot's county project leader,
    /// a national reader, and two farms (Lia gård in Kongsberg, Fjell gård serving Lørenskog and Oslo).
    let kongsbergLeader: String, kongsbergTeam: String, nordlandPilot: String, national: String, lia: String, fjell: String
    let liaNumber: String, fjellNumber: String, saltstraumenNumber: String
    /// A Kongsberg pupil whose name is kept beside the code.
    let kongsbergName: (code: ParticipantCode, name: String)

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-demo-service-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let configuration = try TunetConfiguration(databaseOption: try TestDatabase.location(in: folder, name: "demo.sqlite"), actorOption: "demo",
                                                   environment: ["TUNET_TODAY": Self.today.iso])
        _ = try DemoScenario.build(configuration, replace: false)
        context = try configuration.context()
        let farms = try ProviderDesk(context).list()
        func number(_ name: String) -> String { farms.first { $0.provider.name == name }?.provider.organisationNumber.digits ?? "" }
        liaNumber = number("Lia gård")
        fjellNumber = number("Fjell gård")
        saltstraumenNumber = number("Saltstraumen gård")
        var oslo = PlacementForm()
        oslo.kind = "dementia"
        oslo.municipality = "0301"
        oslo.provider = fjellNumber
        oslo.weekdays = "wed"
        oslo.start = Self.today.adding(days: -30).iso
        oslo.end = Self.today.adding(days: 60).iso
        oslo.decisionReference = "DEM-0301-2026/90"
        oslo.criteriaInputs = "Nærmeste gård med ledig plass onsdager"
        _ = try PlacementDesk(context).add(to: "2025/DAG-77", oslo, name: "Ragnhild Fjeldstad")
        // One Kongsberg participant whose municipality insists on keeping the name.
        let kongsbergPupil = try #require(try context.read { try $0.placements() }.first { $0.municipalityNumber == "3303" && $0.kind == .pupil })
        kongsbergName = (kongsbergPupil.participant, "Sander Kongsli")
        try context.store.write(actor: .atServer("demo")) { try $0.setParticipantName(kongsbergPupil.participant, name: "Sander Kongsli") }
        let tokens = TokenDesk(context)
        kongsbergLeader = try tokens.issue(TokenRequest(role: "leader", municipalities: ["3303"])).token
        kongsbergTeam = try tokens.issue(TokenRequest(role: "work-team", municipalities: ["3303"])).token
        nordlandPilot = try tokens.issue(TokenRequest(pilot: Self.nordlandPilot)).token
        national = try tokens.issue(TokenRequest(role: "national")).token
        lia = try tokens.issue(TokenRequest(provider: liaNumber)).token
        fjell = try tokens.issue(TokenRequest(provider: fjellNumber)).token

        var settings = TunetServer.Settings()
        settings.port = 0
        settings.fixedToday = Self.today
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "test") { [faults] _ in CapturingLogHandler(log: faults) }
        logger.logLevel = .error
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

    func request(_ method: String, _ path: String, token: String?, body: Data? = nil) async throws -> (status: Int, data: Data) {
        let answer = try await send(method, path, to: base, token: token, body: body, type: "application/json")
        return (answer.status, answer.data)
    }

    /// The JSON array an endpoint answered.
    func list(_ path: String, token: String) async throws -> [[String: Any]] {
        let answer = try await request("GET", path, token: token)
        guard answer.status == 200 else { throw TunetError.internalFault("\(path) answered \(answer.status): \(String(decoding: answer.data, as: UTF8.self))") }
        return try JSONSerialization.jsonObject(with: answer.data) as? [[String: Any]] ?? []
    }

    /// Every cell of every sheet of a workbook the service sent, as text.
    static func cells(_ workbook: Data) throws -> [String] {
        let reader = try XLSXReader(data: workbook, name: "report.xlsx")
        return try reader.sheetNames.flatMap { try reader.records(sheet: $0).flatMap(\.fields) }
    }
}
