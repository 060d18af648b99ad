extension Catalogue {
    /// Bokmål: competitions: criteria, tenders, evaluation, award.
    static let nbProcurement: [String: String] = [:]
}
