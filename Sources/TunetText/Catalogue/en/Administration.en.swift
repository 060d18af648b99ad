extension Catalogue {
    /// English: audit, privacy, backup, restore, tokens, serve, demo and synthetic data.
    static let enAdministration: [String: String] = [:]
}
