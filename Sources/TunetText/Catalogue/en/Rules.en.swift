extension Catalogue {
    /// English: the domain rules' reasons (dates, money, organisation numbers, forms, the planner).
    static let enRules: [String: String] = [:]
}
