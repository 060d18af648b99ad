extension Catalogue {
    /// English: the provider-facing HTTP service and its upload page.
    static let enService: [String: String] = [:]
}
