import Crypto
import Foundation
import TunetDomain
import TunetStorage

public struct IssuedTokenView: Sendable, Encodable {
    /// Shown once; Tunet keeps only its SHA-256 hash.
    public let token: String
    public let record: AccessToken
}

/// Who made a request to the service.
public struct Principal: Sendable {
    public let token: AccessToken

    public var provider: OrganisationNumber? { token.provider }
    public var isLeader: Bool { token.role == .leader }
}

/// Tokens for the provider-facing service: issued to a farm or a project leader, with an expiry.
public struct TokenDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public static let defaultValidityDays = 365

    public func issue(provider: String?, role: String?, expires: String?, label: String?) throws -> IssuedTokenView {
        var problems = ProblemCollector()
        var tokenRole = TokenRole.provider
        if let role {
            if let parsed = TokenRole(rawValue: role.lowercased()) { tokenRole = parsed } else { problems.add("role", role, Message("token.error.role")) }
        }
        var number: OrganisationNumber?
        if let provider { number = problems.take("provider", provider, OrganisationNumber.parse(provider)) }
        if tokenRole == .provider && provider == nil { problems.add("provider", nil, Message("token.error.provider_missing", fields: ["provider", "role"])) }
        if tokenRole == .leader && provider != nil { problems.add("provider", provider, Message("token.error.leader_with_provider", fields: ["provider"])) }
        var expiry = context.today.adding(days: Self.defaultValidityDays)
        if let expires, let day = problems.date("expires", expires) {
            expiry = day
            if day < context.today { problems.add("expires", expires, Message("token.error.expiry_passed")) }
        }
        let cleanLabel = label?.trimmingWhitespace().nilIfEmpty
        if let cleanLabel, let reason = FreeText.check(cleanLabel, maximumLength: 100) { problems.add("label", cleanLabel, reason.message) }
        try problems.check()
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = UInt8.random(in: .min ... .max, using: &generator) }
        let token = "tunet_" + bytes.hexDigits
        let record = try context.write { tx in
            if let number, try tx.provider(number) == nil {
                throw TunetError.notFound(kind: "provider", key: number.digits)
            }
            return try tx.insertToken(AccessToken(id: 0, role: tokenRole, provider: number, label: cleanLabel, createdAt: "", expiresOn: expiry),
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
        return Principal(token: record)
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
