import Foundation
import Testing
@testable import TunetApp
import TunetDomain
import TunetStorage
import TunetTestSupport

/// A clock a test moves by hand.
final class HandClock: @unchecked Sendable {
    private let lock = NSLock()
    private var moment = Date(timeIntervalSince1970: 1_780_000_000)
    var now: Date { lock.withLock { moment } }
    func advance(_ seconds: TimeInterval) { lock.withLock { moment += seconds } }
}

@Suite("Sessions for the web pages")
struct WebSessionDeskTests {
    @Test("A session lasts eight hours and then opens nothing; only the hash of its secret is stored")
    func lifetime() throws {
        let workspace = try TestWorkspace()
        _ = try ProviderDesk(workspace.context).add(liaGard)
        let token = try TokenDesk(workspace.context).issue(TokenRequest(provider: "974760673")).token
        let clock = HandClock()
        let context = TunetContext(store: workspace.context.store, actor: .atServer("t"), today: workspace.context.today, now: { clock.now })
        let signedIn = try WebSessionDesk(context).signIn(token: token)
        #expect(signedIn.secret.count == 64)
        #expect(try TestDatabase.everythingStored(at: workspace.context.store.location).range(of: Data(signedIn.secret.utf8)) == nil)
        #expect(try WebSessionDesk(context).session(secret: signedIn.secret).principal.provider?.digits == "974760673")
        clock.advance(WebSessionDesk.lifetime - 1)
        #expect(throws: Never.self) { try WebSessionDesk(context).session(secret: signedIn.secret) }
        clock.advance(1)
        let ended = #expect(throws: TunetError.self) { try WebSessionDesk(context).session(secret: signedIn.secret) }
        #expect(ended?.category == .unauthorized)
        // A sign-in after it removes the ended session's row.
        _ = try WebSessionDesk(context).signIn(token: token)
        #expect(try context.read { try $0.webSession(hash: TokenDesk.hash(signedIn.secret)) } == nil)
    }

    @Test("Signing out ends the session, twice changes nothing, and a secret of the wrong shape is unauthorized")
    func signOut() throws {
        let workspace = try TestWorkspace()
        _ = try ProviderDesk(workspace.context).add(liaGard)
        let token = try TokenDesk(workspace.context).issue(TokenRequest(provider: "974760673")).token
        let desk = WebSessionDesk(workspace.context)
        let signedIn = try desk.signIn(token: token)
        try desk.signOut(secret: signedIn.secret)
        try desk.signOut(secret: signedIn.secret)
        #expect(throws: TunetError.self) { try desk.session(secret: signedIn.secret) }
        #expect(throws: TunetError.self) { try desk.session(secret: "../../etc/passwd") }
        #expect(throws: TunetError.self) { try desk.signIn(token: "tunet_" + String(repeating: "f", count: 64)) }
        #expect(try AuditDesk(workspace.context).events(entity: "web_session").map(\.action) == ["sign_in", "sign_out"])
    }

    @Test("A form key belongs to one session: another session's key, or none, is refused")
    func formKeys() {
        let one = String(repeating: "a", count: 64), other = String(repeating: "b", count: 64)
        #expect(WebSessionDesk.isFormKey(WebSessionDesk.formKey(for: one), of: one))
        #expect(!WebSessionDesk.isFormKey(WebSessionDesk.formKey(for: other), of: one))
        #expect(!WebSessionDesk.isFormKey(nil, of: one))
        #expect(!WebSessionDesk.isFormKey(one, of: one))
    }
}
