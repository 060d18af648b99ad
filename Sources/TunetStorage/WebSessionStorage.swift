import TunetDomain

public protocol WebSessionReading {
    /// The session whose secret hashes to `hash`, with its token and the hash as stored (compared in
    /// constant time by the caller).
    func webSession(hash: String) throws -> (session: WebSession, token: AccessToken, storedHash: String)?
}

public protocol WebSessionWriting {
    /// Stores a session by its secret's hash, audited as a sign-in; sessions whose time ran out before
    /// this one began are removed.
    func insertWebSession(_ session: WebSession, hash: String) throws -> WebSession
    /// Ends a session (a sign-out), audited; a session already gone changes nothing.
    func endWebSession(_ id: Int64) throws
}
