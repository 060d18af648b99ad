import TunetDomain

public protocol TokenReading {
    func tokens() throws -> [AccessToken]
    /// The token whose hash is `hash`, with the hash as stored (compared in constant time by the caller).
    func token(hash: String) throws -> (AccessToken, storedHash: String)?
}

public protocol TokenWriting {
    func insertToken(_ token: AccessToken, hash: String) throws -> AccessToken
    func revokeToken(_ id: Int64) throws -> AccessToken
}
