import Crypto
import Foundation
import TunetDomain
import TunetStorage

/// A browser signed in with a token: what the session's cookie holds (shown once, never stored), and
/// who it stands for.
public struct SignedIn: Sendable {
    public let secret: String
    public let session: WebSession
    public let principal: Principal
}

/// Sessions for the service's pages: a farm or a leader pastes its token once and the browser keeps a
/// session secret in a cookie instead. A session lasts `lifetime` at most, ends when its holder signs
/// out, and ends with its token: a revoked or expired token's sessions let nothing in.
public struct WebSessionDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// A working day: a farmer who signs in in the morning is not sent back to the sign-in in the afternoon.
    public static let lifetime: TimeInterval = 8 * 60 * 60

    /// Opens a session for the token; a token that lets nothing in is refused as `TokenDesk.authenticate`
    /// refuses it, and a national reader's, which has no pages, is refused.
    public func signIn(token: String?) throws -> SignedIn {
        let principal = try TokenDesk(context).authenticate(token)
        guard principal.role != .national else { throw TunetError.forbidden(Message("page.signin.national")) }
        let secret = RandomSecret.hex()
        let now = context.now()
        let session = WebSession(id: 0, tokenId: principal.token.id, createdAt: AuditClock.timestamp(now),
                                 expiresAt: AuditClock.timestamp(now.addingTimeInterval(Self.lifetime)))
        let stored = try context.acting(as: principal.actor, today: context.today).write { try $0.insertWebSession(session, hash: TokenDesk.hash(secret)) }
        return SignedIn(secret: secret, session: stored, principal: principal)
    }

    /// The session a cookie's secret opens, and who it stands for now; every failure is "unauthorized".
    public func session(secret: String?) throws -> (session: WebSession, principal: Principal) {
        guard let secret, secret.count == 64, secret.utf8.allSatisfy(\.isHexDigit) else {
            throw TunetError.unauthorized(Message("session.error.required"))
        }
        let hash = TokenDesk.hash(secret)
        guard let (session, token, stored) = try context.read({ try $0.webSession(hash: hash) }), TokenDesk.constantTimeEqual(stored, hash),
              session.expiresAt > AuditClock.timestamp(context.now()) else {
            throw TunetError.unauthorized(Message("session.error.ended"))
        }
        guard token.isValid(on: context.today) else { throw TunetError.unauthorized(Message("session.error.token_ended")) }
        return (session, Principal(token: token, scope: try TokenDesk(context).scope(of: token)))
    }

    /// Ends the session the secret opens; one already ended changes nothing.
    public func signOut(secret: String?) throws {
        guard let (session, principal) = try? self.session(secret: secret) else { return }
        try context.acting(as: principal.actor, today: context.today).write { try $0.endWebSession(session.id) }
    }

    /// The key a session's forms carry, so that a page of another site cannot post them (derived from
    /// the session's secret, which only its browser has).
    public static func formKey(for secret: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data("tunet-form".utf8), using: SymmetricKey(data: Data(secret.utf8))).hexDigits
    }

    /// Whether a posted form key is the session's, compared without stopping at the first difference.
    public static func isFormKey(_ key: String?, of secret: String) -> Bool {
        guard let key else { return false }
        return TokenDesk.constantTimeEqual(key, formKey(for: secret))
    }
}

extension UInt8 {
    var isHexDigit: Bool { (0x30...0x39).contains(self) || (0x61...0x66).contains(self) }
}
