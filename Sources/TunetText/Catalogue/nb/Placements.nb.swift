extension Catalogue {
    /// Bokmål: call-offs and follow-ups.
    static let nbPlacements: [String: String] = [:]
}
