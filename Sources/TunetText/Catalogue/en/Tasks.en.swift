extension Catalogue {
    /// English: the work team and its tasks.
    static let enTasks: [String: String] = [:]
}
