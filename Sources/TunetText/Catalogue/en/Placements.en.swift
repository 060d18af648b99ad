extension Catalogue {
    /// English: call-offs and follow-ups.
    static let enPlacements: [String: String] = [:]
}
