import Foundation
import Testing
import TunetText
@testable import TunetApp
@testable import TunetDomain
import TunetStorage
@testable import TunetStoreSQLite
import TunetTestSupport

@Suite("Tokens for the provider-facing service")
struct TokenDeskTests {
    @Test("A token is shown once; only its SHA-256 hash is stored, and it authenticates its farm")
    func issueAndAuthenticate() throws {
        let workspace = try TestWorkspace()
        _ = try ProviderDesk(workspace.context).add(liaGard)
        let issued = try TokenDesk(workspace.context).issue(TokenRequest(provider: "974760673", label: "regnskap"))
        #expect(issued.token.hasPrefix("tunet_") && issued.token.count == 70)
        #expect(issued.record.expiresOn == workspace.context.today.adding(days: 365))
        #expect(try TestDatabase.everythingStored(at: workspace.context.store.location).range(of: Data(issued.token.utf8)) == nil)
        #expect(try !workspace.snapshot().contains(issued.token))
        #expect(try AuditDesk(workspace.context).events(entity: "token").allSatisfy { !($0.after ?? "").contains(issued.token) })
        let principal = try TokenDesk(workspace.context).authenticate(issued.token)
        #expect(principal.provider?.digits == "974760673")
        #expect(!principal.isLeader)
    }

    @Test("A wrong, revoked or expired token is unauthorized")
    func refusals() throws {
        let workspace = try TestWorkspace()
        _ = try ProviderDesk(workspace.context).add(liaGard)
        let desk = TokenDesk(workspace.context)
        let issued = try desk.issue(TokenRequest(provider: "974760673", expires: workspace.context.today.iso))
        #expect(throws: TunetError.self) { try desk.authenticate(nil) }
        #expect(throws: TunetError.self) { try desk.authenticate("tunet_" + String(repeating: "0", count: 64)) }
        let tomorrow = TunetContext(store: workspace.context.store, actor: .atServer("t"), today: workspace.context.today.adding(days: 1))
        let expired = #expect(throws: TunetError.self) { try TokenDesk(tomorrow).authenticate(issued.token) }
        #expect(expired?.english == "The token expired on \(workspace.context.today.iso).")
        #expect(expired.map { Texts(.nb).render($0.message) } == "Tilgangsnøkkelen utløp \(workspace.context.today.norwegian).")
        _ = try desk.revoke(issued.record.id)
        let revoked = #expect(throws: TunetError.self) { try desk.authenticate(issued.token) }
        #expect(revoked?.english == "The token has been revoked.")
        #expect(throws: TunetError.self) { try desk.revoke(issued.record.id) }
    }

    @Test("Leader tokens have no farm; provider tokens need a registered one")
    func roles() throws {
        let workspace = try TestWorkspace()
        let leader = try TokenDesk(workspace.context).issue(TokenRequest(role: "leader", everyMunicipality: true))
        #expect(try TokenDesk(workspace.context).authenticate(leader.token).isLeader)
        #expect(throws: TunetError.self) { try TokenDesk(workspace.context).issue(TokenRequest()) }
        #expect(throws: TunetError.self) { try TokenDesk(workspace.context).issue(TokenRequest(provider: "923609016")) }
        #expect(throws: TunetError.self) { try TokenDesk(workspace.context).issue(TokenRequest(role: "leader", provider: "974760673", everyMunicipality: true)) }
    }

    @Test("A leader's or work team's token names its municipalities, a pilot or the whole service — one of them; a farm's and a national reader's none")
    func scopes() throws {
        let workspace = try TestWorkspace()
        _ = try ProviderDesk(workspace.context).add(liaGard)
        let desk = TokenDesk(workspace.context)
        let team = try desk.issue(TokenRequest(role: "work-team", municipalities: ["3303,1804", "3303"]))
        #expect(team.record.role == .workTeam && team.record.municipalities == .only(["3303", "1804"]))
        let principal = try desk.authenticate(team.token)
        #expect(principal.scope == .only(["3303", "1804"]))
        #expect(principal.actor == AuditActor(name: "work team (token \(team.record.id))", role: .workTeam, scope: .only(["3303", "1804"])))
        #expect(try desk.authenticate(try desk.issue(TokenRequest(role: "national")).token).role == .national)
        #expect(try desk.authenticate(try desk.issue(TokenRequest(provider: "974760673")).token).scope == .every)

        func refusal(_ request: TokenRequest) -> String? {
            (#expect(throws: TunetError.self) { try desk.issue(request) })?.english
        }
        #expect(refusal(TokenRequest(role: "leader")) == "municipality: say which municipalities the token is for: municipality NUMBER (several if you like), pilot PILOT, or every-municipality for the whole service")
        #expect(refusal(TokenRequest(role: "leader", municipalities: ["3303"], everyMunicipality: true))?.contains("choose one of") == true)
        #expect(refusal(TokenRequest(role: "work-team", pilot: "1"))?.contains("a pilot is given to project leaders only") == true)
        #expect(refusal(TokenRequest(role: "national", municipalities: ["3303"]))?.contains("leave out municipalities and pilot") == true)
        #expect(refusal(TokenRequest(role: "leader", municipalities: ["9999"]))?.contains("9999") == true)
        #expect(refusal(TokenRequest(role: "chief", municipalities: ["3303"]))?.contains("use provider, leader, work-team or national") == true)
        #expect(refusal(TokenRequest(pilot: "No such pilot"))?.contains("No such pilot") == true)
        #expect(try desk.list().count == 3)
    }

    @Test("A pilot's token sees the municipalities its pilot has when it is used")
    func pilotScope() throws {
        let workspace = try TestWorkspace()
        let pilot = try PilotDesk(workspace.context).add(name: "Elever i Nordland", county: "Nordland", targetGroup: "pupils",
                                                         municipalities: ["1804", "1866"], from: "2026-01-01", to: "2026-12-31",
                                                         projectLeader: "Prosjektleder", researchPartner: nil)
        let issued = try TokenDesk(workspace.context).issue(TokenRequest(pilot: "Elever i Nordland"))
        #expect(issued.record.role == .leader && issued.record.pilotId == pilot.id && issued.record.municipalities == nil)
        #expect(try TokenDesk(workspace.context).authenticate(issued.token).scope == .only(["1804", "1866"]))
    }

    @Test("Comparing hashes does not depend on where they differ")
    func constantTime() {
        #expect(TokenDesk.constantTimeEqual("abc", "abc"))
        #expect(!TokenDesk.constantTimeEqual("abc", "abd"))
        #expect(!TokenDesk.constantTimeEqual("abc", "abcd"))
    }
}
