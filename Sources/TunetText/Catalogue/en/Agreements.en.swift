extension Catalogue {
    /// English: framework agreements, prices, KPI and school calendars.
    static let enAgreements: [String: String] = [:]
}
