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
        let file = try Data(contentsOf: URL(fileURLWithPath: workspace.context.store.location))
        #expect(file.range(of: Data(issued.token.utf8)) == nil)
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

    @Test("Comparing hashes does not depend on where they differ")
    func constantTime() {
        #expect(TokenDesk.constantTimeEqual("abc", "abc"))
        #expect(!TokenDesk.constantTimeEqual("abc", "abd"))
        #expect(!TokenDesk.constantTimeEqual("abc", "abcd"))
    }
}
