extension Catalogue {
    /// English: pilots, their measures and evaluation.
    static let enPilots: [String: String] = [:]
}
