extension Catalogue {
    /// English: reading CSV and xlsx files, and the database file.
    static let enFiles: [String: String] = [:]
}
