extension Catalogue {
    /// Bokmål: pilots, their measures and evaluation.
    static let nbPilots: [String: String] = [:]
}
