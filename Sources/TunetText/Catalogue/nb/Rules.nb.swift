extension Catalogue {
    /// Bokmål: the domain rules' reasons (dates, money, organisation numbers, forms, the planner).
    static let nbRules: [String: String] = [:]
}
