extension Catalogue {
    /// Bokmål: reading CSV and xlsx files, and the database file.
    static let nbFiles: [String: String] = [:]
}
