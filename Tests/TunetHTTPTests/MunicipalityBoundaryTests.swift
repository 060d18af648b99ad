import Foundation
import Testing
@testable import TunetApp
import TunetDomain
import TunetStorage
import TunetText

/// Each token sees its own municipalities and no others, over the service, on the demo's three groups.
@Suite("Municipality boundaries: each token sees its own municipalities, from both sides", .serialized)
struct MunicipalityBoundaryTests {
    /// The demo's placements' participant codes by municipality.
    static func codes(_ service: DemoService) throws -> [String: Set<String>] {
        let placements = try service.context.read { try $0.placements() }
        return Dictionary(grouping: placements, by: \.municipalityNumber).mapValues { Set($0.map(\.participant.text)) }
    }

    static func codes(in municipalities: Set<String>, _ all: [String: Set<String>]) -> Set<String> {
        all.filter { municipalities.contains($0.key) }.values.reduce(into: Set()) { $0.formUnion($1) }
    }

    static let nordland: Set<String> = ["1866", "1837", "1870", "1865", "1804"]

    @Test("A Kongsberg leader's reports hold Kongsberg's placements only; Nordland's are not there by report, filter, pilot or farm")
    func kongsbergLeaderReports() async throws {
        let service = try await DemoService()
        let all = try Self.codes(service)
        let kongsberg = Self.codes(in: ["3303"], all), others = Self.codes(in: Set(all.keys).subtracting(["3303"]), all)
        #expect(!kongsberg.isEmpty && !others.isEmpty)

        let placements = try await service.request("GET", "/v1/reports/placements", token: service.kongsbergLeader)
        #expect(placements.status == 200)
        let cells = Set(try DemoService.cells(placements.data))
        #expect(kongsberg.isSubset(of: cells))
        #expect(cells.isDisjoint(with: others))

        for report in ["attendance-rows?from=2026-07-01&to=2026-11-23", "attendance-month?month=2026-10", "tasks"] {
            let answer = try await service.request("GET", "/v1/reports/\(report)", token: service.kongsbergLeader)
            #expect(answer.status == 200, "\(report)")
            let cells = Set(try DemoService.cells(answer.data))
            #expect(cells.isDisjoint(with: others), "\(report)")
            #expect(report == "tasks" || !cells.isDisjoint(with: kongsberg), "\(report)")
        }

        // The invoice basis for a Bodø farm, asked for by its number: the farm is in the public register, its placements are not.
        let basis = try await service.request("GET", "/v1/reports/invoice-basis?provider=\(service.saltstraumenNumber)&month=2026-10",
                                              token: service.kongsbergLeader)
        #expect(basis.status == 200)
        #expect(Set(try DemoService.cells(basis.data)).isDisjoint(with: others))

        let agreements = try await service.request("GET", "/v1/reports/agreements", token: service.kongsbergLeader)
        let agreementCells = Set(try DemoService.cells(agreements.data))
        #expect(agreementCells.contains("2023/4512"))
        #expect(!agreementCells.contains("2025/310") && !agreementCells.contains("2025/DAG-77"))

        let outside = try await service.request("GET", "/v1/reports/placements?municipality=1804", token: service.kongsbergLeader)
        #expect(outside.status == 403)
        #expect(String(decoding: outside.data, as: UTF8.self).contains("1804 Bodø"))
        let pilot = try await service.request("GET", "/v1/reports/pilot?pilot=\(DemoService.nordlandPilot.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)",
                                              token: service.kongsbergLeader)
        #expect(pilot.status == 404)
        let audit = try await service.request("GET", "/v1/reports/audit", token: service.kongsbergLeader)
        #expect(audit.status == 403)
    }

    @Test("A Nordland pilot's token sees the pilot's five municipalities and no others")
    func pilotToken() async throws {
        let service = try await DemoService()
        let all = try Self.codes(service)
        let placements = try await service.request("GET", "/v1/reports/placements", token: service.nordlandPilot)
        #expect(placements.status == 200)
        let cells = Set(try DemoService.cells(placements.data))
        #expect(Self.codes(in: Self.nordland, all).isSubset(of: cells))
        #expect(cells.isDisjoint(with: Self.codes(in: Set(all.keys).subtracting(Self.nordland), all)))
        let listed = try await service.list("/v1/team/placements", token: service.nordlandPilot)
        #expect(!listed.isEmpty && listed.allSatisfy { Self.nordland.contains($0["municipality_number"] as? String ?? "") })
        #expect(listed.allSatisfy { $0["name"] == nil })
        let kongsberg = try await service.request("GET", "/v1/reports/providers?municipality=3303", token: service.nordlandPilot)
        #expect(kongsberg.status == 403)
    }

