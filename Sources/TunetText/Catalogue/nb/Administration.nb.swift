extension Catalogue {
    /// Bokmål: audit, privacy, backup, restore, tokens, serve, demo and synthetic data.
    static let nbAdministration: [String: String] = [:]
}
