import Crypto
import Foundation
import TunetDomain
import TunetStorage

public struct IssuedTokenView: Sendable, Encodable {
    /// Shown once; Tunet keeps only its SHA-256 hash.
    public let token: String
    public let record: AccessToken
}

/// Who made a request to the service, and what they may see.
public struct Principal: Sendable {
    public let token: AccessToken
    /// The municipalities the token sees: its own list, or its pilot's municipalities as they are now.
    /// A farm's token sees its own placements wherever they are, and a national reader only aggregates.
    public let scope: MunicipalityScope

    public var provider: OrganisationNumber? { token.provider }
    public var role: TokenRole { token.role }
    public var isLeader: Bool { token.role == .leader }

    /// How the audit log names the token's holder: by role, farm and token number, never by the token.
    public var actor: AuditActor {
        let name = switch token.role {
        case .provider: "provider \(token.provider?.digits ?? "") (token \(token.id))"
        case .leader: "leader (token \(token.id))"
        case .workTeam: "work team (token \(token.id))"
        case .national: "national reader (token \(token.id))"
        }
        return AuditActor(name: name, role: token.role.actorRole, scope: scope)
    }
}

/// Tokens for the service: issued to a farm, a leader or a work team within municipalities, a county
/// project leader for a pilot, or a national reader; each with an expiry.
public struct TokenDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public static let defaultValidityDays = 365

    public func issue(_ request: TokenRequest) throws -> IssuedTokenView {
        var problems = ProblemCollector()
        let tokenRole = request.chosenRole(&problems)
        var number: OrganisationNumber?
        if let provider = request.provider { number = problems.take("provider", provider, OrganisationNumber.parse(provider)) }
        if tokenRole == .provider && request.provider == nil {
            problems.add("provider", nil, Message("token.error.provider_missing", fields: ["provider", "role"]))
        }
        if let tokenRole, tokenRole != .provider, let provider = request.provider {
            problems.add("provider", provider, Message("token.error.provider_not_for_role", ["role": tokenRole.labelValue], fields: ["provider"]))
        }
        let scope = tokenRole.flatMap { request.scope(for: $0, &problems) }
        var expiry = context.today.adding(days: Self.defaultValidityDays)
        if let expires = request.expires, let day = problems.date("expires", expires) {
            expiry = day
            if day < context.today { problems.add("expires", expires, Message("token.error.expiry_passed")) }
        }
        let cleanLabel = request.label?.trimmingWhitespace().nilIfEmpty
        if let cleanLabel, let reason = FreeText.check(cleanLabel, maximumLength: 100) { problems.add("label", cleanLabel, reason.message) }
        try problems.check()
        guard let tokenRole else { throw TunetError.internalFault("a token's role was neither read nor refused") }
        let token = "tunet_" + RandomSecret.hex()
        let record = try context.write { tx in
            if let number, try tx.provider(number) == nil {
                throw TunetError.notFound(kind: "provider", key: number.digits)
            }
            let pilot = try request.pilot.map { try PilotDesk.existing($0, in: tx) }
            return try tx.insertToken(AccessToken(id: 0, role: tokenRole, provider: number, label: cleanLabel, municipalities: scope,
                                                  pilotId: pilot?.id, createdAt: "", expiresOn: expiry),
                                      hash: Self.hash(token))
        }
        return IssuedTokenView(token: token, record: record)
    }

    public func list() throws -> [AccessToken] { try context.read { try $0.tokens() } }

    public func revoke(_ id: Int64) throws -> AccessToken { try context.write { try $0.revokeToken(id) } }

    /// The principal a bearer token stands for; every failure is the same "unauthorized" to the caller.
    public func authenticate(_ token: String?) throws -> Principal {
        guard let token, token.hasPrefix("tunet_"), token.count == 70 else {
            throw TunetError.unauthorized(Message("token.error.required"))
        }
        let hash = Self.hash(token)
        guard let (record, stored) = try context.read({ try $0.token(hash: hash) }), Self.constantTimeEqual(stored, hash) else {
            throw TunetError.unauthorized(Message("token.error.invalid"))
        }
        guard record.isValid(on: context.today) else {
            throw TunetError.unauthorized(record.revokedAt != nil ? Message("token.error.revoked") : Message("token.error.expired", ["day": .date(record.expiresOn)]))
        }
        return try Principal(token: record, scope: scope(of: record))
    }

    /// What a token sees now: its municipalities, or those its pilot has today (none, once the pilot is gone).
    func scope(of token: AccessToken) throws -> MunicipalityScope {
        if let pilotId = token.pilotId {
            return .only(Set(try context.read { try $0.pilot(pilotId) }?.municipalities ?? []))
        }
        return token.municipalities ?? .every
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hexDigits
    }

    /// Compares without stopping at the first difference, so timing says nothing about how much matched.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
