extension Catalogue {
    /// English: competitions: criteria, tenders, evaluation, award.
    static let enProcurement: [String: String] = [:]
}