    @Test("The national reader gets counts and money per municipality and target group, never a code, a count under 5 shown as «under 5»")
    func nationalReader() async throws {
        let service = try await DemoService()
        let all = try Self.codes(service)
        let answer = try await service.request("GET", "/v1/figures?from=2026-01-01&to=2026-11-23", token: service.national)
        #expect(answer.status == 200)
        let text = String(decoding: answer.data, as: UTF8.self)
        #expect(all.values.joined().allSatisfy { !text.contains($0) })
        let document = try JSONSerialization.jsonObject(with: answer.data) as? [String: Any] ?? [:]
        let figures = document["figures"] as? [[String: Any]] ?? []
        #expect(Set(figures.compactMap { $0["municipality_number"] as? String }) == Set(all.keys))
        for cell in figures {
            for key in ["participants", "placements", "present_days", "absent_days"] {
                if let count = cell[key] as? Int { #expect(count >= 5, "\(key) in \(cell)") } else { #expect(cell[key] as? String == "under 5") }
            }
            // Too few participants to publish: nothing else of the cell is.
            if cell["participants"] as? String == "under 5" { #expect(cell["spent_ore"] is NSNull) }
        }
        #expect(figures.contains { $0["municipality_number"] as? String == "3303" && $0["participants"] as? Int == 5 })
        for path in ["/v1/reports/placements", "/v1/team/placements", "/v1/team/tasks", "/v1/placements"] {
            #expect(try await service.request("GET", path, token: service.national).status == 403, "\(path)")
        }
    }

    @Test("The placements report names a call-off's method once: «tildelingskriterier: Gården nærmest …»")
    func chosenByOnce() async throws {
        let service = try await DemoService()
        let file = service.folder.appendingPathComponent("plasseringer.xlsx").path
        _ = try ReportDesk(service.context).write(ReportRequest(report: "placements", defaultLanguage: .nb), to: file)
        let cells = try DemoService.cells(try Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(cells.contains { $0.hasPrefix("tildelingskriterier: Gården nærmest") })
        #expect(!cells.contains { $0.contains("tildelingskriterier: tildelingskriterier") })
    }

    @Test("A farm serving two municipalities sees its placements in both; another farm's are not among them")
    func farmInTwoMunicipalities() async throws {
        let service = try await DemoService()
        let fjell = try await service.list("/v1/placements", token: service.fjell)
        #expect(Set(fjell.compactMap { $0["participant"] as? String }).count == 2)
        let placements = try service.context.read { try $0.placements() }
        let fjellCodes = Set(placements.filter { $0.provider.digits == service.fjellNumber }.map(\.participant.text))
        #expect(Set(fjell.compactMap { $0["participant"] as? String }) == fjellCodes)
        #expect(Set(placements.filter { $0.provider.digits == service.fjellNumber }.map(\.municipalityNumber)) == ["3222", "0301"])
        let lia = try await service.list("/v1/placements", token: service.lia)
        #expect(Set(lia.compactMap { $0["participant"] as? String }).isDisjoint(with: fjellCodes))
        #expect(try await service.request("GET", "/v1/figures", token: service.lia).status == 403)
        #expect(try await service.request("GET", "/v1/team/tasks", token: service.lia).status == 403)
    }

    @Test("Kongsberg's work team sees its placements with names (each read audited), its tasks, and changes only its own")
    func workTeam() async throws {
        let service = try await DemoService()
        let placements = try await service.list("/v1/team/placements", token: service.kongsbergTeam)
        #expect(!placements.isEmpty && placements.allSatisfy { $0["municipality_number"] as? String == "3303" })
        let named = try await service.list("/v1/team/placements?names=true", token: service.kongsbergTeam)
        #expect(named.count == placements.count)
        #expect(named.compactMap { $0["name"] as? String } == [service.kongsbergName.name])
        #expect(placements.allSatisfy { $0["name"] == nil })
        let read = try #require(try AuditDesk(service.context).events(entity: "participant", id: service.kongsbergName.code.text, since: nil,
                                                                       limit: 1, oldest: false).first)
        #expect(read.action == "read-name" && read.actorRole == .workTeam && read.actorMunicipalities == ["3303"])
        let leaderNames = try await service.request("GET", "/v1/team/placements?names=true", token: service.kongsbergLeader)
        #expect(leaderNames.status == 403)

        let tasks = try await service.list("/v1/team/tasks", token: service.kongsbergTeam)
        #expect(!tasks.isEmpty)
        let teams = try service.context.read { try $0.teams() }
        let kongsbergTeam = try #require(teams.first { $0.municipalities == ["3303"] })
        #expect(tasks.allSatisfy { $0["team_id"] as? Int == Int(kongsbergTeam.id) })
        let everyTask = try service.context.read { try $0.tasks() }
        let own = try #require(everyTask.first { $0.teamId == kongsbergTeam.id && $0.status == .open })
        let foreign = try #require(everyTask.first { $0.teamId != kongsbergTeam.id && $0.status == .open })
        let refused = try await service.request("POST", "/v1/team/tasks/\(foreign.id)/start", token: service.kongsbergTeam)
        #expect(refused.status == 404)
        #expect(try service.context.read { try $0.task(foreign.id) }?.status == .open)
        let started = try await service.request("POST", "/v1/team/tasks/\(own.id)/start", token: service.kongsbergTeam)
        #expect(started.status == 200)
        let event = try #require(try AuditDesk(service.context).events(entity: "task", id: String(own.id), since: nil, limit: 1, oldest: false).first)
        #expect(event.actorRole == .workTeam && event.actorMunicipalities == ["3303"])
        #expect(event.actorText(Texts(.nb)) == "work team (token 2) (arbeidslag for 3303 Kongsberg)")
        let byLeader = try await service.request("POST", "/v1/team/tasks/\(own.id)/done", token: service.kongsbergLeader)
        #expect(byLeader.status == 403)
        let comment = try await service.request("POST", "/v1/team/tasks/\(own.id)/comment", token: service.kongsbergTeam,
                                                body: Data(#"{"text": "Ringte gården, svar fredag"}"#.utf8))
        #expect(comment.status == 200)
        let status = try await service.list("/v1/team/attendance?month=2026-10", token: service.kongsbergTeam)
        let kongsbergFarms = try service.context.read { try $0.allProviders() }.filter { $0.municipalityNumber == "3303" }.map(\.organisationNumber.digits)
        #expect(!status.isEmpty && status.allSatisfy { kongsbergFarms.contains($0["provider_organisation_number"] as? String ?? "") })
    }
}
