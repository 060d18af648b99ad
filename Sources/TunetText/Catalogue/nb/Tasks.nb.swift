extension Catalogue {
    /// Bokmål: the work team and its tasks.
    static let nbTasks: [String: String] = [:]
}
