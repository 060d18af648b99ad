extension Catalogue {
    /// English: farms: the register, its import and its commands.
    static let enProviders: [String: String] = [:]
}
