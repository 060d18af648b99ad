extension Catalogue {
    /// Bokmål: framework agreements, prices, KPI and school calendars.
    static let nbAgreements: [String: String] = [:]
}
