extension Catalogue {
    /// Bokmål: farms: the register, its import and its commands.
    static let nbProviders: [String: String] = [:]
}
