extension Catalogue {
    /// Bokmål: xlsx exports: the catalogue's front sheets, values and notes.
    static let nbReports: [String: String] = [:]
}
