extension Catalogue {
    /// Bokmål: the provider-facing HTTP service and its upload page.
    static let nbService: [String: String] = [:]
}
