extension Catalogue {
    /// English: xlsx exports: the catalogue's front sheets, values and notes.
    static let enReports: [String: String] = [:]
}
